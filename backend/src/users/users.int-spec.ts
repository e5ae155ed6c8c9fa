import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const DEMO = 'Demo@2026!';

describe('UsersController', () => {
  let sut: TestApp;
  let hy = '';
  let kcId = '';
  let ptId = '';
  const auth = (t: string) => ({ Authorization: `Bearer ${t}` });

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true' });
    hy = await sut.login('hy.admin', DEMO);
    kcId = (await sut.sql<{ id: string }>(`SELECT id FROM org_unit WHERE code = 'PGD-KC'`))[0]!.id;
    ptId = (await sut.sql<{ id: string }>(`SELECT id FROM org_unit WHERE code = 'SO-PT'`))[0]!.id;
  });
  afterAll(() => sut.close());

  it('creates a user with an argon2id hash and lets them log in', async () => {
    const res = await sut.http
      .post('/api/users')
      .set(auth(hy))
      .send({ username: 'kc.chuyenvien2', password: 'MatKhau@123', fullName: 'Nguyễn Thị Hoa', unitId: kcId, roles: ['reviewer'] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: 'kc.chuyenvien2', unitName: 'Phòng Giáo dục và Đào tạo Khoái Châu', roles: ['reviewer'] });
    expect(res.body.passwordHash).toBeUndefined();
    const [row] = await sut.sql<{ password_hash: string }>(`SELECT password_hash FROM app_user WHERE username = 'kc.chuyenvien2'`);
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);
    expect(await sut.login('kc.chuyenvien2', 'MatKhau@123')).toMatch(/^ey/);
  });

  it.each([
    [{ username: 'ab', password: 'MatKhau@123', fullName: 'A', roles: ['editor'] }, 'username', 'Tên đăng nhập'],
    [{ username: 'kc.a', password: 'ngan', fullName: 'A', roles: ['editor'] }, 'password', 'Mật khẩu'],
    [{ username: 'kc.b', password: 'MatKhau@123', fullName: 'A', roles: ['superuser'] }, 'roles', 'Vai trò'],
  ])('refuses %j with 422 naming %s', async (body, path, title) => {
    const res = await sut.http.post('/api/users').set(auth(hy)).send({ ...body, unitId: kcId });
    expect(res.status).toBe(422);
    expect(res.body.details[0]).toMatchObject({ path, title });
  });

  it('keeps admins inside their subtree: another province is 404, a non-admin is 403', async () => {
    const other = await sut.http.post('/api/users').set(auth(hy)).send({ username: 'pt.x', password: 'MatKhau@123', fullName: 'X', unitId: ptId, roles: ['editor'] });
    expect(other.status).toBe(404);
    const kc = await sut.login('kc.reviewer', DEMO);
    expect((await sut.http.get('/api/users').set(auth(kc))).status).toBe(403);
    const list = await sut.http.get('/api/users').set(auth(hy));
    expect(list.body.items.every((u: { unitCode: string }) => !u.unitCode.startsWith('PT') && !u.unitCode.startsWith('XA') && u.unitCode !== 'SO-PT')).toBe(true);
  });

  it('resets a password and deactivates a user (their token stops working)', async () => {
    const [u] = await sut.sql<{ id: string }>(`SELECT id FROM app_user WHERE username = 'kc.th-ham-tu.editor'`);
    const token = await sut.login('kc.th-ham-tu.editor', DEMO);
    const reset = await sut.http.patch(`/api/users/${u!.id}`).set(auth(hy)).send({ password: 'MoiHon@2027' });
    expect(reset.status).toBe(200);
    expect(await sut.login('kc.th-ham-tu.editor', 'MoiHon@2027')).toMatch(/^ey/);
    await sut.http.patch(`/api/users/${u!.id}`).set(auth(hy)).send({ active: false });
    expect((await sut.http.get('/api/me').set(auth(token))).status).toBe(401);
  });

  it('imports users from CSV all-or-nothing', async () => {
    const bad = Buffer.from('username,fullName,unitCode,roles,password\nkc.u1,Người 1,PGD-KC,editor,MatKhau@123\nkc.u2,Người 2,SO-PT,editor,MatKhau@123\n');
    const r = await sut.http.post('/api/users/import').set(auth(hy)).attach('file', bad, 'u.csv');
    expect(r.body.ok).toBe(false);
    expect(r.body.errors).toEqual([{ line: 3, column: 'unitCode', message: expect.stringMatching(/phạm vi quản lý/) }]);
    expect(await sut.sql(`SELECT 1 FROM app_user WHERE username = 'kc.u1'`)).toHaveLength(0);
    const good = Buffer.from('username,fullName,unitCode,roles,password\nkc.u1,Người 1,PGD-KC,editor;head,MatKhau@123\n');
    expect((await sut.http.post('/api/users/import').set(auth(hy)).attach('file', good, 'u.csv')).body).toMatchObject({ ok: true, created: 1 });
  });

  it('reads Vietnamese column names and role labels, a province role included', async () => {
    expect((await sut.http.post('/api/roles').set(auth(hy)).send({ code: 'pho_hieu_truong', label: 'Phó hiệu trưởng' })).status).toBe(201);
    const missing = Buffer.from('Tên đăng nhập,Họ và tên,Mã đơn vị,Mật khẩu\nkc.u3,Người 3,PGD-KC,MatKhau@Thu2026\n');
    const m = await sut.http.post('/api/users/import').set(auth(hy)).attach('file', missing, 'u.csv');
    expect(m.body.errors).toEqual([{ line: 1, column: 'roles', message: 'Thiếu cột "Vai trò" (roles) ở dòng tiêu đề.' }]);
    const vi = Buffer.from('Tên đăng nhập,Họ và tên,Mã đơn vị,Vai trò,Mật khẩu\nkc.u3,Người 3,PGD-KC,Người nhập liệu; Phó hiệu trưởng,MatKhau@Thu2026\n');
    expect((await sut.http.post('/api/users/import').set(auth(hy)).attach('file', vi, 'u.csv')).body).toMatchObject({ ok: true, created: 1 });
    expect(await sut.sql(`SELECT roles FROM app_user WHERE username = 'kc.u3'`)).toEqual([{ roles: ['editor', 'pho_hieu_truong'] }]);
  });

  it('reads the position (Chức vụ) printed in the signer block from CSV', async () => {
    const csv = Buffer.from('Tên đăng nhập,Họ và tên,Mã đơn vị,Vai trò,Mật khẩu,Chức vụ\nkc.u4,Người 4,PGD-KC,head,MatKhau@Thu2026,Phó Trưởng phòng\n');
    expect((await sut.http.post('/api/users/import').set(auth(hy)).attach('file', csv, 'u.csv')).body).toMatchObject({ ok: true, created: 1 });
    expect(await sut.sql(`SELECT position FROM app_user WHERE username = 'kc.u4'`)).toEqual([{ position: 'Phó Trưởng phòng' }]);
  });
});
