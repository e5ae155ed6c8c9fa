/**
 * kill -9 of the embedded postmaster while 8 clients save drafts: the app notices, starts
 * PostgreSQL again on the same data directory by itself (no person, no restart of the app), the
 * API answers 503 meanwhile and recovers, and every draft save acknowledged before, during or
 * after the kill is in the database (PostgreSQL's crash recovery replays the WAL).
 * Embedded only, in both CI modes (the shared DATABASE_URL server is not the app's to kill).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { AppProcess, alive, sleep, Sql } from '../support/app.js';
import { Api } from '../support/http.js';
import { figures, HY_SCHOOLS, khoaiChauReport, unitCode } from '../support/journey.js';
import { loadWorld } from '../support/world.js';

const CLIENTS = 8;

describe('embedded PostgreSQL supervised', () => {
  let app: AppProcess;
  afterAll(() => app?.dispose());

  it(`kill -9 of the postmaster under ${CLIENTS} writing clients: restarted by the app, API back without a person, no acknowledged write lost`, async () => {
    app = await new AppProcess().start(); // embedded
    const api = new Api(app.url);
    const sql = new Sql(app.databaseUrl());
    const w = await loadWorld(sql);
    await sql.end();
    const tokens = await api.logins(HY_SCHOOLS.map((s) => `${s}.editor`));
    const appPid = app.pid;

    const acked = new Map<string, number>(); // submission → highest version the API acknowledged
    const seen: { phase: string; status: number; text?: string }[] = [];
    let phase = 'before';
    let stop = false;
    const client = async (c: number) => {
      const school = HY_SCHOOLS[c % HY_SCHOOLS.length]!;
      const id = w.sub[unitCode(school)]!;
      const token = tokens[`${school}.editor`]!;
      let i = 0;
      while (!stop) {
        try {
          const cur = await api.get(`/api/submissions/${id}`, token, { timeoutMs: 15_000 });
          seen.push({ phase, status: cur.status });
          if (cur.status !== 200) {
            await sleep(100);
            continue;
          }
          const s = await api.save(token, id, khoaiChauReport(school, figures(c * 10_000 + i++)), cur.body.version);
          seen.push({ phase, status: s.status, ...(s.status >= 500 ? { text: s.text.slice(0, 200) } : {}) });
          if (s.status === 200) acked.set(id, Math.max(acked.get(id) ?? 0, s.body.version));
        } catch {
          seen.push({ phase, status: -1 });
          await sleep(100);
        }
      }
    };
    const running = Array.from({ length: CLIENTS }, (_, c) => client(c));
    await sleep(3000);

    const postmaster = app.postmasterPid();
    expect(postmaster).toBeGreaterThan(0);
    phase = 'after-kill';
    process.kill(postmaster!, 'SIGKILL');
    const killedAt = Date.now();
    let recoveredAfter = -1;
    while (Date.now() - killedAt < 60_000) {
      await sleep(250);
      const r = await api.get('/readyz', undefined, { timeoutMs: 5000 }).catch(() => null);
      if (r?.status === 200 && app.postmasterPid() && app.postmasterPid() !== postmaster) {
        recoveredAfter = Date.now() - killedAt;
        break;
      }
    }
    phase = 'recovered';
    const savesBefore = [...acked.values()].reduce((a, b) => a + b, 0);
    await sleep(3000);
    stop = true;
    await Promise.all(running);

    const count = (p: string, pred: (s: number) => boolean) => seen.filter((s) => s.phase === p && pred(s.status)).length;
    console.log('postmaster kill -9', {
      recoveredAfterMs: recoveredAfter,
      before: { ok: count('before', (s) => s === 200) },
      afterKill: { ok: count('after-kill', (s) => s === 200), unavailable: count('after-kill', (s) => s === 503), other: count('after-kill', (s) => s !== 200 && s !== 503) },
      recovered: { ok: count('recovered', (s) => s === 200), failed: count('recovered', (s) => s !== 200 && s !== 409) },
    });
    console.log('supervisor', app.out.join('').split('\n').filter((l) => l.includes('PostgreSQL nhúng đã')));
    expect(recoveredAfter, 'the API did not recover by itself within 60 s').toBeGreaterThan(0);
    expect(alive(appPid), 'the app process itself kept running').toBe(true);
    expect(app.out.join('')).toMatch(/PostgreSQL nhúng đã chạy lại/);
    expect(count('before', (s) => s === 200)).toBeGreaterThan(CLIENTS);
    expect(count('recovered', (s) => s === 200), 'writes succeed again after recovery').toBeGreaterThan(CLIENTS);
    // while the database was down: 503 (or a 409 version race), never a 500 or a hang
    expect(seen.filter((s) => s.status === -1 || (s.status >= 500 && s.status !== 503))).toEqual([]);
    expect([...acked.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(savesBefore);

    const check = new Sql(app.databaseUrl());
    try {
      for (const [id, version] of acked) {
        const row = await check.one<{ version: number }>(`SELECT version FROM submission WHERE id = $1`, [id]);
        expect(row.version, `submission ${id}: an acknowledged save was lost`).toBeGreaterThanOrEqual(version);
      }
    } finally {
      await check.end();
    }
  }, 300_000);
});
