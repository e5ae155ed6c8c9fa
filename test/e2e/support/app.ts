/**
 * The real, built app (backend/dist/main.js + frontend/dist) as a child process on the embedded PostgreSQL
 * (no DATABASE_URL: the newcomer's path), in a fresh DATA_DIR, with the demo data seeded.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const MAIN = path.join(ROOT, 'backend/dist/main.js');
export const ADMIN_PASSWORD = 'Admin@E2e2026';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no free port'))));
    });
  });
}

/** PIDs of processes whose command line mentions `needle` (the embedded postgres runs with `-D <DATA_DIR>/pg`). */
export function processesMentioning(needle: string): { pid: number; cmd: string }[] {
  const found: { pid: number; cmd: string }[] = [];
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e) || Number(e) === process.pid) continue;
    try {
      const cmd = readFileSync(`/proc/${e}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      if (cmd.includes(needle) && /postgres/.test(cmd)) found.push({ pid: Number(e), cmd });
    } catch {
      /* gone */
    }
  }
  return found;
}

export class App {
  proc: ChildProcess | null = null;
  port = 0;
  readonly dataDir: string;
  private out: string[] = [];
  private exitCode: number | null = null;
  private exited: Promise<void> = Promise.resolve();

  constructor() {
    this.dataDir = mkdtempSync(path.join(tmpdir(), 'bdg-e2e-'));
    chmodSync(this.dataDir, 0o755); // as root, the embedded PostgreSQL runs as the OS user postgres
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  logs(n = 8000) {
    return this.out.join('').slice(-n);
  }

  async start(timeoutMs = 180_000): Promise<void> {
    if (!existsSync(MAIN) || !existsSync(path.join(ROOT, 'frontend/dist/index.html')))
      throw new Error('backend/dist or frontend/dist missing: run `npm run test:e2e` (it builds first)');
    this.port = await freePort();
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/root',
      NODE_ENV: 'production',
      PORT: String(this.port),
      DATA_DIR: this.dataDir,
      SEED_DEMO: 'true',
      ADMIN_PASSWORD,
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOGIN_RATE_LIMIT: '10000',
    };
    const proc = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.proc = proc;
    const keep = (b: Buffer) => {
      this.out.push(b.toString());
      if (this.out.length > 500) this.out.splice(0, 100);
    };
    proc.stdout!.on('data', keep);
    proc.stderr!.on('data', keep);
    this.exited = new Promise((r) =>
      proc.once('exit', (code, sig) => {
        this.exitCode = code ?? (sig ? 128 : 1);
        r();
      }),
    );
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (this.exitCode !== null) throw new Error(`the app exited (${this.exitCode}) before /readyz:\n${this.logs()}`);
      try {
        const r = await fetch(`${this.url}/readyz`, { signal: AbortSignal.timeout(3000) });
        if (r.status === 200) return;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`the app was not ready after ${timeoutMs} ms:\n${this.logs()}`);
  }

  /** SIGTERM, wait for a clean exit; then no postgres of this DATA_DIR may remain. Returns the leftovers (killed). */
  async stop(timeoutMs = 60_000): Promise<{ exitCode: number | null; leftovers: { pid: number; cmd: string }[] }> {
    if (this.proc && this.exitCode === null) {
      this.proc.kill('SIGTERM');
      const t = setTimeout(() => this.proc?.kill('SIGKILL'), timeoutMs);
      await this.exited;
      clearTimeout(t);
    }
    // The postmaster removes its pid file on a clean shutdown; give the server processes a moment to go.
    let leftovers = processesMentioning(this.dataDir);
    for (let i = 0; i < 50 && leftovers.length; i++) {
      await new Promise((r) => setTimeout(r, 200));
      leftovers = processesMentioning(this.dataDir);
    }
    for (const p of leftovers) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    if (!leftovers.length) rmSync(this.dataDir, { recursive: true, force: true });
    return { exitCode: this.exitCode, leftovers };
  }
}
