import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const DEMO = 'Demo@2026!';

describe('RoundsController', () => {
  let sut: TestApp;
  let hy = '';
  let pt = '';
  const auth = (t: string) => ({ Authorization: `Bearer ${t}` });
  const unit = async (code: string) => (await sut.sql<{ id: string }>(`SELECT id FROM org_unit WHERE code = $1`, [code]))[0]!.id;
  const flows = { truong_mn: 'truong', truong_th: 'truong', truong_thcs: 'truong', phong: 'phong' };

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true' });
    hy = await sut.login('hy.admin', DEMO);
    pt = await sut.login('pt.admin', DEMO);
  });
  afterAll(() => sut.close());

  it('previews and opens a round for one Phòng: one submission per school, one compile submission for the Phòng', async () => {
    const rootUnitId = await unit('PGD-VG');
    const preview = await sut.http.post('/api/rounds/preview').set(auth(hy)).send({ rootUnitId, flows });
    expect(preview.body).toEqual({ byKind: { truong_mn: 3, truong_th: 3, truong_thcs: 2, phong: 1 }, total: 9 });
    const res = await sut.http
      .post('/api/rounds')
      .set(auth(hy))
      .send({ name: 'Báo cáo 6 tháng 2027 — Văn Giang', template: { code: 'bdg-vstbpn-dinh-ky', version: 1 }, rootUnitId, period: '6 tháng 2027', flows, deadlines: { truong_th: '2027-06-10', phong: '2027-06-15' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.counts).toEqual({ total: 9, byKind: { truong_mn: 3, truong_th: 3, truong_thcs: 2, phong: 1 } });
    const rows = await sut.sql<{ kind: string; state: string; parent: string | null; deadline: Date | null }>(
      `SELECT o.kind, s.state, p.code AS parent, s.deadline FROM submission s JOIN org_unit o ON o.id = s.unit_id
        LEFT JOIN org_unit p ON p.id = s.parent_unit_id WHERE s.round_id = $1`,
      [res.body.id],
    );
    expect(rows.filter((r) => r.kind === 'phong')).toEqual([expect.objectContaining({ state: 'collecting', parent: null })]);
    expect(rows.filter((r) => r.kind !== 'phong').every((r) => r.state === 'draft' && r.parent === 'PGD-VG')).toBe(true);
    expect(new Date(rows.find((r) => r.kind === 'truong_th')!.deadline!).toISOString()).toBe('2027-06-10T16:59:59.000Z');
    const progress = await sut.http.get(`/api/rounds/${res.body.id}/progress`).set(auth(hy));
    expect(progress.body.levels).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'truong_th', total: 3, byState: { draft: 3 }, late: 0 })]),
    );
    expect(progress.body.node).toMatchObject({ unitCode: 'PGD-VG', stateLabel: expect.any(String) });
    expect(progress.body.units).toMatchObject({ total: 8, page: 1, pageSize: 50 });
    expect(progress.body.units.items).toHaveLength(8);
  });

  it('opens the post-2025 round shape: communes compile, THPT report straight to the Sở', async () => {
    const rounds = await sut.http.get('/api/rounds').set(auth(pt));
    const seeded = rounds.body.items.find((r: { rootUnitName: string }) => r.rootUnitName === 'Sở Giáo dục và Đào tạo Phú Thọ');
    const rows = await sut.sql<{ code: string; parent: string | null; flow: string }>(
      `SELECT o.code, p.code AS parent, f.code AS flow FROM submission s JOIN org_unit o ON o.id = s.unit_id
         LEFT JOIN org_unit p ON p.id = s.parent_unit_id JOIN flow_version f ON f.id = s.flow_version_id WHERE s.round_id = $1`,
      [seeded.id],
    );
    expect(rows.find((r) => r.code === 'PT-THPT-HUNG-VUONG')).toEqual({ code: 'PT-THPT-HUNG-VUONG', parent: 'SO-PT', flow: 'truong-truc-tiep' });
    expect(rows.find((r) => r.code === 'XA-TAN-LAC')).toMatchObject({ parent: 'SO-PT', flow: 'phong' });
    expect(rows.find((r) => r.code === 'PT.TANLAC-TH-TAN-LAC')).toMatchObject({ parent: 'XA-TAN-LAC', flow: 'truong' });
  });

  it("carries last round's answers forward into the new round where fields still fit", async () => {
    const school = await unit('KC-TH-TAN-DAN');
    await sut.sql(
      `UPDATE submission SET data = '{"I": {"tongSoCBGVNV": 40, "soNu": 30, "khaiQuat": "Năm trước"}}'::jsonb WHERE unit_id = $1`,
      [school],
    );
    const res = await sut.http
      .post('/api/rounds')
      .set(auth(hy))
      .send({ name: 'Năm sau', template: { code: 'khoai-chau-bdg-2016-2020', version: 1 }, rootUnitId: await unit('PGD-KC'), period: '2021-2025', flows, deadlines: {} });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.carriedForward).toBe(1);
    const [row] = await sut.sql<{ data: { I: Record<string, unknown> } }>(`SELECT data FROM submission WHERE round_id = $1 AND unit_id = $2`, [res.body.id, school]);
    expect(row!.data.I).toMatchObject({ tongSoCBGVNV: 40, soNu: 30, khaiQuat: 'Năm trước', tyLeNu: 75 });
  });

  it.each([
    [{ template: { code: 'khong-co', version: 1 } }, 'template'],
    [{ flows: { truong_th: 'khong-co' } }, 'flows.truong_th'],
    [{ deadlines: { truong_th: '31/02/2027' } }, 'deadlines.truong_th'],
  ])('refuses %j with 422 on %s and creates nothing', async (patch, path) => {
    const before = await sut.sql<{ n: number }>(`SELECT count(*)::int AS n FROM submission`);
    const res = await sut.http
      .post('/api/rounds')
      .set(auth(hy))
      .send({ name: 'X', template: { code: 'bdg-vstbpn-dinh-ky', version: 1 }, rootUnitId: await unit('PGD-KD'), period: 'x', flows, deadlines: {}, ...patch });
    expect(res.status).toBe(422);
    expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
    expect((await sut.sql<{ n: number }>(`SELECT count(*)::int AS n FROM submission`))[0]!.n).toBe(before[0]!.n);
  });

  it('refuses a round over another province (404) and a non-admin (403)', async () => {
    const body = { name: 'X', template: { code: 'bdg-vstbpn-dinh-ky', version: 1 }, rootUnitId: await unit('SO-PT'), period: 'x', flows, deadlines: {} };
    expect((await sut.http.post('/api/rounds').set(auth(hy)).send(body)).status).toBe(404);
    const kc = await sut.login('kc.reviewer', DEMO);
    expect((await sut.http.post('/api/rounds').set(auth(kc)).send({ ...body, rootUnitId: await unit('PGD-KC') })).status).toBe(403);
  });
});
