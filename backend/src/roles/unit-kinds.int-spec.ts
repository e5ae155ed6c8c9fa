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
    expect(res.body).toContainEqual(expect.objectContaining({ code: 'truong_thcs', label: 'Trường THCS', nationalLabel: 'Trường THCS', units: expect.any(Number), local: null, canSet: null }));
    expect(res.body).toContainEqual(expect.objectContaining({ code: 'phong', label: 'Phòng GD&ĐT' }));
    expect(res.body.find((k: { code: string }) => k.code === 'truong_th').units).toBeGreaterThan(0);
  });

  it('lets the top admin rename a kind for everyone (audited), and the new label reaches the messages', async () => {
    expect((await sut.http.put('/api/unit-kinds/truong_th').set(auth(editor)).send({ label: 'Trường TH' })).status).toBe(403);
    expect((await sut.http.put('/api/unit-kinds/Truong TH').set(auth(admin)).send({ label: 'x' })).status).toBe(400);
    expect((await sut.http.put('/api/unit-kinds/truong_th').set(auth(admin)).send({ label: '' })).status).toBe(422);
    const res = await sut.http.put('/api/unit-kinds/truong_th').set(auth(admin)).send({ label: 'Trường Tiểu học (TH)' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ code: 'truong_th', label: 'Trường Tiểu học (TH)' });
    const audit = await sut.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'unit-kind'`);
    expect(audit[0]!.n).toBe(1);
    expect(res.body).toMatchObject({ nationalLabel: 'Trường Tiểu học (TH)', local: null, canSet: 'national' });

    const [{ id }] = await sut.sql<{ id: string }>(`SELECT id FROM org_unit WHERE code = 'PGD-VG'`);
    const round = await sut.http
      .post('/api/rounds')
      .set(auth(hy))
      .send({ name: 'Sai hạn', template: { code: 'bdg-vstbpn-dinh-ky', version: 1 }, rootUnitId: id, period: '2027-H2', flows: { truong_th: 'truong', phong: 'phong' }, deadlines: { truong_th: '2027-12-20', phong: '2027-12-18' } });
    expect(round.status).toBe(422);
    expect(JSON.stringify(round.body.details)).toContain('Trường Tiểu học (TH)');
  });

  it('lets a province admin name a kind for its province only: its users and its messages use it, others keep the national label', async () => {
    const pt = await sut.login('pt.so.reviewer', 'Demo@2026!');
    const reviewer = await sut.login('kc.reviewer', 'Demo@2026!');
    expect((await sut.http.put('/api/unit-kinds/truong_thcs').set(auth(reviewer)).send({ label: 'THCS' })).status).toBe(403);
    const set = await sut.http.put('/api/unit-kinds/truong_thcs').set(auth(hy)).send({ label: '  Trường trung học cơ sở  ' });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ code: 'truong_thcs', label: 'Trường trung học cơ sở', nationalLabel: 'Trường THCS', canSet: 'local', local: { label: 'Trường trung học cơ sở', unitName: expect.stringContaining('Hưng Yên') } });

    const seen = async (t: string) => ((await sut.http.get('/api/unit-kinds').set(auth(t))).body as { code: string; label: string }[]).find((k) => k.code === 'truong_thcs')!.label;
    expect(await seen(editor)).toBe('Trường trung học cơ sở'); // a school of Hưng Yên
    expect(await seen(pt)).toBe('Trường THCS'); // another province
    expect(await seen(admin)).toBe('Trường THCS'); // the top
    const [row] = await sut.sql<{ detail: { scope: string; label: string } }>(`SELECT detail FROM audit_log WHERE entity = 'unit-kind' ORDER BY id DESC LIMIT 1`);
    expect(row!.detail).toMatchObject({ scope: 'local', label: 'Trường trung học cơ sở' });

    // The top admin's national rename does not override the province's own name there.
    expect((await sut.http.put('/api/unit-kinds/truong_thcs').set(auth(admin)).send({ label: 'Trường THCS (chung)' })).status).toBe(200);
    expect(await seen(editor)).toBe('Trường trung học cơ sở');
    expect(await seen(pt)).toBe('Trường THCS (chung)');
    // Nor can the top admin "clear" a local name: it has none.
    expect((await sut.http.delete('/api/unit-kinds/truong_thcs/local').set(auth(admin))).status).toBe(403);

    // Back to the national label for the province (audited); clearing again changes nothing.
    const cleared = await sut.http.delete('/api/unit-kinds/truong_thcs/local').set(auth(hy));
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ label: 'Trường THCS (chung)', local: null });
    expect(await seen(editor)).toBe('Trường THCS (chung)');
    expect((await sut.http.delete('/api/unit-kinds/truong_thcs/local').set(auth(hy))).status).toBe(200);
    const deletes = await sut.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'unit-kind' AND action = 'delete'`);
    expect(deletes[0]!.n).toBe(1);
  });

  it('uses the province’s name for a kind in the messages about its rounds', async () => {
    expect((await sut.http.put('/api/unit-kinds/truong_th').set(auth(hy)).send({ label: 'Trường tiểu học Hưng Yên' })).status).toBe(200);
    const [{ id }] = await sut.sql<{ id: string }>(`SELECT id FROM org_unit WHERE code = 'PGD-VG'`);
    const round = await sut.http
      .post('/api/rounds')
      .set(auth(hy))
      .send({ name: 'Sai hạn', template: { code: 'bdg-vstbpn-dinh-ky', version: 1 }, rootUnitId: id, period: '2027-H2', flows: { truong_th: 'truong', phong: 'phong' }, deadlines: { truong_th: '2027-12-20', phong: '2027-12-18' } });
    expect(round.status).toBe(422);
    expect(JSON.stringify(round.body.details)).toContain('Trường tiểu học Hưng Yên');
  });
});
