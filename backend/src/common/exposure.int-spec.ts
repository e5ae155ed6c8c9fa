import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

describe('/metrics and /api/docs closable by configuration', () => {
  let closed: TestApp;
  let open: TestApp;
  beforeAll(async () => {
    [closed, open] = await Promise.all([createTestApp({ EXPOSE_METRICS: 'false', EXPOSE_API_DOCS: 'false' }), createTestApp()]);
  });
  afterAll(async () => {
    await closed?.close();
    await open?.close();
  });

  it.each(['/metrics', '/api/docs', '/api/docs-json'])('EXPOSE_*=false: %s answers 404 like a path that does not exist', async (path) => {
    const res = await closed.http.get(path);
    const none = await closed.http.get('/api/khong-co-duong-dan-nay');
    expect(res.status).toBe(404);
    expect(res.body).toEqual(none.body);
  });

  it('open by default (npm start): both are served', async () => {
    expect((await open.http.get('/metrics')).text).toMatch(/http_request/);
    expect((await open.http.get('/api/docs-json')).body.info.title).toBe('Báo cáo BĐG — API');
  });

  it('the rest of the service is unaffected when they are closed', async () => {
    expect((await closed.http.get('/healthz')).status).toBe(200);
    expect((await closed.http.get('/readyz')).status).toBe(200);
  });

  it('refuses an unreadable EXPOSE_METRICS at start', async () => {
    const { loadConfig } = await import('../config/config.js');
    expect(() => loadConfig({ DATA_DIR: closed.dataDir, EXPOSE_METRICS: 'nope' })).toThrow(/EXPOSE_METRICS không hợp lệ/);
  });
});
