/**
 * The worker-thread side of common/worker-pool.ts. Kept apart so that a worker module loads nothing
 * of the API (NestJS, piscina) with it.
 */
import type { MessagePort } from 'node:worker_threads';

/** What a worker module receives: the task, and a port on which it says "started" (see workerTask). */
export interface PooledTask<T> {
  task: T;
  started: MessagePort;
}

/**
 * Wraps a worker module's function: it tells the pool that the task left the queue before doing any
 * work, so the time limit measures execution only. Use as `export default workerTask(fn)`.
 */
export function workerTask<T, R>(fn: (task: T) => Promise<R> | R): (job: PooledTask<T>) => Promise<R> {
  return async ({ task, started }) => {
    started.postMessage('started');
    started.close();
    return fn(task);
  };
}
