import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/** JSON answers are compressed for the browsers that accept it (issue 17: the first load is light). */
describe('compression of API answers', () => {
  let sut: TestApp;
  let token = '';
  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true' });
    token = await sut.login('hy.admin', 'Demo@2026!');
  }, 120_000);
  afterAll(() => sut?.close());

  it('answers a large JSON list in brotli or gzip as asked, the same JSON once decoded', async () => {
    const plain = await sut.http.get('/api/templates/khoai-chau-bdg-2016-2020/versions/1').set({ Authorization: `Bearer ${token}`, 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const encoding of ['br', 'gzip']) {
      const res = await sut.http.get('/api/templates/khoai-chau-bdg-2016-2020/versions/1').set({ Authorization: `Bearer ${token}`, 'Accept-Encoding': encoding });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['vary']).toMatch(/Accept-Encoding/);
      expect(res.body).toEqual(plain.body);
    }
  });

  it('leaves small answers (below 4 kB) as they are', async () => {
    const res = await sut.http.get('/healthz').set('Accept-Encoding', 'br');
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});
