import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../test-support/test-app.js';

describe('AuthController', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await createTestApp();
  });
  afterAll(() => sut.close());

  it('logs the seeded admin in and returns the user with unit', async () => {
    const res = await sut.http.post('/api/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.accessToken).toMatch(/^ey/);
    expect(res.body.user).toMatchObject({ username: 'admin', roles: ['admin', 'reviewer'], unitName: 'Bộ Giáo dục và Đào tạo' });
    const me = await sut.http.get('/api/me').set('Authorization', `Bearer ${res.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('admin');
  });

  it.each([
    [{ username: 'admin', password: 'sai-mat-khau' }, 401, 'Tên đăng nhập hoặc mật khẩu không đúng.'],
    [{ username: 'khong-co', password: 'x' }, 401, 'Tên đăng nhập hoặc mật khẩu không đúng.'],
    [{ username: 'admin' }, 422, 'Trường "Mật khẩu" là bắt buộc.'],
    [{ username: 42, password: 'x' }, 422, 'Trường "Tên đăng nhập" phải là chuỗi ký tự.'],
    [{ username: 'admin', password: 'x', role: 'admin' }, 422, 'Trường "role" không phải là trường được phép gửi lên.'],
  ])('refuses %j with %i and a Vietnamese message', async (body, status, message) => {
    const res = await sut.http.post('/api/auth/login').send(body);
    expect(res.status).toBe(status);
    expect(res.body.message).toBe(message);
  });

  it('refuses malformed JSON with 400 and a Vietnamese message', async () => {
    const res = await sut.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{"username":');
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('Dữ liệu gửi lên không phải JSON hợp lệ.');
  });

  it('refuses a 10 MB body with 413', async () => {
    const res = await sut.http.post('/api/auth/login').send({ username: 'a'.repeat(10 * 1024 * 1024), password: 'x' });
    expect(res.status).toBe(413);
    expect(res.body.message).toBe('Dữ liệu gửi lên quá lớn.');
  });

  it.each([
    ['no token', undefined],
    ['garbage', 'Bearer abc.def.ghi'],
    ['alg none', `Bearer ${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.`],
  ])('refuses %s with 401', async (_name, header) => {
    const req = sut.http.get('/api/me');
    if (header) req.set('Authorization', header);
    const res = await req;
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/đăng nhập/);
  });

  it('serves health and readiness', async () => {
    expect((await sut.http.get('/healthz')).status).toBe(200);
    const ready = await sut.http.get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
  });
});
