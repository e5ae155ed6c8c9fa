import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/** Unit kinds' Vietnamese labels are data: served by the API, renamed by the top admin, used in messages. */
describe('Unit kinds as data', () => {
  let sut: TestApp;
  let admin = '';
  let hy = '';
  let editor = '';
  const auth = (t: string) => ({ Authorization: `Bearer ${t}` });

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true' });
    admin = await sut.login('admin');
    hy = await sut.login('hy.admin', 'Demo@2026!');
    editor = await sut.login('kc.th-tan-dan.editor', 'Demo@2026!');
  });
  afterAll(() => sut.close());

  it('lists every kind with its Vietnamese label and how many units have it, to any signed-in user', async () => {
    const res = await sut.http.get('/api/unit-kinds').set(auth(editor));
    expect(res.status).toBe(200);
    expect(res.body).toContainEqual({ code: 'truong_thcs', label: 'Trường THCS', units: expect.any(Number) });
    expect(res.body).toContainEqual(expect.objectContaining({ code: 'phong', label: 'Phòng GD&ĐT' }));
    expect(res.body.find((k: { code: string }) => k.code === 'truong_th').units).toBeGreaterThan(0);
  });

  it('lets only the top admin rename a kind (audited), and the new label reaches the messages', async () => {
    expect((await sut.http.put('/api/unit-kinds/truong_th').set(auth(hy)).send({ label: 'Trường TH' })).status).toBe(403);
    expect((await sut.http.put('/api/unit-kinds/Truong TH').set(auth(admin)).send({ label: 'x' })).status).toBe(400);
    expect((await sut.http.put('/api/unit-kinds/truong_th').set(auth(admin)).send({ label: '' })).status).toBe(422);
    const res = await sut.http.put('/api/unit-kinds/truong_th').set(auth(admin)).send({ label: 'Trường Tiểu học (TH)' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ code: 'truong_th', label: 'Trường Tiểu học (TH)' });
    const audit = await sut.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'unit-kind'`);
    expect(audit[0]!.n).toBe(1);

    const [{ id }] = await sut.sql<{ id: string }>(`SELECT id FROM org_unit WHERE code = 'PGD-VG'`);
    const round = await sut.http
      .post('/api/rounds')
      .set(auth(hy))
      .send({ name: 'Sai hạn', template: { code: 'bdg-vstbpn-dinh-ky', version: 1 }, rootUnitId: id, period: '2027-H2', flows: { truong_th: 'truong', phong: 'phong' }, deadlines: { truong_th: '2027-12-20', phong: '2027-12-18' } });
    expect(round.status).toBe(422);
    expect(JSON.stringify(round.body.details)).toContain('Trường Tiểu học (TH)');
  });
});
