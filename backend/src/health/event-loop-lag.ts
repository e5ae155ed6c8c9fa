/**
 * Event-loop lag as the API's clients feel it: a timer due every `intervalMs` measures how late it
 * fires. Every sample goes to a histogram in /metrics; the largest of the last few seconds tells
 * /readyz whether this replica is too busy to take more traffic.
 */
import { Gauge, Histogram, type Registry } from 'prom-client';

export interface LagMonitorOptions {
  intervalMs?: number;
  /** how long a lag keeps the replica "busy" */
  windowMs?: number;
  registry?: Registry;
  now?: () => number;
}

export class EventLoopLagMonitor {
  private readonly intervalMs: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly samples: { at: number; lagMs: number }[] = [];
  private timer?: NodeJS.Timeout;
  private expected = 0;
  private readonly histogram?: Histogram;

  constructor(opts: LagMonitorOptions = {}) {
    this.intervalMs = opts.intervalMs ?? 20;
    this.windowMs = opts.windowMs ?? 5000;
    this.now = opts.now ?? (() => performance.now());
    if (opts.registry) {
      this.histogram = new Histogram({
        name: 'bdg_event_loop_lag_seconds',
        help: 'How late a timer due every 20 ms fired: event-loop lag felt by requests',
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
        registers: [opts.registry],
      });
      const recentMaxMs = () => this.recentMaxMs();
      new Gauge({
        name: 'bdg_event_loop_lag_recent_max_seconds',
        help: 'Largest event-loop lag of the last seconds (what /readyz compares with READY_MAX_LAG_MS)',
        registers: [opts.registry],
        collect() {
          this.set(recentMaxMs() / 1000);
        },
      });
    }
  }

  private users = 0;

  /** Started by each app in the process (tests run several), stopped with the last. */
  acquire(): void {
    if (this.users++ === 0) this.start();
  }
  release(): void {
    if (this.users > 0 && --this.users === 0) this.stop();
  }

  start(): this {
    if (this.timer) return this;
    this.expected = this.now() + this.intervalMs;
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref();
    return this;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One timer callback: record how late it came. */
  tick(): void {
    const t = this.now();
    const lagMs = Math.max(0, t - this.expected);
    this.expected = t + this.intervalMs;
    this.histogram?.observe(lagMs / 1000);
    if (lagMs >= 1) this.samples.push({ at: t, lagMs });
    while (this.samples.length && this.samples[0]!.at < t - this.windowMs) this.samples.shift();
  }

  /** The largest lag of the window, including the one running now if the timer is overdue. */
  recentMaxMs(): number {
    const t = this.now();
    let max = this.timer ? Math.max(0, t - this.expected) : 0;
    for (const s of this.samples) if (s.at >= t - this.windowMs && s.lagMs > max) max = s.lagMs;
    return max;
  }
}
