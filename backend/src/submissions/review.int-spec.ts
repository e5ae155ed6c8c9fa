import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { khoaiChauReport } from '../test-support/khoai-chau-data.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const DEMO = 'Demo@2026!';

/** The reviewer's list of children (issue #18): bulk accept with each report's own contentHash, and "Nhắc". */
describe('reviewer actions: bulk accept and reminders', () => {
  let sut: TestApp;
  let roundId = '';
  const subs = new Map<string, string>();
  const tokens = new Map<string, string>();
  const as = async (user: string) => {
    if (!tokens.has(user)) tokens.set(user, await sut.login(user, DEMO));
    return { Authorization: `Bearer ${tokens.get(user)}` };
  };
  /** A school's report handed in (signed, waiting for the Phòng), with its data, as the flow leaves it. */
  const handIn = async (code: string, data: unknown) => {
    await sut.sql(
      `UPDATE submission SET state = 'submitted', state_tags = '{submitted}', locked = true, data = $2::jsonb,
              snapshot = jsonb_set(snapshot, '{value}', '"submitted"') WHERE id = $1`,
      [subs.get(code), JSON.stringify(data)],
    );
  };
  const summary = async (codes: string[]) => {
    const res = await sut.http.get(`/api/submissions/review-summary?ids=${codes.map((c) => subs.get(c)).join(',')}`).set(await as('kc.reviewer'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { id: string; contentHash: string; errors: number; warnings: number; bulkAcceptable: boolean; acceptEvent: { type: string } | null }[];
  };

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true' });
    const [r] = await sut.sql<{ id: string }>(`SELECT r.id FROM round r JOIN template_version t ON t.id = r.template_version_id WHERE t.code = 'khoai-chau-bdg-2016-2020'`);
    roundId = r!.id;
    const rows = await sut.sql<{ id: string; code: string }>(
      `SELECT s.id, o.code FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.round_id = $1 AND o.code LIKE 'KC-%'`,
      [roundId],
    );
    for (const x of rows) subs.set(x.code, x.id);
    const figures = { total: 40, women: 30, managers: 3, womenManagers: 1 };
    for (const code of ['KC-TH-TAN-DAN', 'KC-TH-DONG-TIEN', 'KC-TH-HAM-TU']) await handIn(code, khoaiChauReport(code, figures));
    // A result three times over plan: a warning, so not for bulk accept.
    const warned = khoaiChauReport('KC-MN-TAN-DAN', figures);
    warned.II.ketQuaThucHien.ketQuaChiTieu[1]!.ketQua = 20;
    await handIn('KC-MN-TAN-DAN', warned);
  });
  afterAll(() => sut.close());

  it('lists for each report its contentHash, findings and whether one click may accept it', async () => {
    const rows = await summary(['KC-TH-TAN-DAN', 'KC-MN-TAN-DAN', 'KC-THCS-TAN-DAN']);
    expect(rows[0]).toMatchObject({ bulkAcceptable: true, errors: 0, warnings: 0, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/), acceptEvent: { type: 'ACCEPT' } });
    expect(rows[1]).toMatchObject({ bulkAcceptable: false, warnings: 1 });
    expect(rows[2]).toMatchObject({ bulkAcceptable: false, acceptEvent: null });
  });

  it('accepts each selected report with its own hash, refuses the one changed since it was listed and the one with a warning', async () => {
    const listed = await summary(['KC-TH-TAN-DAN', 'KC-TH-DONG-TIEN', 'KC-TH-HAM-TU', 'KC-MN-TAN-DAN']);
    // After the list was shown, Đông Tiến's report changes (e.g. returned, corrected and sent again).
    await sut.sql(`UPDATE submission SET data = jsonb_set(data, '{I,tongSoCBGVNV}', '41') WHERE id = $1`, [subs.get('KC-TH-DONG-TIEN')]);
    const res = await sut.http
      .post('/api/submissions/bulk-accept')
      .set(await as('kc.reviewer'))
      .send({ items: listed.map((r) => ({ id: r.id, contentHash: r.contentHash })) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.accepted.map((a: { id: string }) => a.id).sort()).toEqual([subs.get('KC-TH-TAN-DAN'), subs.get('KC-TH-HAM-TU')].sort());
    expect(res.body.accepted[0]).toMatchObject({ state: 'accepted', stateLabel: expect.any(String) });
    const refused = new Map(res.body.refused.map((r: { id: string; status: number; message: string }) => [r.id, r]));
    expect(refused.get(subs.get('KC-TH-DONG-TIEN'))).toMatchObject({ status: 409, message: expect.stringContaining('Trường Tiểu học Đông Tiến') });
    expect(refused.get(subs.get('KC-MN-TAN-DAN'))).toMatchObject({ status: 409, message: expect.stringMatching(/cảnh báo/) });
    const states = await sut.sql<{ id: string; state: string }>(`SELECT id, state FROM submission WHERE id = ANY($1)`, [listed.map((r) => r.id)]);
    expect(Object.fromEntries(states.map((s) => [s.id, s.state]))).toMatchObject({
      [subs.get('KC-TH-DONG-TIEN')!]: 'submitted',
      [subs.get('KC-MN-TAN-DAN')!]: 'submitted',
      [subs.get('KC-TH-TAN-DAN')!]: 'accepted',
    });
    // Each accept is an ordinary event: its own log entry and audit row.
    const audit = await sut.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'event:ACCEPT' AND entity_id = $1`, [subs.get('KC-TH-HAM-TU')]);
    expect(audit[0]!.n).toBe(1);
  });

  it("refuses another Phòng's reviewer (the report does not exist for them)", async () => {
    const [r] = await summary(['KC-MN-TAN-DAN']);
    const res = await sut.http.post('/api/submissions/bulk-accept').set(await as('vg.reviewer')).send({ items: [{ id: r!.id, contentHash: r!.contentHash }] });
    expect(res.body).toMatchObject({ accepted: [], refused: [{ status: 404 }] });
  });

  it("reminds a unit: in-app notification to its editors, an audit entry, and at most once an hour (429 in Vietnamese)", async () => {
    const id = subs.get('KC-TH-THI-TRAN')!;
    const res = await sut.http.post(`/api/submissions/${id}/remind`).set(await as('kc.reviewer'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ unitName: 'Trường Tiểu học Thị trấn Khoái Châu', notified: expect.any(Number) });
    expect(res.body.notified).toBeGreaterThan(0);
    const notes = await sut.sql<{ username: string; message: string }>(
      `SELECT u.username, n.message FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.submission_id = $1 AND n.kind = 'remind-manual'`,
      [id],
    );
    expect(notes.map((n) => n.username)).toContain('kc.th-thi-tran.editor');
    expect(notes[0]!.message).toMatch(/nhắc: báo cáo ".*" của Trường Tiểu học Thị trấn Khoái Châu/);
    const audit = await sut.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'remind' AND entity_id = $1`, [id]);
    expect(audit[0]!.n).toBe(1);
    const again = await sut.http.post(`/api/submissions/${id}/remind`).set(await as('kc.reviewer'));
    expect(again.status).toBe(429);
    expect(again.body.message).toMatch(/đã được nhắc lúc .* một lần trong 60 phút/);
  });

  it('refuses a reminder from the unit itself, and of a unit that already handed in', async () => {
    const own = await sut.http.post(`/api/submissions/${subs.get('KC-TH-THI-TRAN')}/remind`).set(await as('kc.th-thi-tran.editor'));
    expect(own.status).toBe(403);
    const handed = await sut.http.post(`/api/submissions/${subs.get('KC-MN-TAN-DAN')}/remind`).set(await as('kc.reviewer'));
    expect(handed.status).toBe(409);
    expect(handed.body.message).toMatch(/đã nộp báo cáo/);
  });

  it('reminds every late unit of the list at once, skipping those reminded within the hour', async () => {
    const phong = (await sut.sql<{ id: string }>(`SELECT id FROM org_unit WHERE code = 'PGD-KC'`))[0]!.id;
    await sut.sql(`UPDATE submission SET deadline = now() - interval '2 days' WHERE round_id = $1 AND parent_unit_id = $2`, [roundId, phong]);
    const res = await sut.http.post(`/api/rounds/${roundId}/remind-late`).set(await as('kc.reviewer')).send({});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // 10 schools: 2 accepted and 2 handed in are not late; Thị trấn was reminded above.
    expect(res.body.reminded).toHaveLength(5);
    expect(res.body.skipped).toEqual([expect.objectContaining({ unitName: 'Trường Tiểu học Thị trấn Khoái Châu', message: expect.stringContaining('đã được nhắc') })]);
    const late = await sut.sql<{ message: string }>(`SELECT message FROM notification WHERE kind = 'remind-manual' AND submission_id = $1`, [subs.get('KC-THCS-TAN-DAN')]);
    expect(late[0]!.message).toMatch(/đã quá hạn \d\d\/\d\d\/\d{4} \(2 ngày\)/);
  });
});
