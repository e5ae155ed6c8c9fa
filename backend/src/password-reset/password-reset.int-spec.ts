import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { FORGOT_ANSWER } from './password-reset.service.js';

const DEMO = 'Demo@2026!';
const USER = 'kc.th-tan-dan.editor';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Issue 18: "Quên mật khẩu" — the unit's admin is told and resets; a one-time e-mailed link when SMTP is set. */
describe('forgot password', () => {
  let sut: TestApp;
  let userId = '';
  const auth = (t: string) => ({ Authorization: `Bearer ${t}` });
  const forgot = (username: string) => sut.http.post('/api/auth/forgot-password').send({ username });

  beforeAll(async () => {
    // An SMTP server that refuses: links are created (and their mail fails in the background, logged).
    sut = await createTestApp({ SEED_DEMO: 'true', SMTP_URL: 'smtp://127.0.0.1:9', FORGOT_PASSWORD_RATE_LIMIT: '5' });
    userId = (await sut.sql<{ id: string }>(`SELECT id FROM app_user WHERE username = $1`, [USER]))[0]!.id;
  });
  afterAll(() => sut.close());

  it('answers the same for a known and an unknown username, and tells only the admins over the unit', async () => {
    const known = await forgot(USER);
    const unknown = await forgot('khong.co.ai');
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.body).toEqual({ message: FORGOT_ANSWER });
    expect(unknown.body).toEqual(known.body);
    // byte for byte the same answer: nothing in it (length, type) tells who exists
    expect(unknown.text).toBe(known.text);
    expect(unknown.headers['content-length']).toBe(known.headers['content-length']);
    expect(unknown.headers['content-type']).toBe(known.headers['content-type']);
    // The admins are told after the answer went out (the lookup is not part of the answer's time).
    const toldNow = () =>
      sut.sql<{ username: string; message: string }>(
        `SELECT u.username, n.message FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.kind = 'password-reset'`,
      );
    await expect.poll(async () => (await toldNow()).map((t) => t.username), { timeout: 10_000 }).toContain('hy.admin');
    const told = await toldNow();
    const names = told.map((t) => t.username);
    expect(names).toContain('hy.admin');
    expect(names).toContain('admin');
    expect(names).not.toContain('pt.admin');
    expect(told[0]!.message).toContain(USER);
    // The admin sees it in the bell.
    const bell = await sut.http.get('/api/notifications').set(auth(await sut.login('hy.admin', DEMO)));
    expect(JSON.stringify(bell.body)).toContain('quên mật khẩu');
  });

  it("an admin's reset is temporary: the user must change it, and changing it clears the flag", async () => {
    const hy = await sut.login('hy.admin', DEMO);
    const reset = await sut.http.patch(`/api/users/${userId}`).set(auth(hy)).send({ password: 'TamThoi@2027x' });
    expect(reset.status).toBe(200);
    const login = await sut.http.post('/api/auth/login').send({ username: USER, password: 'TamThoi@2027x' });
    expect(login.body.user.mustChangePassword).toBe(true);
    const token = login.body.accessToken as string;
    const change = await sut.http.post('/api/auth/password').set(auth(token)).send({ currentPassword: 'TamThoi@2027x', newPassword: DEMO });
    expect(change.status).toBe(204);
    const again = await sut.http.post('/api/auth/login').send({ username: USER, password: DEMO });
    expect(again.body.user.mustChangePassword).toBe(false);
  });

  it('stores only the hash of a one-time link; it works once, not after expiry, and ends earlier sessions', async () => {
    await sut.sql(`UPDATE app_user SET email = 'tan-dan@example.invalid' WHERE id = $1`, [userId]);
    expect((await forgot(USER)).status).toBe(202);
    const links = () =>
      sut.sql<{ token_hash: string; expires_at: Date }>(`SELECT token_hash, expires_at FROM password_reset WHERE user_id = $1 AND token_hash IS NOT NULL`, [
        userId,
      ]);
    await expect.poll(async () => (await links()).length, { timeout: 10_000 }).toBe(1);
    const rows = await links();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Date(rows[0]!.expires_at).getTime() - Date.now()).toBeLessThanOrEqual(30 * 60_000);

    // The token itself is only in the e-mail: a test link of our own with the same storage.
    const link = 'mot-lien-ket-thu-nghiem-0123456789';
    await sut.sql(`INSERT INTO password_reset (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '10 minutes')`, [userId, sha256(link)]);
    const before = await sut.login(USER, DEMO);
    const weak = await sut.http.post('/api/auth/reset-password').send({ token: link, newPassword: '123' });
    expect(weak.status).toBe(422);
    const ok = await sut.http.post('/api/auth/reset-password').send({ token: link, newPassword: 'MoiQua@Link2027' });
    expect(ok.status).toBe(204);
    expect((await sut.http.get('/api/me').set(auth(before))).status).toBe(401);
    expect(await sut.login(USER, 'MoiQua@Link2027')).toMatch(/^ey/);
    const twice = await sut.http.post('/api/auth/reset-password').send({ token: link, newPassword: 'KhacNua@Link2027' });
    expect(twice.status).toBe(422);

    const old = 'lien-ket-da-het-han-0123456789abc';
    await sut.sql(`INSERT INTO password_reset (user_id, token_hash, expires_at) VALUES ($1, $2, now() - interval '1 minute')`, [userId, sha256(old)]);
    expect((await sut.http.post('/api/auth/reset-password').send({ token: old, newPassword: 'KhacNua@Link2027' })).status).toBe(422);
  });

  it('limits requests per username, known or not (429 with a Vietnamese message)', async () => {
    let last = 0;
    let message = '';
    for (let i = 0; i < 7; i++) {
      const r = await forgot('ai.do.khong.ro');
      last = r.status;
      message = r.body.message;
    }
    expect(last).toBe(429);
    expect(message).toMatch(/quá nhiều lần/);
  });
});
