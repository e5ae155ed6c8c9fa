/**
 * Runs the real, built app (backend/dist/main.js) as a child process, the way `npm start` does.
 * With DATABASE_URL in the environment each suite gets a fresh database on that server;
 * without it the app starts its own embedded PostgreSQL in DATA_DIR/pg.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const MAIN = path.join(ROOT, 'backend/dist/main.js');
export const ADMIN_PASSWORD = 'Admin@Proof1';
export const DEMO = 'Demo@2026!';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A sleep that does not keep the process alive. */
const idle = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());

/** A fresh database on the shared server (DATABASE_URL), or null for the embedded one. */
export async function createSuiteDatabase(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const server = process.env.DATABASE_URL;
  if (!server) return null;
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(server);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await c.end();
    },
  };
}

export function makeDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bdg-proof-'));
  chmodSync(dir, 0o755); // as root the embedded server runs as the OS user postgres
  return dir;
}

export interface AppOptions {
  env?: Record<string, string>;
  dataDir?: string;
  /** a database URL for the app; undefined = embedded PostgreSQL in dataDir */
  databaseUrl?: string;
  jwtSecret?: string;
  port?: number;
  /** node's own flags for the app process (e.g. --cpu-prof when profiling a bench row) */
  nodeArgs?: string[];
}

export class AppProcess {
  proc: ChildProcess | null = null;
  port = 0;
  out: string[] = [];
  readonly dataDir: string;
  readonly jwtSecret: string;

  constructor(readonly opts: AppOptions = {}) {
    this.dataDir = opts.dataDir ?? makeDataDir();
    this.jwtSecret = opts.jwtSecret ?? randomBytes(32).toString('hex');
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }
  get embedded() {
    return !this.opts.databaseUrl;
  }
  get pid() {
    return this.proc?.pid ?? 0;
  }

  /** Starts the process and resolves when /readyz answers 200. */
  async start(timeoutMs = 120_000): Promise<this> {
    this.port = this.opts.port ?? this.port ?? 0;
    if (!this.port) this.port = await freePort();
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/root',
      NODE_ENV: 'production',
      PORT: String(this.port),
      HOST: '127.0.0.1',
      DATA_DIR: this.dataDir,
      ADMIN_PASSWORD,
      JWT_SECRET: this.jwtSecret,
      SEED_DEMO: 'true',
      LOGIN_RATE_LIMIT: '100000',
      ...(this.opts.databaseUrl ? { DATABASE_URL: this.opts.databaseUrl } : {}),
      ...this.opts.env,
    };
    const proc = spawn(process.execPath, [...(this.opts.nodeArgs ?? []), MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.proc = proc;
    const keep = (b: Buffer) => {
      this.out.push(b.toString());
      if (this.out.length > 400) this.out.splice(0, 100);
    };
    proc.stdout!.on('data', keep);
    proc.stderr!.on('data', keep);
    let exited: number | null = null;
    proc.once('exit', (code, sig) => (exited = code ?? (sig ? 128 : 1)));
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (exited !== null) throw new Error(`app exited (${exited}) before ready:\n${this.logs()}`);
      try {
        const r = await fetch(`${this.url}/readyz`, { signal: AbortSignal.timeout(2000) });
        if (r.status === 200) return this;
      } catch {
        /* not listening yet */
      }
      await sleep(150);
    }
    throw new Error(`app not ready after ${timeoutMs} ms:\n${this.logs()}`);
  }

  logs() {
    return this.out.join('').slice(-6000);
  }

  /** The URL the app's database answers on (embedded: read from DATA_DIR, changes on each start). */
  databaseUrl(): string {
    if (this.opts.databaseUrl) return this.opts.databaseUrl;
    const pw = readFileSync(path.join(this.dataDir, 'pg-password'), 'utf8').trim();
    const port = readFileSync(path.join(this.dataDir, 'pg/postmaster.pid'), 'utf8').split('\n')[3]!.trim();
    return `postgres://bdg:${encodeURIComponent(pw)}@127.0.0.1:${port}/bdg`;
  }

  /** PID of the embedded postmaster, if one runs. */
  postmasterPid(): number | null {
    const f = path.join(this.dataDir, 'pg/postmaster.pid');
    if (!existsSync(f)) return null;
    const pid = Number(readFileSync(f, 'utf8').split('\n')[0]);
    return pid && alive(pid) ? pid : null;
  }

  /** Graceful stop (SIGTERM): the app stops its embedded server itself. */
  async stop(timeoutMs = 30_000) {
    const p = this.proc;
    if (!p || p.exitCode !== null || p.signalCode) return;
    const done = new Promise((r) => p.once('exit', r));
    p.kill('SIGTERM');
    await Promise.race([done, idle(timeoutMs)]);
    if (p.exitCode === null && !p.signalCode) {
      p.kill('SIGKILL');
      await done;
    }
  }

  /** kill -9 of the API process only: an embedded postgres is left behind as an orphan. */
  async kill9() {
    const p = this.proc;
    if (!p || p.exitCode !== null || p.signalCode) return;
    const done = new Promise((r) => p.once('exit', r));
    p.kill('SIGKILL');
    await done;
  }

  /** Stops everything this app started (the process, then an orphaned embedded postmaster), removes DATA_DIR. */
  async dispose({ keepDir = false } = {}) {
    await this.stop();
    const pm = this.postmasterPid();
    if (pm) {
      try {
        process.kill(pm, 'SIGCONT');
        process.kill(pm, 'SIGINT');
      } catch {
        /* gone */
      }
      const until = Date.now() + 15_000;
      while (alive(pm) && Date.now() < until) await sleep(100);
    }
    if (!keepDir) rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One app for a suite: a fresh database on DATABASE_URL when set, else the embedded server. */
export async function startSuiteApp(opts: Omit<AppOptions, 'databaseUrl'> = {}) {
  const db = await createSuiteDatabase();
  const app = new AppProcess({ ...opts, databaseUrl: db?.url });
  try {
    await app.start();
  } catch (e) {
    await app.dispose();
    await db?.drop();
    throw e;
  }
  const sql = new Sql(app.databaseUrl());
  return {
    app,
    db,
    sql,
    close: async () => {
      await sql.end();
      await app.dispose();
      await db?.drop();
    },
  };
}

/** Raw SQL as the database owner (a superuser in both modes), for setup, snapshots and tampering. */
export class Sql {
  private pool: pg.Pool;
  constructor(url: string, max = 4) {
    this.pool = new pg.Pool({ connectionString: url, max });
    this.pool.on('error', () => {});
  }
  async q<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]> {
    return (await this.pool.query(text, params)).rows as T[];
  }
  async one<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T> {
    const rows = await this.q<T>(text, params);
    if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}: ${text}`);
    return rows[0]!;
  }
  client() {
    return this.pool.connect();
  }
  end() {
    return this.pool.end();
  }
}
