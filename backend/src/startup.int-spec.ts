import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './database/embedded-postgres.js';

/**
 * The README's front door as a newcomer meets it: the built app started as `npm start` starts it,
 * on the embedded PostgreSQL, with bad settings, a busy port, a second start and a crash.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const main = path.join(root, 'backend', 'dist', 'main.js');

interface Started {
  child: ChildProcess;
  out: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Started {
  let out = '';
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', SEED_DEMO: 'false', RUN_JOBS: 'false', ADMIN_PASSWORD: 'Admin@Test1', ...env },
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out: () => out, exited };
}

async function ready(port: number, app: Started, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (app.child.exitCode !== null) throw new Error(`exited early:\n${app.out()}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`not ready:\n${app.out()}`);
}

function postgresRunningOn(dataDir: string): boolean {
  try {
    return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').some((l) => l.includes('postgres') && l.includes(dataDir));
  } catch {
    return false;
  }
}

const dataDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'bdg-start-'));
  chmodSync(d, 0o755); // as root, the OS user postgres runs the embedded server
  return d;
};

describe('npm start (built app, embedded PostgreSQL)', () => {
  const dirs: string[] = [];
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--backend-only'], { cwd: root, stdio: 'pipe' });
  }, 120_000);
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it.each([
    [{ DATABASE_URL: 'mysql://x@y/z' }, /DATABASE_URL không hợp lệ/],
    [{ DATABASE_URL: 'postgres://u:p@127.0.0.1:1/db' }, /Không kết nối được PostgreSQL tại 127\.0\.0\.1:1/],
    [{ PORT: 'tám nghìn' }, /PORT không hợp lệ/],
    [{ UPLOAD_LIMIT_MB: '-3' }, /UPLOAD_LIMIT_MB không hợp lệ/],
  ])('refuses %j with one clear line and a non-zero exit', async (env, message) => {
    const d = dataDir();
    dirs.push(d);
    const app = start({ DATA_DIR: d, ...env });
    expect(await app.exited).toBe(1);
    expect(app.out()).toMatch(message);
    expect(app.out()).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('says so when the port is taken', async () => {
    const blocker = net.createServer().listen(0, '0.0.0.0');
    await new Promise((r) => blocker.once('listening', r));
    const port = (blocker.address() as net.AddressInfo).port;
    const d = dataDir();
    dirs.push(d);
    const app = start({ DATA_DIR: d, PORT: String(port) });
    expect(await app.exited).toBe(1);
    expect(app.out()).toMatch(new RegExp(`Cổng ${port} đang được chương trình khác dùng`));
    blocker.close();
    expect(postgresRunningOn(d)).toBe(false);
  });

  it('starts, refuses a second start on the same data, survives kill -9, and stops cleanly on SIGTERM', async () => {
    const d = dataDir();
    dirs.push(d);
    const port = await freePort();
    const first = start({ DATA_DIR: d, PORT: String(port) });
    await ready(port, first);
    expect(first.out()).toMatch(/Báo cáo BĐG đã sẵn sàng/);
    expect(first.out()).toMatch(/admin \/ \(mật khẩu trong ADMIN_PASSWORD\)/);
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'Admin@Test1' }),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const me = (await (await fetch(`http://127.0.0.1:${port}/api/me`, { headers: { Authorization: `Bearer ${accessToken}` } })).json()) as { unitId: string };
    const created = await fetch(`http://127.0.0.1:${port}/api/org-units`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ code: 'SO-TEST', name: 'Sở thử nghiệm', kind: 'so', parentId: me.unitId }),
    });
    expect(created.status).toBe(201);

    const second = start({ DATA_DIR: d, PORT: String(await freePort()) });
    expect(await second.exited).toBe(1);
    expect(second.out()).toMatch(/Ứng dụng đã đang chạy với thư mục dữ liệu/);

    // A crash: the app dies, its postgres lives on as an orphan; the next start recovers and keeps the data.
    first.child.kill('SIGKILL');
    await first.exited;
    expect(postgresRunningOn(d)).toBe(true);
    const port2 = await freePort();
    const again = start({ DATA_DIR: d, PORT: String(port2) });
    await ready(port2, again);
    const relogin = await fetch(`http://127.0.0.1:${port2}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'Admin@Test1' }),
    });
    const token = ((await relogin.json()) as { accessToken: string }).accessToken;
    const units = (await (await fetch(`http://127.0.0.1:${port2}/api/org-units?q=SO-TEST`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { items: unknown[] };
    expect(units.items).toHaveLength(1);

    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
    expect(postgresRunningOn(d)).toBe(false);
    expect(existsSync(path.join(d, 'pg', 'PG_VERSION'))).toBe(true);
    expect(readFileSync(path.join(d, 'jwt-secret'), 'utf8').trim().length).toBeGreaterThan(30);
  });
});
