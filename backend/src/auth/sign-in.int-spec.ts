import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../bootstrap.js';
import { loadConfig } from '../config/config.js';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../test-support/test-app.js';

const WRONG = 'Tên đăng nhập hoặc mật khẩu không đúng.';

describe('AuthService sign-in limits', () => {
  let sut: TestApp;
  let replica: Awaited<ReturnType<typeof createApp>>;
  const login = (http: TestApp['http'], username: string, password: string, xff?: string) => {
    const req = http.post('/api/auth/login');
    if (xff) req.set('X-Forwarded-For', xff);
    return req.send({ username, password });
  };

  beforeAll(async () => {
    sut = await createTestApp({ LOGIN_RATE_LIMIT: '3', LOGIN_ADDRESS_RATE_LIMIT: '12' });
    // A second replica on the same database: limits are rows in PostgreSQL, not process memory.
    replica = await createApp(
      loadConfig({ DATA_DIR: sut.dataDir, ADMIN_PASSWORD, JWT_SECRET: 'x'.repeat(40), RUN_JOBS: 'false', SEED_DEMO: 'false', LOGIN_RATE_LIMIT: '3', LOGIN_ADDRESS_RATE_LIMIT: '12' }),
      sut.databaseUrl,
      { logger: false },
    );
    await replica.init();
  });
  afterAll(async () => {
    await replica?.close();
    await sut.close();
  });
  const other = () => request(replica.getHttpServer());

  it('normalises the username (spaces, case, Unicode NFC) before lookup and counts every spelling against one limit', async () => {
    expect((await login(sut.http, '  ADMIN ', ADMIN_PASSWORD)).status).toBe(200);
    expect((await login(sut.http, 'Admin', 'sai-mat-khau-1')).body.message).toBe(WRONG);
    // the third attempt arrives at the other replica under yet another spelling
    expect((await login(other(), 'admin\u0009', 'sai-mat-khau-2')).status).toBe(401);
    const locked = await login(other(), ' admin', ADMIN_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ statusCode: 429, message: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 1 phút.' });
    expect((await login(sut.http, 'ADMIN', ADMIN_PASSWORD)).status).toBe(429);
    expect((await sut.sql<{ hits: number }>(`SELECT hits FROM login_attempt WHERE key = 'u:admin'`))[0]!.hits).toBe(5);
  });

  it('limits unknown usernames exactly like known ones (no hash is spent once limited)', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await login(sut.http, 'Khong-Ton-Tai', `doan-${i}`)).status);
    expect(codes).toEqual([401, 401, 401, 429]);
  });

  it('never believes X-Forwarded-For with TRUST_PROXY_HOPS=0: rotating it does not escape the address limit', async () => {
    // 9 attempts so far from this address (127.0.0.1), on both replicas; the limit is 12 per minute
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await login(sut.http, `ten-${i}`, 'sai-mat-khau', `203.0.113.${i}`)).status);
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    const keys = await sut.sql<{ key: string }>(`SELECT key FROM login_attempt WHERE key LIKE 'a:%'`);
    expect(keys.map((k) => k.key)).toEqual([expect.stringMatching(/^a:(::ffff:)?127\.0\.0\.1$|^a:::1$/)]);
  });
});

describe('TRUST_PROXY_HOPS=1 (nginx in front)', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await createTestApp({ LOGIN_RATE_LIMIT: '100', LOGIN_ADDRESS_RATE_LIMIT: '2', TRUST_PROXY_HOPS: '1' });
  });
  afterAll(() => sut.close());

  it('keys the address limit by the client address the proxy appended, not by the proxy or a forged first entry', async () => {
    const as = (xff: string, username: string) => sut.http.post('/api/auth/login').set('X-Forwarded-For', xff).send({ username, password: 'sai-mat-khau' });
    // a client forging a first entry: nginx appends the real address last, and only that one is believed
    expect((await as('1.1.1.1, 198.51.100.7', 'a1')).status).toBe(401);
    expect((await as('2.2.2.2, 198.51.100.7', 'a2')).status).toBe(401);
    expect((await as('3.3.3.3, 198.51.100.7', 'a3')).status).toBe(429);
    // another real client behind the same proxy is not locked out by the first one
    expect((await as('198.51.100.8', 'a4')).status).toBe(401);
    const keys = (await sut.sql<{ key: string }>(`SELECT key FROM login_attempt WHERE key LIKE 'a:%' ORDER BY key`)).map((k) => k.key);
    expect(keys).toEqual(['a:198.51.100.7', 'a:198.51.100.8']);
  });

  it('refuses an invalid TRUST_PROXY_HOPS at start with a readable message', () => {
    expect(() => loadConfig({ DATA_DIR: sut.dataDir, TRUST_PROXY_HOPS: 'true' })).toThrow(/TRUST_PROXY_HOPS không hợp lệ/);
  });
});
