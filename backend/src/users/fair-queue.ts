/**
 * A bounded work queue that is fair between keys (client addresses): at most `concurrency` jobs
 * run; waiting jobs are taken one key at a time in turn, so a flood from 16 addresses delays a
 * 17th client by a few jobs, not by the whole flood. A full queue (in total, or for one key)
 * refuses at once instead of growing.
 */
export class FairQueue {
  private active = 0;
  private waiting = 0;
  private readonly queues = new Map<string, (() => void)[]>();

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
    private readonly maxWaitingPerKey: number,
  ) {}

  load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting };
  }

  /** A job would start at once and still leave `reserve` slots free, nobody waiting. */
  idle(reserve = 0): boolean {
    return this.active + reserve < this.concurrency && this.waiting === 0;
  }

  /** Runs `work` when its turn comes; null when the queue is full (the caller refuses). */
  run<T>(key: string, work: () => Promise<T>): Promise<T> | null {
    if (this.active < this.concurrency) return this.start(work);
    const mine = this.queues.get(key) ?? [];
    if (this.waiting >= this.maxWaiting || mine.length >= this.maxWaitingPerKey) return null;
    return new Promise<T>((resolve, reject) => {
      mine.push(() => void this.start(work).then(resolve, reject));
      // A Map iterates in insertion order: a key re-inserted after its turn goes to the back.
      this.queues.set(key, mine);
      this.waiting++;
    });
  }

  private start<T>(work: () => Promise<T>): Promise<T> {
    this.active++;
    return work().finally(() => {
      this.active--;
      this.next();
    });
  }

  private next() {
    const first = this.queues.entries().next();
    if (first.done) return;
    const [key, jobs] = first.value;
    const job = jobs.shift()!;
    this.queues.delete(key);
    if (jobs.length) this.queues.set(key, jobs);
    this.waiting--;
    job();
  }
}
