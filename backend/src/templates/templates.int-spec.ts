import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const DEMO = 'Demo@2026!';
const CODE = 'khoai-chau-bdg-2016-2020';

describe('TemplatesController and FlowsController', () => {
  let sut: TestApp;
  let hy = '';
  let kc = '';
  const auth = (t: string) => ({ Authorization: `Bearer ${t}` });

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true' });
    hy = await sut.login('hy.admin', DEMO);
    kc = await sut.login('kc.reviewer', DEMO);
  });
  afterAll(() => sut.close());

  it('seeds the shipped templates and flows as published versions', async () => {
    const t = await sut.http.get('/api/templates').set(auth(kc));
    expect(t.body.items.map((x: { code: string }) => x.code).sort()).toEqual(['bdg-vstbpn-dinh-ky', 'chien-luoc-bdg-2021-2030', CODE]);
    const f = await sut.http.get('/api/flows').set(auth(kc));
    expect(f.body.items.map((x: { code: string }) => x.code).sort()).toEqual(['phong', 'so', 'truong', 'truong-truc-tiep']);
    const v = await sut.http.get(`/api/templates/${CODE}/versions/1`).set(auth(kc));
    expect(v.body).toMatchObject({ status: 'published', schema: { type: 'object' } });
  });

  it('refuses a Sở admin editing the ministry template (403) but lets it clone under its own code', async () => {
    const base = (await sut.http.get(`/api/templates/${CODE}/versions/1`).set(auth(hy))).body;
    const edit = await sut.http.post(`/api/templates/${CODE}/versions`).set(auth(hy)).send({ schema: base.schema, basedOn: { code: CODE, version: 1 } });
    expect(edit.status).toBe(403);
    const clone = await sut.http
      .post('/api/templates/hy-bdg-2021-2025/versions')
      .set(auth(hy))
      .send({ title: 'Báo cáo BĐG 2021–2025 (Hưng Yên)', schema: base.schema, basedOn: { code: CODE, version: 1 } });
    expect(clone.status, JSON.stringify(clone.body)).toBe(201);
    expect(clone.body).toMatchObject({ code: 'hy-bdg-2021-2025', version: 1, status: 'draft', basedOn: { code: CODE, version: 1 } });
  });

  it('refuses a draft whose lint finds errors, with the findings as details', async () => {
    const res = await sut.http
      .post('/api/templates/hy-loi/versions')
      .set(auth(hy))
      .send({
        title: 'Lỗi',
        schema: { type: 'object', properties: { a: { type: 'integer', title: 'A', 'x-aggregate': 'tongCong' }, b: { type: 'number', title: 'B', 'x-computed': 'a +* 2' } } },
      });
    expect(res.status).toBe(422);
    expect(res.body.details.length).toBeGreaterThanOrEqual(2);
    expect(res.body.details.map((d: { path: string }) => d.path).join(' ')).toMatch(/properties\/a/);
    expect(await sut.sql(`SELECT 1 FROM template_version WHERE code = 'hy-loi'`)).toHaveLength(0);
  });

  it('publishes a draft once; a published version can no longer change (409)', async () => {
    const pub = await sut.http.post('/api/templates/hy-bdg-2021-2025/versions/1/publish').set(auth(hy));
    expect(pub.status, JSON.stringify(pub.body)).toBe(201);
    expect(pub.body.status).toBe('published');
    expect((await sut.http.post('/api/templates/hy-bdg-2021-2025/versions/1/publish').set(auth(hy))).status).toBe(409);
    const put = await sut.http.put('/api/templates/hy-bdg-2021-2025/versions/1').set(auth(hy)).send({ schema: { type: 'object' } });
    expect(put.status).toBe(409);
    expect(put.body.message).toMatch(/đã ban hành/);
  });

  it('lints flows: a flow with an unknown guard and an unreachable state is refused with findings', async () => {
    const truong = (await sut.http.get('/api/flows/truong/versions/1').set(auth(hy))).body.machine;
    const broken = structuredClone(truong);
    broken.states.draft.on.SUBMIT.guard = { type: 'chayMa', params: { code: 'process.exit()' } };
    const res = await sut.http.post('/api/flows/hy-truong/versions').set(auth(hy)).send({ machine: broken });
    expect(res.status).toBe(422);
    expect(res.body.details.map((d: { message: string }) => d.message).join(' | ')).toMatch(/chayMa/);
    const orphan = structuredClone(truong);
    orphan.states.mo_coi = { meta: { label: 'Mồ côi' }, type: 'final' };
    const res2 = await sut.http.post('/api/flows/hy-truong/versions').set(auth(hy)).send({ machine: orphan });
    expect(res2.status).toBe(422);
    expect(res2.body.details.map((d: { message: string }) => d.message).join(' | ')).toMatch(/Mồ côi/);
    const check = await sut.http.post('/api/flows/lint').set(auth(hy)).send({ machine: truong });
    expect(check.status).toBe(200);
    expect(check.body.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    expect(check.body.paths.length).toBeGreaterThan(0);
    const ok = await sut.http.post('/api/flows/hy-truong/versions').set(auth(hy)).send({ machine: { ...truong, id: 'hy-truong' } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect((await sut.http.post('/api/flows/hy-truong/versions/1/publish').set(auth(hy))).status).toBe(201);
  });
  it('keeps the author\'s text: a published schema and uiSchema round-trip byte for byte (key order)', async () => {
    // Keys deliberately not in jsonb's order (shorter keys first): a long key before short ones,
    // keywords in an unusual order, nested objects and $defs.
    const schema = {
      title: 'Thứ tự trường của tác giả',
      type: 'object',
      $defs: { soNguoi: { 'x-aggregate': 'sum', minimum: 0, type: 'integer', title: 'Số người' } },
      properties: {
        tongSoCanBoGiaoVien: { $ref: '#/$defs/soNguoi', title: 'Tổng số CB-GV-NV' },
        soNu: { type: 'integer', title: 'Số nữ', 'x-aggregate': 'sum', minimum: 0 },
        b: { title: 'Ghi chú', type: 'string', 'x-aggregate': 'none' },
        zz: { type: 'object', title: 'Mục Z', properties: { yTuong: { type: 'string', title: 'Ý tưởng', 'x-aggregate': 'concat' }, a: { type: 'boolean', title: 'A', 'x-aggregate': 'countTrue' } } },
      },
      required: ['soNu', 'tongSoCanBoGiaoVien'],
    };
    const uiSchema = { zz: { yTuong: { 'ui:widget': 'textarea' }, a: {} }, b: { 'ui:widget': 'textarea' } };
    const res = await sut.http.post('/api/templates/hy-thu-tu/versions').set(auth(hy)).send({ schema, uiSchema });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.title).toBe('Thứ tự trường của tác giả');
    expect((await sut.http.post('/api/templates/hy-thu-tu/versions/1/publish').set(auth(hy))).status).toBe(201);
    const got = await sut.http.get('/api/templates/hy-thu-tu/versions/1').set(auth(kc));
    expect(JSON.stringify(got.body.schema)).toBe(JSON.stringify(schema));
    expect(JSON.stringify(got.body.uiSchema)).toBe(JSON.stringify(uiSchema));
    expect(Object.keys(got.body.schema.properties)).toEqual(['tongSoCanBoGiaoVien', 'soNu', 'b', 'zz']);
  });
});
