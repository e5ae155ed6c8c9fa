import { describe, expect, it } from 'vitest';
import { FairQueue } from './fair-queue.js';

/** A job the test finishes by hand, recording the order in which jobs started. */
function jobs() {
  const started: string[] = [];
  const finishers: (() => void)[] = [];
  const job = (name: string) => () =>
    new Promise<string>((resolve) => {
      started.push(name);
      finishers.push(() => resolve(name));
    });
  const finishOne = async () => {
    finishers.shift()!();
    await new Promise((r) => setImmediate(r));
  };
  return { started, job, finishOne };
}

describe(FairQueue.name, () => {
  it('runs at most `concurrency` jobs and serves waiting keys in turn, not in arrival order', async () => {
    const sut = new FairQueue(1, 100, 100);
    const { started, job, finishOne } = jobs();
    const all = [
      sut.run('flood', job('f1')),
      sut.run('flood', job('f2')),
      sut.run('flood', job('f3')),
      sut.run('flood', job('f4')),
      sut.run('real', job('r1')),
    ];
    expect(sut.load()).toEqual({ active: 1, waiting: 4 });
    for (let i = 0; i < 5; i++) await finishOne();
    await Promise.all(all);
    expect(started).toEqual(['f1', 'f2', 'r1', 'f3', 'f4']);
    expect(sut.load()).toEqual({ active: 0, waiting: 0 });
  });

  it('refuses (null) beyond the waiting limit in total and per key', async () => {
    const sut = new FairQueue(1, 3, 2);
    const { job, finishOne } = jobs();
    const running = sut.run('a', job('a1'));
    expect(sut.run('a', job('a2'))).not.toBeNull();
    expect(sut.run('a', job('a3'))).not.toBeNull();
    expect(sut.run('a', job('a4'))).toBeNull(); // this key already has 2 waiting
    expect(sut.run('b', job('b1'))).not.toBeNull();
    expect(sut.run('c', job('c1'))).toBeNull(); // 3 waiting in total
    for (let i = 0; i < 4; i++) await finishOne();
    expect(await running).toBe('a1');
  });
});
