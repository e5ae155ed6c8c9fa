/** A worker module for worker-pool.spec.ts: holds its thread for `ms` (wall time, whatever the machine's load), or allocates without end. */
import { getPriority } from 'node:os';
import { workerTask } from '../worker-task.js';

export default workerTask((task: { ms?: number; hog?: boolean; priority?: boolean }) => {
  if (task.priority) return { waited: 0, priority: getPriority() };
  if (task.hog) {
    const kept: number[][] = [];
    for (;;) kept.push(new Array(1_000_000).fill(kept.length));
  }
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, task.ms ?? 0);
  return { waited: task.ms ?? 0 };
});
