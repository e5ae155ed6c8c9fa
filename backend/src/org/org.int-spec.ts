import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { ValidationPool } from '../validation/validation-pool.js';

const DEMO = 'Demo@2026!';

describe('OrgController', () => {
  let sut: TestApp;
  let admin = '';
  let hy = '';
  let kc = '';
  const auth = (t: string) => ({ Authorization: `Bearer ${t}` });
  const unit = async (code: string) => (await sut.sql<{ id: string }>(`SELECT id FROM org_unit WHERE code = $1`, [code]))[0]!.id;

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true' });
    admin = await sut.login('admin');
    hy = await sut.login('hy.admin', DEMO);
    kc = await sut.login('kc.reviewer', DEMO);
  });
  afterAll(() => sut.close());

  it('lists children within the subtree and searches by name', async () => {
    const so = await unit('SO-HY');
    const res = await sut.http.get(`/api/org-units?parentId=${so}`).set(auth(hy));
    expect(res.status).toBe(200);
    expect(res.body.items.map((u: { code: string }) => u.code)).toEqual(['PGD-KC', 'PGD-KD', 'PGD-VG']);
    const q = await sut.http.get(`/api/org-units?q=${encodeURIComponent('tân dân')}`).set(auth(kc));
    expect(q.body.items.map((u: { code: string }) => u.code).sort()).toEqual(['KC-MN-TAN-DAN', 'KC-TH-TAN-DAN', 'KC-THCS-TAN-DAN']);
  });

  it('hides units of another subtree (404) and lets a Phòng see its ancestors', async () => {
    expect((await sut.http.get(`/api/org-units/${await unit('PGD-VG')}`).set(auth(kc))).status).toBe(404);
    expect((await sut.http.get(`/api/org-units/${await unit('SO-HY')}`).set(auth(kc))).status).toBe(200);
    expect((await sut.http.get(`/api/org-units/${await unit('SO-PT')}`).set(auth(hy))).status).toBe(404);
  });

  it('creates a unit, refuses a duplicate code (409) and a bad kind (422 naming the field)', async () => {
    const parentId = await unit('PGD-KC');
    const ok = await sut.http.post('/api/org-units').set(auth(hy)).send({ code: 'KC-TH-MOI', name: 'Trường Tiểu học Mới', kind: 'truong_th', parentId });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ code: 'KC-TH-MOI', parentId, level: 4 });
    const dup = await sut.http.post('/api/org-units').set(auth(hy)).send({ code: 'KC-TH-MOI', name: 'X', kind: 'truong_th', parentId });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toBe('Mã đơn vị "KC-TH-MOI" đã được dùng cho đơn vị "Trường Tiểu học Mới".');
    const bad = await sut.http.post('/api/org-units').set(auth(hy)).send({ code: 'X1', name: 'X', kind: 'Trường!', parentId });
    expect(bad.status).toBe(422);
    expect(bad.body.details[0]).toMatchObject({ path: 'kind', title: 'Loại đơn vị' });
    expect((await sut.http.post('/api/org-units').set(auth(kc)).send({ code: 'X2', name: 'X', kind: 'truong_th', parentId })).status).toBe(403);
  });

  it('moves a subtree with its history, and refuses a move into its own subtree', async () => {
    const school = await unit('KC-TH-HAM-TU');
    const before = await sut.sql<{ n: number }>(`SELECT count(*)::int AS n FROM submission WHERE unit_id = $1`, [school]);
    const res = await sut.http.post(`/api/org-units/${school}/move`).set(auth(hy)).send({ parentId: await unit('PGD-VG') });
    expect(res.status).toBe(201);
    const path = await sut.sql<{ ok: boolean }>(
      `SELECT s.path <@ p.path AS ok FROM org_unit s, org_unit p WHERE s.id = $1 AND p.code = 'PGD-VG'`,
      [school],
    );
    expect(path[0]!.ok).toBe(true);
    const after = await sut.sql<{ n: number }>(`SELECT count(*)::int AS n FROM submission WHERE unit_id = $1`, [school]);
    expect(after[0]!.n).toBe(before[0]!.n);
    const cycle = await sut.http.post(`/api/org-units/${await unit('PGD-KD')}/move`).set(auth(hy)).send({ parentId: await unit('KD-TH-NGHIA-DAN') });
    expect(cycle.status).toBe(422);
  });

  it('merges two units: children move, earlier submissions are found under the new unit', async () => {
    const from = await unit('KC-MN-BINH-MINH');
    const into = await unit('KC-MN-TAN-DAN');
    const res = await sut.http.post(`/api/org-units/${from}/merge`).set(auth(hy)).send({ intoId: into });
    expect(res.status).toBe(201);
    const subs = await sut.http.get(`/api/submissions?unitId=${into}`).set(auth(hy));
    expect(subs.body.items.map((s: { unitId: string }) => s.unitId)).toContain(from);
    const merged = await sut.http.get(`/api/org-units/${from}`).set(auth(hy));
    expect(merged.body).toMatchObject({ mergedIntoId: into, active: false });
  });

  it('imports units from CSV all-or-nothing with a row-by-row report, in UTF-8 and Windows-1258', async () => {
    const parent = 'PGD-KD';
    const bad = Buffer.from(`code,name,kind,parentCode\nKD-A,Trường A,truong_th,${parent}\n,Trường B,truong_th,${parent}\nKD-C,Trường C,Sai,${parent}\n`);
    const r1 = await sut.http.post('/api/org-units/import').set(auth(hy)).attach('file', bad, 'don-vi.csv');
    expect(r1.body.ok).toBe(false);
    expect(r1.body.errors).toEqual([
      { line: 3, column: 'code', message: expect.stringMatching(/Mã đơn vị/) },
      { line: 4, column: 'kind', message: expect.stringMatching(/Loại đơn vị/) },
    ]);
    expect(await sut.sql(`SELECT 1 FROM org_unit WHERE code = 'KD-A'`)).toHaveLength(0);
    const missing = await sut.http.post('/api/org-units/import').set(auth(hy)).attach('file', Buffer.from('code,name\nA,B\n'), 'x.csv');
    expect(missing.body.errors[0]).toMatchObject({ line: 1, column: 'kind' });
    // "Trường Đông" in Windows-1258 as Excel writes it: ư = 0xFD, ờ = ơ (0xF5) + combining grave (0xCC), Đ = 0xD0, ô = 0xF4
    const cp1258 = Buffer.concat([
      Buffer.from(`code,name,kind,parentCode\nKD-W,Tr`),
      Buffer.from([0xfd, 0xf5, 0xcc]),
      Buffer.from('ng '),
      Buffer.from([0xd0, 0xf4]),
      Buffer.from(`ng,truong_th,${parent}\n`),
    ]);
    const dry = await sut.http.post('/api/org-units/import?dryRun=1').set(auth(hy)).attach('file', cp1258, 'w.csv');
    expect(dry.body).toMatchObject({ ok: true, created: 1, dryRun: true });
    expect(await sut.sql(`SELECT 1 FROM org_unit WHERE code = 'KD-W'`)).toHaveLength(0);
    const real = await sut.http.post('/api/org-units/import').set(auth(hy)).attach('file', cp1258, 'w.csv');
    expect(real.body).toMatchObject({ ok: true, created: 1 });
    expect((await sut.sql<{ name: string }>(`SELECT name FROM org_unit WHERE code = 'KD-W'`))[0]!.name).toBe('Trường Đông');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`code,name,kind,parentCode\nKD-U,Trường Ư,truong_th,${parent}\n`, 'utf16le')]);
    expect((await sut.http.post('/api/org-units/import').set(auth(hy)).attach('file', utf16, 'u.csv')).body).toMatchObject({ ok: true, created: 1 });
  });

  it('reads a large CSV in a validation thread, and refuses one over the import limits (5.000 rows, 2 MB) in Vietnamese, creating nothing', async () => {
    const pool = sut.app.get(ValidationPool);
    const before = pool.offloaded;
    const rows = (n: number, pad = '') => `code,name,kind,parentCode\n${Array.from({ length: n }, (_, i) => `KD-L${i},Trường ${i}${pad},truong_th,PGD-KD`).join('\n')}\n`;
    const many = await sut.http.post('/api/org-units/import?dryRun=1').set(auth(hy)).attach('file', Buffer.from(rows(5001)), 'nhieu.csv');
    expect(many.body).toMatchObject({ ok: false, created: 0, errors: [{ line: 0, message: expect.stringMatching(/^Tệp CSV có 5\.001 dòng dữ liệu: mỗi lần nhập tối đa 5\.000 dòng\./) }] });
    expect(pool.offloaded).toBe(before + 1);
    const big = await sut.http.post('/api/org-units/import').set(auth(hy)).attach('file', Buffer.from(rows(2000, ' '.repeat(1200))), 'lon.csv');
    expect(big.body.errors[0].message).toMatch(/^Tệp CSV quá lớn \(2,\d MB\): mỗi lần nhập tối đa 2 MB và 5\.000 dòng\./);
    const fits = await sut.http.post('/api/org-units/import?dryRun=1').set(auth(hy)).attach('file', Buffer.from(rows(1500)), 'vua.csv');
    expect(fits.body).toMatchObject({ ok: true, created: 1500, dryRun: true });
    expect(await sut.sql(`SELECT 1 FROM org_unit WHERE code LIKE 'KD-L%'`)).toHaveLength(0);
  }, 120_000);

  it('refuses SQL in query parameters and malformed ids with 4xx, never 500', async () => {
    expect((await sut.http.get(`/api/org-units?q=${encodeURIComponent("'; DROP TABLE org_unit; --")}`).set(auth(admin))).status).toBe(200);
    expect((await sut.http.get('/api/org-units/1%20OR%201=1').set(auth(admin))).status).toBe(400);
    expect((await sut.http.get('/api/org-units?parentId=abc').set(auth(admin))).status).toBe(422);
  });
});
