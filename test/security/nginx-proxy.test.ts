/**
 * deploy/nginx.conf in front of the real app: the shipped file, changed only in its upstream addresses and
 * its listen port (test/support/nginx.ts), run by Debian's nginx. Checks what the config promises:
 * compressed JS and JSON, immutable hashed assets, the client's address reaching the app through
 * X-Forwarded-For (TRUST_PROXY_HOPS=1) so that the sign-in limit is per real client whatever the client
 * writes in its own X-Forwarded-For, and /metrics and /api/docs closed when configured so.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDataDir, startSuiteApp } from '../support/app.js';
import { request, startNginx, type Nginx } from '../support/nginx.js';

let sut: Awaited<ReturnType<typeof startSuiteApp>>;
let proxy: Nginx;
const ASSET = '/assets/index-Bq3x9K1a.js';

beforeAll(async () => {
  // a built web app of its own (the real one may not be built when this suite runs): index.html and one hashed script
  const dist = makeDataDir();
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), `<!doctype html><html lang="vi"><script type="module" src="${ASSET}"></script></html>`);
  writeFileSync(path.join(dist, ASSET), `export const nhan = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `Báo cáo số ${i}`))};\n`);
  sut = await startSuiteApp({
    env: { TRUST_PROXY_HOPS: '1', EXPOSE_METRICS: 'false', EXPOSE_API_DOCS: 'false', LOGIN_ADDRESS_RATE_LIMIT: '3', FRONTEND_DIST: dist },
  });
  proxy = await startNginx(sut.app.port);
}, 180_000);
afterAll(async () => {
  await proxy?.stop();
  await sut?.close();
});

describe('deploy/nginx.conf in front of the app', () => {
  it('compresses JavaScript and JSON, and keeps hashed assets immutable for a year', async () => {
    const js = await request(proxy.port, 'GET', ASSET, { 'Accept-Encoding': 'gzip' });
    expect(js.status).toBe(200);
    expect(js.headers['content-encoding']).toBe('gzip');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.body.toString()).toContain('Báo cáo số 399');
    const page = await request(proxy.port, 'GET', '/', { 'Accept-Encoding': 'gzip' });
    expect(page.headers['cache-control']).toBe('no-cache');
    const login = await request(proxy.port, 'POST', '/api/auth/login', { 'Content-Type': 'application/json' }, { username: 'hy.admin', password: 'Demo@2026!' });
    expect(login.status).toBe(200);
    const token = JSON.parse(login.body.toString()).accessToken as string;
    const json = await request(proxy.port, 'GET', '/api/templates/khoai-chau-bdg-2016-2020/versions/1', { Authorization: `Bearer ${token}`, 'Accept-Encoding': 'gzip' });
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(json.body.length, 'a JSON answer above gzip_min_length').toBeGreaterThan(1024);
    expect(json.headers['content-encoding']).toBe('gzip');
  });

  it('keeps /metrics and /api/docs closed (EXPOSE_METRICS, EXPOSE_API_DOCS false), answering like a path that does not exist', async () => {
    const none = await request(proxy.port, 'GET', '/api/nothing-here');
    for (const p of ['/metrics', '/api/docs', '/api/docs-json']) {
      const r = await request(proxy.port, 'GET', p);
      expect(r.status, p).toBe(none.status);
      expect(r.body.toString(), p).not.toMatch(/nodejs_|swagger/i);
    }
  });

  it('limits sign-in per real client: a client rotating its own X-Forwarded-For stays limited, another client is not', async () => {
    const attempt = (i: number, from?: string) =>
      request(proxy.port, 'POST', '/api/auth/login', { 'Content-Type': 'application/json', 'X-Forwarded-For': `203.0.113.${i}` }, { username: `khong-co-${i}`, password: 'Sai-mat-khau-1' }, from);
    await sut.sql.q('DELETE FROM login_attempt'); // the sign-in of the first test counted too
    for (let i = 1; i <= 3; i++) expect((await attempt(i)).status).toBe(401);
    const limited = await attempt(4);
    expect(limited.status).toBe(429);
    expect(JSON.parse(limited.body.toString()).message).toMatch(/^Đăng nhập sai quá nhiều lần/);
    // another machine (another loopback address) behind the same nginx has its own count
    expect((await attempt(5, '127.0.0.2')).status).toBe(401);
    // the addresses the app counted are the ones nginx saw, none the clients wrote
    const keys = (await sut.sql.q<{ key: string }>(`SELECT key FROM login_attempt WHERE key LIKE 'a:%'`)).map((r) => r.key).sort();
    expect(keys).toEqual(['a:127.0.0.1', 'a:127.0.0.2']);
  });
});
