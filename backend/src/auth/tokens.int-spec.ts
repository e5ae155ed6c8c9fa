import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../bootstrap.js';
import { loadConfig } from '../config/config.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const DEMO = 'Demo@2026!';

describe('AuthService token revocation', () => {
  let sut: TestApp;
  let replica: Awaited<ReturnType<typeof createApp>>;
  let hy = '';
  const auth = (t: string) => ({ Authorization: `Bearer ${t}` });
  const me = (t: string) => sut.http.get('/api/me').set(auth(t));
  const idOf = async (username: string) => (await sut.sql<{ id: string }>(`SELECT id FROM app_user WHERE username = $1`, [username]))[0]!.id;
  const patch = (id: string, body: object) => sut.http.patch(`/api/users/${id}`).set(auth(hy)).send(body);

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true' });
    hy = await sut.login('hy.admin', DEMO);
  });
  afterAll(async () => {
    await replica?.close();
    await sut.close();
  });

  it('POST /api/auth/logout revokes every earlier token of the user at once, on every replica', async () => {
    // a second replica with the same secret on the same database: nothing about tokens is cached per process
    const jwtSecret = 's'.repeat(48);
    const shared = await createTestApp({ SEED_DEMO: 'true', JWT_SECRET: jwtSecret });
    try {
      replica = await createApp(
        loadConfig({ DATA_DIR: shared.dataDir, JWT_SECRET: jwtSecret, ADMIN_PASSWORD: 'Admin@Test1', RUN_JOBS: 'false', SEED_DEMO: 'false', LOGIN_RATE_LIMIT: '1000' }),
        shared.databaseUrl,
        { logger: false },
      );
      await replica.init();
      const first = await shared.login('kc.reviewer', DEMO);
      const second = await shared.login('kc.reviewer', DEMO);
      const onReplica = () => request(replica.getHttpServer()).get('/api/me');
      expect((await onReplica().set(auth(first))).status).toBe(200);
      const out = await request(replica.getHttpServer()).post('/api/auth/logout').set(auth(first));
      expect(out.status).toBe(204);
      for (const t of [first, second]) {
        expect((await shared.http.get('/api/me').set(auth(t))).status).toBe(401);
        expect((await onReplica().set(auth(t))).status).toBe(401);
      }
      const fresh = await shared.login('kc.reviewer', DEMO);
      expect((await onReplica().set(auth(fresh))).status).toBe(200);
      const audit = await shared.sql(`SELECT 1 FROM audit_log WHERE action = 'logout'`);
      expect(audit).toHaveLength(1);
    } finally {
      await replica?.close();
      replica = undefined as never;
      await shared.close();
    }
  });

  it.each([
    ['a password reset by an admin', { password: 'Dat-lai@2027' }],
    ['deactivation', { active: false }],
    ['a role change', { roles: ['reviewer', 'head'] }],
  ])('%s revokes earlier tokens', async (_, body) => {
    const username = 'kc.th-tan-dan.editor';
    const id = await idOf(username);
    await sut.sql(`UPDATE app_user SET active = true, roles = '{editor}' WHERE id = $1`, [id]);
    const password = (await patch(id, { password: 'Ban-dau@2026' })).status === 200 ? 'Ban-dau@2026' : DEMO;
    const token = await sut.login(username, password);
    expect((await me(token)).status).toBe(200);
    expect((await patch(id, body)).status).toBe(200);
    expect((await me(token)).status).toBe(401);
  });

  it('a token issued before deactivation stays dead after reactivation', async () => {
    const id = await idOf('kc.th-dong-tien.editor');
    const token = await sut.login('kc.th-dong-tien.editor', DEMO);
    await patch(id, { active: false });
    await patch(id, { active: true });
    expect((await me(token)).status).toBe(401);
    expect((await me(await sut.login('kc.th-dong-tien.editor', DEMO))).status).toBe(200);
  });

  it('a unit change revokes; a change of name only does not', async () => {
    const id = await idOf('kc.th-ham-tu.head');
    const token = await sut.login('kc.th-ham-tu.head', DEMO);
    expect((await patch(id, { fullName: 'Hiệu trưởng mới' })).status).toBe(200);
    expect((await me(token)).status).toBe(200);
    const [kc] = await sut.sql<{ id: string }>(`SELECT id FROM org_unit WHERE code = 'PGD-KC'`);
    expect((await patch(id, { unitId: kc!.id })).status).toBe(200);
    expect((await me(token)).status).toBe(401);
  });

  describe('POST /api/auth/password (own password)', () => {
    const change = (t: string, body: object) => sut.http.post('/api/auth/password').set(auth(t)).send(body);

    it.each([
      [{ currentPassword: 'sai-mat-khau', newPassword: 'Mot-mat-khau-moi@1' }, 'currentPassword', 'Mật khẩu hiện tại không đúng.'],
      [{ currentPassword: DEMO, newPassword: 'ngan@1' }, 'newPassword', 'Mật khẩu cần ít nhất 10 ký tự.'],
      [{ currentPassword: DEMO, newPassword: 'qwertyuiop' }, 'newPassword', expect.stringMatching(/^Mật khẩu quá phổ biến/)],
      [{ currentPassword: DEMO, newPassword: 'KC.Reviewer' }, 'newPassword', 'Mật khẩu không được trùng với tên đăng nhập.'],
    ])('refuses %j with 422 naming the field', async (body, path, message) => {
      const token = await sut.login('kc.reviewer', DEMO);
      const res = await change(token, body);
      expect(res.status).toBe(422);
      expect(res.body.details).toEqual([{ path, title: expect.stringMatching(/^Mật khẩu/), message }]);
      expect((await me(token)).status).toBe(200);
    });

    it('changes it, revokes earlier tokens, and the new password signs in', async () => {
      const token = await sut.login('kc.reviewer', DEMO);
      expect((await change(token, { currentPassword: DEMO, newPassword: 'Hoa-sen-no@2026' })).status).toBe(204);
      expect((await me(token)).status).toBe(401);
      expect((await me(await sut.login('kc.reviewer', 'Hoa-sen-no@2026'))).status).toBe(200);
      await expect(sut.login('kc.reviewer', DEMO)).rejects.toThrow(/401/);
    });
  });

  it('the password policy applies to user creation and CSV import too', async () => {
    const [kc] = await sut.sql<{ id: string }>(`SELECT id FROM org_unit WHERE code = 'PGD-KC'`);
    const created = await sut.http
      .post('/api/users')
      .set(auth(hy))
      .send({ username: '  KC.Moi ', password: 'password123', fullName: 'Người mới', unitId: kc!.id, roles: ['editor'] });
    expect(created.status).toBe(422);
    expect(created.body.details).toEqual([{ path: 'password', title: 'Mật khẩu', message: expect.stringMatching(/quá phổ biến/) }]);
    const ok = await sut.http
      .post('/api/users')
      .set(auth(hy))
      .send({ username: '  KC.Moi ', password: 'Mat-khau-rieng@9', fullName: 'Người mới', unitId: kc!.id, roles: ['editor'] });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body.username).toBe('kc.moi');
    const csv = Buffer.from('username,fullName,unitCode,roles,password\nKC.Nhap1,Người 1,PGD-KC,editor,123456789a\n');
    const imported = await sut.http.post('/api/users/import').set(auth(hy)).attach('file', csv, 'u.csv');
    expect(imported.body.errors).toEqual([{ line: 2, column: 'password', message: expect.stringMatching(/^Mật khẩu/) }]);
  });
});
