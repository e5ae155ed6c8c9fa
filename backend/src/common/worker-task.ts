/**
 * The worker-thread side of common/worker-pool.ts. Kept apart so that a worker module loads nothing
 * of the API (NestJS, piscina) with it.
 */
import { setPriority } from 'node:os';
import type { MessagePort } from 'node:worker_threads';

/**
 * Niceness of a pooled thread: on Linux it is per thread, so under load the kernel gives the API's event
 * loop (nice 0) about nine times a worker's share of a core, and /healthz answers while exports and
 * large checks run on every core; an idle API leaves the workers the whole machine.
 */
export const WORKER_NICE = 10;
let reniced = false;
function lowerThisThread() {
  if (reniced) return;
  reniced = true;
  try {
    setPriority(WORKER_NICE);
  } catch {
    /* a platform without per-thread priorities: the pool still works */
  }
}

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
    // only ever called in a pool's thread (the API thread calls the wrapped function directly)
    lowerThisThread();
    started.postMessage('started');
    started.close();
    return fn(task);
  };
}
