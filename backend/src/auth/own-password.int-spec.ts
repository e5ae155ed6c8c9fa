import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const DEMO = 'Demo@2026!';

/** POST /api/me/password: the own-password screen's route (the phone lane's forced change reuses it). */
describe('own password change', () => {
  let sut: TestApp;
  const auth = (t: string) => ({ Authorization: `Bearer ${t}` });
  const me = (t: string) => sut.http.get('/api/me').set(auth(t));
  const change = (t: string, body: object) => sut.http.post('/api/me/password').set(auth(t)).send(body);

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true' });
  }, 120_000);
  afterAll(() => sut?.close());

  it('refuses a wrong current password and a weak new one with Vietnamese 422s naming the field, changing nothing', async () => {
    const t = await sut.login('kc.th-dong-tien.editor', DEMO);
    const wrong = await change(t, { currentPassword: 'sai-mat-khau', newPassword: 'MatKhauMoi@2027' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.details[0]).toMatchObject({ path: 'currentPassword', title: 'Mật khẩu hiện tại', message: 'Mật khẩu hiện tại không đúng.' });
    const short = await change(t, { currentPassword: DEMO, newPassword: 'ngan' });
    expect(short.status).toBe(422);
    expect(short.body.details[0]).toMatchObject({ path: 'newPassword', message: expect.stringMatching(/10 ký tự/) });
    expect((await me(t)).status).toBe(200);
  });

  it('changes the password: this session goes on with the returned token, every other token stops at once, the old password no longer signs in', async () => {
    const here = await sut.login('kc.th-tan-dan.head', DEMO);
    const phone = await sut.login('kc.th-tan-dan.head', DEMO);
    const res = await change(here, { currentPassword: DEMO, newPassword: 'Hieu-truong@2027' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(typeof res.body.accessToken).toBe('string');
    expect((await me(res.body.accessToken)).status).toBe(200);
    for (const old of [here, phone]) expect((await me(old)).status).toBe(401);
    expect((await sut.http.post('/api/auth/login').send({ username: 'kc.th-tan-dan.head', password: DEMO })).status).toBe(401);
    expect((await sut.http.post('/api/auth/login').send({ username: 'kc.th-tan-dan.head', password: 'Hieu-truong@2027' })).status).toBe(200);
    const audit = await sut.sql(`SELECT 1 FROM audit_log WHERE action = 'change-password'`);
    expect(audit).toHaveLength(1);
  });

  it('without a token: 401', async () => {
    expect((await sut.http.post('/api/me/password').send({ currentPassword: DEMO, newPassword: 'Bat-ky@20270' })).status).toBe(401);
  });
});
