import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const blockLoop = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('/readyz and /metrics report event-loop lag', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await createTestApp({ READY_MAX_LAG_MS: '150' });
  });
  afterAll(() => sut?.close());

  it('answers 503 "busy" after the loop stalled past READY_MAX_LAG_MS, then ready again', async () => {
    // the app's own start-up may have lagged: wait until it is ready first
    for (let i = 0; i < 100 && (await sut.http.get('/readyz')).status !== 200; i++) await new Promise((r) => setTimeout(r, 200));
    expect((await sut.http.get('/readyz')).status).toBe(200);
    blockLoop(400);
    const busy = await sut.http.get('/readyz');
    expect(busy.status).toBe(503);
    expect(busy.body).toMatchObject({ status: 'busy', message: expect.stringMatching(/^Máy chủ đang bận \(độ trễ xử lý [\d.]+ ms\)/) });
    expect(busy.body.lagMs).toBeGreaterThanOrEqual(300);
    const metrics = await sut.http.get('/metrics');
    expect(metrics.text).toMatch(/bdg_event_loop_lag_seconds_bucket\{le="0.5"\} \d+/);
    const recent = Number(/bdg_event_loop_lag_recent_max_seconds ([\d.]+)/.exec(metrics.text)?.[1]);
    expect(recent).toBeGreaterThanOrEqual(0.3);
    // /healthz (liveness) stays 200: the process is alive, only not ready for more traffic
    expect((await sut.http.get('/healthz')).status).toBe(200);
    let status = 503;
    for (let i = 0; i < 40 && status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 250));
      status = (await sut.http.get('/readyz')).status;
    }
    expect(status).toBe(200);
  });

  it('refuses a READY_MAX_LAG_MS that is not a number of milliseconds', async () => {
    const { loadConfig } = await import('../config/config.js');
    expect(() => loadConfig({ READY_MAX_LAG_MS: 'soon', DATA_DIR: '/tmp/bdg-cfg' })).toThrow(/READY_MAX_LAG_MS không hợp lệ/);
    expect(() => loadConfig({ EXPORT_TIMEOUT_SECONDS: '0', DATA_DIR: '/tmp/bdg-cfg' })).toThrow(/EXPORT_TIMEOUT_SECONDS không hợp lệ/);
  });
});
