/**
 * One abstraction for CPU-heavy work off the API's event loop (export renderers, validation of large
 * bodies): a piscina pool of worker threads, each task with a heap limit and a time limit that counts
 * from the moment a thread starts the task — a task that waited behind others in the queue still gets
 * its whole allowance — and Vietnamese errors when a limit is hit.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Logger } from '@nestjs/common';
import { Piscina } from 'piscina';
import { ApiException } from './errors.js';
import type { PooledTask } from './worker-task.js';

/**
 * The task module: the bundled file beside backend/dist/main.js, or the TypeScript source under the
 * test runner, loaded through tsx with the workspaces' `source` condition. Both URLs are made by the
 * caller with `new URL(…, import.meta.url)` so that each resolves from where the caller lives.
 */
export function workerModule(built: URL, source: URL): { filename: string; execArgv: string[] } {
  if (import.meta.url.endsWith('.js') && existsSync(fileURLToPath(built))) return { filename: fileURLToPath(built), execArgv: [] };
  return { filename: fileURLToPath(source), execArgv: ['--conditions=source', '--import', 'tsx'] };
}

export interface WorkerPoolOptions {
  /** For logs (Vietnamese). */
  label: string;
  module: { filename: string; execArgv: string[] };
  threads: number;
  /** Tasks waiting beyond the running ones; one more is refused at once with `messages.busy` (503). */
  maxQueue: number;
  timeoutMs: number;
  memoryMb: number;
  /** Kept warm this long (10 minutes unless said): starting a thread costs a second or more (fonts, compiled schemas). */
  idleTimeoutMs?: number;
  messages: { timeout: string; memory: string; busy: string; status?: number };
}

export class WorkerPool<T, R> {
  private readonly log: Logger;
  private pool?: Piscina<PooledTask<T>, R>;
  /** Tasks accepted and not yet settled (running or waiting). */
  private inFlight = 0;

  constructor(private readonly opts: WorkerPoolOptions) {
    this.log = new Logger(opts.label);
  }

  private get piscina(): Piscina<PooledTask<T>, R> {
    if (!this.pool) {
      const { module, threads, maxQueue, memoryMb, idleTimeoutMs = 600_000 } = this.opts;
      this.pool = new Piscina<PooledTask<T>, R>({
        filename: module.filename,
        execArgv: module.execArgv,
        minThreads: 0,
        maxThreads: threads,
        maxQueue,
        idleTimeout: idleTimeoutMs,
        resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(16, memoryMb / 8)) },
      });
    }
    return this.pool;
  }

  /**
   * Runs `task` in a thread; a limit hit becomes a Vietnamese 422 (time, memory) or 503 (queue full) and the
   * thread is replaced. `transfer`: ports or buffers the task carries (moved, not copied).
   */
  async run(task: T, transfer: Transferable[] = []): Promise<R> {
    const { timeoutMs, messages, threads, maxQueue } = this.opts;
    // Counted here: piscina keeps tasks that carry an abort signal out of its bounded queue, so its
    // maxQueue never refuses ours.
    if (this.inFlight >= threads + maxQueue) {
      this.log.warn(`hàng đợi đầy (${this.inFlight} việc)`);
      throw new ApiException(503, messages.busy);
    }
    this.inFlight++;
    const abort = new AbortController();
    const { port1, port2 } = new MessageChannel();
    let timer: NodeJS.Timeout | undefined;
    // The clock starts when a thread picks the task up, not when it was queued.
    port1.once('message', () => {
      timer = setTimeout(() => abort.abort(), timeoutMs);
      port1.close();
    });
    try {
      return await this.piscina.run({ task, started: port2 }, { signal: abort.signal, transferList: [port2, ...transfer] as never });
    } catch (e) {
      const err = e as { name?: string; code?: string; message?: string };
      this.log.warn(`${err.code ?? err.name}: ${err.message}`);
      const status = messages.status ?? 422;
      if (abort.signal.aborted || err.name === 'AbortError' || err.code === 'ABORT_ERR') throw new ApiException(status, messages.timeout);
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') throw new ApiException(status, messages.memory);
      if (/queue is at limit/i.test(err.message ?? '')) throw new ApiException(503, messages.busy);
      throw e;
    } finally {
      this.inFlight--;
      clearTimeout(timer);
      port1.close();
    }
  }

  async destroy() {
    await this.pool?.destroy();
  }
}
