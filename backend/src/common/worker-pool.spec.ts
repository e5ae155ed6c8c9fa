import { afterEach, describe, expect, it } from 'vitest';
import { getPriority } from 'node:os';
import { WorkerPool, workerModule } from './worker-pool.js';
import { WORKER_NICE } from './worker-task.js';

const module = workerModule(new URL('./__fixtures__/wait.js', import.meta.url), new URL('./__fixtures__/wait.task.ts', import.meta.url));
const messages = { timeout: 'Quá thời gian.', memory: 'Quá bộ nhớ.', busy: 'Đang bận.' };

describe(WorkerPool.name, () => {
  let sut: WorkerPool<{ ms?: number; hog?: boolean; priority?: boolean }, { waited: number; priority?: number }> | undefined;
  const pool = (o: { threads?: number; maxQueue?: number; timeoutMs: number; memoryMb?: number }) =>
    (sut = new WorkerPool({ label: 'thử', module, threads: 1, maxQueue: 8, memoryMb: 64, idleTimeoutMs: 60_000, messages, ...o }));
  afterEach(async () => sut?.destroy());

  it('counts the time limit from when a thread starts the task: three 1 s tasks queued on one thread all finish under a 2.5 s limit', async () => {
    const p = pool({ timeoutMs: 2500 });
    const all = await Promise.all([1000, 1000, 1000].map((ms) => p.run({ ms })));
    expect(all).toEqual([{ waited: 1000 }, { waited: 1000 }, { waited: 1000 }]);
  }, 60_000);

  it('stops a task that runs past the limit with the Vietnamese 422, and the next task runs on a new thread', async () => {
    const p = pool({ timeoutMs: 500 });
    const err = (await p.run({ ms: 5000 }).catch((e: unknown) => e)) as { getStatus(): number; getResponse(): { message: string } };
    expect(err.getStatus()).toBe(422);
    expect(err.getResponse().message).toBe('Quá thời gian.');
    expect(await p.run({ ms: 10 })).toEqual({ waited: 10 });
  }, 60_000);

  it('refuses a task beyond the queue at once with the Vietnamese 503, and runs those it accepted', async () => {
    const p = pool({ timeoutMs: 60_000, maxQueue: 1 });
        const running = p.run({ ms: 1500 });
    const queued = p.run({ ms: 10 });
    const err = (await p.run({ ms: 10 }).catch((e: unknown) => e)) as { getStatus(): number; getResponse(): { message: string } };
    expect(err.getStatus()).toBe(503);
    expect(err.getResponse().message).toBe('Đang bận.');
    expect(await Promise.all([running, queued])).toEqual([{ waited: 1500 }, { waited: 10 }]);
  }, 60_000);

  it('runs its threads at a lower priority than the API thread (Linux nice is per thread)', async () => {
    const p = pool({ timeoutMs: 60_000 });
    const own = getPriority();
    expect(await p.run({ priority: true })).toEqual({ waited: 0, priority: WORKER_NICE });
    expect(getPriority()).toBe(own);
  }, 60_000);

  it('a task over its heap limit is refused with the memory message', async () => {
    const p = pool({ timeoutMs: 60_000, memoryMb: 32 });
    const err = (await p.run({ hog: true }).catch((e: unknown) => e)) as { getStatus(): number; getResponse(): { message: string } };
    expect(err.getResponse().message).toBe('Quá bộ nhớ.');
  }, 60_000);
});
