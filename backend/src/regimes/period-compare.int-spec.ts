import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const DEMO = 'Demo@2026!';

/**
 * Carry-forward and "the same unit last period" compare like with like: an annual report with last
 * year's annual, a 6-month report with the same half of last year — never a 6-month with an annual,
 * whichever was opened last. Ba Đình's Phòng opens the rounds (its own admin, rooted at the Phòng).
 */
describe('period types in carry-forward and year-on-year comparison', () => {
  let sut: TestApp;
  let bd = '';
  let rootUnitId = '';
  const auth = () => ({ Authorization: `Bearer ${bd}` });
  const open = async (period: string, year: number) => {
    const res = await sut.http
      .post('/api/rounds')
      .set(auth())
      .send({
        name: `Báo cáo BĐG — ${period}`,
        template: { code: 'bdg-vstbpn-dinh-ky', version: 1 },
        rootUnitId,
        period,
        flows: { truong_th: 'truong', phong: 'phong' },
        deadlines: { truong_th: `${year}-12-20`, phong: `${year}-12-28` },
      });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; name: string };
  };
  /** Ngọc Hà primary school's report in a round. */
  const ngocHa = async (roundId: string) =>
    (
      await sut.sql<{ id: string; data: { nhanSu?: { tongSoCBGVNV?: number } } }>(
        `SELECT s.id, s.data FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.round_id = $1 AND o.code = 'BD-TH-NGOC-HA'`,
        [roundId],
      )
    )[0]!;
  const fill = async (roundId: string, staff: number) =>
    sut.sql(`UPDATE submission SET data = $2::jsonb WHERE id = $1`, [(await ngocHa(roundId)).id, JSON.stringify({ nhanSu: { tongSoCBGVNV: staff } })]);

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true' });
    bd = await sut.login('bd.admin', DEMO);
    [{ id: rootUnitId }] = await sut.sql<{ id: string }>(`SELECT id FROM org_unit WHERE code = 'PGD-BD'`);
  });
  afterAll(() => sut.close());

  it('an annual round carries last annual forward, a 6-month round the same half of last year', async () => {
    const annual2026 = await open('2026', 2026);
    await fill(annual2026.id, 40);
    // Opened after the annual: the newest round of the template, but another kind of period.
    const h2026 = await open('2026-H2', 2026);
    await fill(h2026.id, 35);
    const annual2027 = await open('2027', 2027);
    expect((await ngocHa(annual2027.id)).data.nhanSu?.tongSoCBGVNV).toBe(40);
    // A period typed in words before periods were typed is read the same way.
    const h2027 = await open('6 tháng cuối năm 2027', 2027);
    expect((await ngocHa(h2027.id)).data.nhanSu?.tongSoCBGVNV).toBe(35);

    const prevAnnual = await sut.http.get(`/api/submissions/${(await ngocHa(annual2027.id)).id}/previous`).set(auth());
    expect(prevAnnual.status).toBe(200);
    expect(prevAnnual.body).toMatchObject({ roundName: annual2026.name, data: { nhanSu: { tongSoCBGVNV: 40 } } });
    const prevHalf = await sut.http.get(`/api/submissions/${(await ngocHa(h2027.id)).id}/previous`).set(auth());
    expect(prevHalf.body).toMatchObject({ roundName: h2026.name, data: { nhanSu: { tongSoCBGVNV: 35 } } });
  });

  it('a first half compares with nothing when only a second half and an annual came before', async () => {
    // The demo's 2027-H1 round, opened by Ba Đình's regime when the demo was seeded.
    const [{ id }] = await sut.sql<{ id: string }>(
      `SELECT r.id FROM round r JOIN reporting_regime g ON g.id = r.regime_id WHERE g.code = 'ba-dinh-bdg-6-thang' AND r.period = '2027-H1'`,
    );
    const prev = await sut.http.get(`/api/submissions/${(await ngocHa(id)).id}/previous`).set(auth());
    expect(prev.status).toBe(200);
    expect(prev.body?.roundName).toBeUndefined();
  });
});
