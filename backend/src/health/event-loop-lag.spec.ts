import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { EventLoopLagMonitor } from './event-loop-lag.js';

describe(EventLoopLagMonitor.name, () => {
  it('records how late the timer fired, in the histogram and in the recent maximum, for the window only', async () => {
    let now = 0;
    const registry = new Registry();
    const sut = new EventLoopLagMonitor({ intervalMs: 20, windowMs: 5000, registry, now: () => now }).start();
    now = 20;
    sut.tick(); // on time
    now = 20 + 20 + 700;
    sut.tick(); // 700 ms late
    expect(sut.recentMaxMs()).toBe(700);
    const text = await registry.metrics();
    expect(text).toMatch(/bdg_event_loop_lag_seconds_bucket\{le="0.5"\} 1\n/);
    expect(text).toMatch(/bdg_event_loop_lag_seconds_bucket\{le="1"\} 2\n/);
    expect(text).toMatch(/bdg_event_loop_lag_recent_max_seconds 0.7\n/);
    now += 20;
    sut.tick();
    now += 6000; // the lag is older than the window, and the timer is overdue by 5,980 ms now
    expect(sut.recentMaxMs()).toBe(5980);
    sut.tick();
    now += 20;
    sut.tick();
    expect(sut.recentMaxMs()).toBe(5980);
    now += 5100;
    sut.tick();
    now += 10;
    expect(sut.recentMaxMs()).toBe(5080);
    sut.stop();
  });

  it('measures a real blocked loop', async () => {
    const sut = new EventLoopLagMonitor({ intervalMs: 10 }).start();
    await new Promise((r) => setTimeout(r, 30));
    const until = performance.now() + 200;
    while (performance.now() < until);
    await new Promise((r) => setTimeout(r, 30));
    expect(sut.recentMaxMs()).toBeGreaterThanOrEqual(150);
    sut.stop();
  });
});
