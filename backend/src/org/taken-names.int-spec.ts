import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const DEMO = 'Demo@2026!';

/**
 * Unit codes and usernames are one national namespace: taking one in use is refused, but only an admin
 * who may see the holder hears who holds it; another province hears the same words as for any name it
 * cannot have, so probing does not reveal another subtree's units or people.
 */
describe('taken unit codes and usernames', () => {
  let sut: TestApp;
  let hy = '';
  let pt = '';
  const auth = (t: string) => ({ Authorization: `Bearer ${t}` });
  const unit = async (code: string) => (await sut.sql<{ id: string }>(`SELECT id FROM org_unit WHERE code = $1`, [code]))[0]!.id;

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true' });
    const root = await sut.login('admin');
    hy = await sut.login('hy.admin', DEMO);
    const made = await sut.http
      .post('/api/users')
      .set(auth(root))
      .send({ username: 'pt.quan-tri', password: 'PhuTho@2026!', fullName: 'Quản trị Phú Thọ', unitId: await unit('SO-PT'), roles: ['admin'] });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    pt = await sut.login('pt.quan-tri', 'PhuTho@2026!');
  }, 120_000);
  afterAll(() => sut?.close());

  it('a unit code held in Hưng Yên: Hưng Yên hears which unit, Phú Thọ only that the code cannot be used', async () => {
    const mine = await sut.http.post('/api/org-units').set(auth(hy)).send({ code: 'KC-TH-TAN-DAN', name: 'X', kind: 'truong_th', parentId: await unit('PGD-KC') });
    expect(mine.status).toBe(409);
    expect(mine.body.message).toMatch(/^Mã đơn vị "KC-TH-TAN-DAN" đã được dùng cho đơn vị "Trường Tiểu học Tân Dân/);
    const foreign = await sut.http.post('/api/org-units').set(auth(pt)).send({ code: 'KC-TH-TAN-DAN', name: 'X', kind: 'truong_th', parentId: await unit('SO-PT') });
    expect(foreign.status).toBe(409);
    expect(foreign.body.message).toBe('Mã đơn vị "KC-TH-TAN-DAN" không dùng được. Hãy chọn mã khác.');
    // the same words as for a code held nowhere Phú Thọ can see, whoever holds it
    const other = await sut.http.post('/api/org-units').set(auth(pt)).send({ code: 'PGD-VG', name: 'X', kind: 'phong', parentId: await unit('SO-PT') });
    expect(other.body.message).toBe('Mã đơn vị "PGD-VG" không dùng được. Hãy chọn mã khác.');
    expect(JSON.stringify(foreign.body)).not.toMatch(/Tân Dân|Hưng Yên|Khoái Châu/);
  });

  it('a username held in Hưng Yên: Hưng Yên hears whose, Phú Thọ only that the name cannot be used (also in CSV imports)', async () => {
    const body = (unitId: string) => ({ username: ' KC.Th-Tan-Dan.Editor ', password: 'MatKhau@2026!', fullName: 'X', unitId, roles: ['editor'] });
    const mine = await sut.http.post('/api/users').set(auth(hy)).send(body(await unit('KC-TH-TAN-DAN')));
    expect(mine.status).toBe(409);
    expect(mine.body.message).toMatch(/^Tên đăng nhập "kc\.th-tan-dan\.editor" đã được dùng cho tài khoản của .+ \(Trường Tiểu học Tân Dân/);
    const foreign = await sut.http.post('/api/users').set(auth(pt)).send(body(await unit('SO-PT')));
    expect(foreign.status).toBe(409);
    expect(foreign.body.message).toBe('Tên đăng nhập "kc.th-tan-dan.editor" không dùng được. Hãy chọn tên khác.');
    const csv = 'username,fullName,unitCode,roles,password\nkc.th-tan-dan.editor,X,SO-PT,editor,MatKhau@2026!\n';
    const imported = await sut.http.post('/api/users/import?dryRun=true').set(auth(pt)).attach('file', Buffer.from(csv), 'u.csv');
    expect(JSON.stringify(imported.body)).toContain('Tên đăng nhập \\"kc.th-tan-dan.editor\\" không dùng được. Hãy chọn tên khác.');
    expect(JSON.stringify(imported.body)).not.toMatch(/Tân Dân/);
  });
});
