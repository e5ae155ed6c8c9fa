import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const DEMO = 'Demo@2026!';
const SHIPPED = 'khoai-chau-bdg-2016-2020';

describe('template and flow codes are owned', () => {
  let sut: TestApp;
  let hy = '';
  let pt = '';
  let schema: object;
  let machine: Record<string, unknown>;
  const auth = (t: string) => ({ Authorization: `Bearer ${t}` });
  const createTemplate = (t: string, code: string) =>
    sut.http.post(`/api/templates/${code}/versions`).set(auth(t)).send({ title: `Mẫu ${code}`, schema });
  const createFlow = (t: string, code: string) => sut.http.post(`/api/flows/${code}/versions`).set(auth(t)).send({ machine: { ...machine, id: code } });
  const owners = async (table: string, code: string) =>
    (await sut.sql<{ code: string }>(`SELECT o.code FROM ${table} v JOIN org_unit o ON o.id = v.owner_unit_id WHERE v.code = $1`, [code])).map((r) => r.code);

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true' });
    hy = await sut.login('hy.admin', DEMO);
    pt = await sut.login('pt.admin', DEMO);
    schema = (await sut.http.get(`/api/templates/${SHIPPED}/versions/1`).set(auth(hy))).body.schema;
    machine = (await sut.http.get('/api/flows/truong/versions/1').set(auth(hy))).body.machine;
  });
  afterAll(() => sut.close());

  it("another province's code answers exactly like a code that does not exist", async () => {
    expect((await createTemplate(hy, 'hy-rieng')).status).toBe(201);
    expect((await createFlow(hy, 'hy-quy-trinh')).status).toBe(201);
    for (const [path, missing] of [
      ['/api/templates/hy-rieng/versions', '/api/templates/khong-co-ma-nay/versions'],
      ['/api/templates/hy-rieng/versions/1', '/api/templates/khong-co-ma-nay/versions/1'],
      ['/api/flows/hy-quy-trinh/versions/1', '/api/flows/khong-co-ma-nay/versions/1'],
    ] as const) {
      const probe = await sut.http.get(path).set(auth(pt));
      const none = await sut.http.get(missing).set(auth(pt));
      expect(probe.status, path).toBe(404);
      expect(probe.body, path).toEqual(none.body);
    }
    const lists = [(await sut.http.get('/api/templates').set(auth(pt))).body.items, (await sut.http.get('/api/flows').set(auth(pt))).body.items];
    expect(lists.flat().map((x: { code: string }) => x.code)).not.toContain('hy-rieng');
    expect(lists.flat().map((x: { code: string }) => x.code)).not.toContain('hy-quy-trinh');
  });

  it('cannot be taken by another province: a new version under it is refused with 409 naming no owner, and nothing is written', async () => {
    const t = await createTemplate(pt, 'hy-rieng');
    expect(t.status).toBe(409);
    expect(t.body.message).toBe('Mã mẫu báo cáo "hy-rieng" đã được dùng. Hãy chọn mã khác.');
    const f = await createFlow(pt, 'hy-quy-trinh');
    expect(f.status).toBe(409);
    expect(f.body.message).toBe('Mã quy trình "hy-quy-trinh" đã được dùng. Hãy chọn mã khác.');
    expect(await owners('template_version', 'hy-rieng')).toEqual(['SO-HY']);
    expect(await owners('flow_version', 'hy-quy-trinh')).toEqual(['SO-HY']);
  });

  it("cannot shadow a code owned above it: the ministry's template and flow stay the ministry's", async () => {
    const t = await createTemplate(pt, SHIPPED);
    expect(t.status).toBe(403);
    expect(t.body.message).toMatch(/nhân bản sang mã mới/);
    expect((await createFlow(pt, 'truong')).status).toBe(403);
    expect(await owners('template_version', SHIPPED)).toEqual(['BGDDT']);
  });

  it('two provinces creating the same new code at once: one success, one clear 409', async () => {
    for (const code of ['cung-luc-1', 'cung-luc-2', 'cung-luc-3']) {
      const [a, b] = await Promise.all([createTemplate(hy, code), createTemplate(pt, code)]);
      expect([a.status, b.status].sort(), code).toEqual([201, 409]);
      const loser = a.status === 409 ? a : b;
      expect(loser.body.message).toBe(`Mã mẫu báo cáo "${code}" đã được dùng. Hãy chọn mã khác.`);
      const owner = await owners('template_version', code);
      expect(owner).toHaveLength(1);
      const [f1, f2] = await Promise.all([createFlow(pt, `qt-${code}`), createFlow(hy, `qt-${code}`)]);
      expect([f1.status, f2.status].sort()).toEqual([201, 409]);
    }
  });

  it('the database itself refuses a version whose owner differs from the owner of its code', async () => {
    const [ptUnit] = await sut.sql<{ id: string }>(`SELECT id FROM org_unit WHERE code = 'SO-PT'`);
    await expect(
      sut.sql(
        `INSERT INTO template_version (code, version, title, period_kind, schema, ui_schema, document, status, owner_unit_id)
         SELECT code, 99, title, period_kind, schema, ui_schema, document, 'draft', $1 FROM template_version WHERE code = 'hy-rieng' AND version = 1`,
        [ptUnit!.id],
      ),
    ).rejects.toThrow(/template_version_code_owner_fk/);
  });

  it("probing another province's unit codes and users answers like nothing exists", async () => {
    const [ptUser] = await sut.sql<{ id: string }>(`SELECT id FROM app_user WHERE username = 'pt.so.reviewer'`);
    const foreign = await sut.http.patch(`/api/users/${ptUser!.id}`).set(auth(hy)).send({ fullName: 'X' });
    const none = await sut.http.patch('/api/users/00000000-0000-4000-8000-000000000000').set(auth(hy)).send({ fullName: 'X' });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(none.body);
    const csv = (unitCode: string) => Buffer.from(`username,fullName,unitCode,roles,password\nhy.tham-do,Thăm dò,${unitCode},editor,Mat-khau-rieng@9\n`);
    const probe = await sut.http.post('/api/users/import?dryRun=1').set(auth(hy)).attach('file', csv('SO-PT'), 'u.csv');
    const missing = await sut.http.post('/api/users/import?dryRun=1').set(auth(hy)).attach('file', csv('KHONG-CO'), 'u.csv');
    expect(probe.body.errors[0].message.replace('SO-PT', '?')).toBe(missing.body.errors[0].message.replace('KHONG-CO', '?'));
  });
});
