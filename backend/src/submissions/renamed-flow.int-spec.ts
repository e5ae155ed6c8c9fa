import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RemindersService } from '../jobs/reminders.service.js';
import { khoaiChauReport } from '../test-support/khoai-chau-data.js';
import { provinceFlow } from '../test-support/province-flow.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const DEMO = 'Demo@2026!';

describe('a flow with renamed states, an extra step and a province-defined role', () => {
  let sut: TestApp;
  const tokens: Record<string, string> = {};
  const as = (u: string) => ({ Authorization: `Bearer ${tokens[u]}` });
  const event = (u: string, id: string, body: object) => sut.http.post(`/api/submissions/${id}/events`).set(as(u)).send(body);
  const unit = async (code: string) => (await sut.sql<{ id: string }>(`SELECT id FROM org_unit WHERE code = $1`, [code]))[0]!.id;
  let roundId = '';
  const subs: Record<string, string> = {};
  const schools = ['vg.th-xuan-quan', 'vg.th-cuu-cao', 'vg.th-long-hung'];
  const figures = { total: 20, women: 12, managers: 2, womenManagers: 1 };

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true' });
    for (const u of ['hy.admin', 'vg.reviewer', ...schools.flatMap((s) => [`${s}.editor`, `${s}.head`])]) tokens[u] = await sut.login(u, DEMO);
  });
  afterAll(() => sut?.close());

  it('defines the role, warns while nobody holds it, then assigns it', async () => {
    const created = await sut.http.post('/api/roles').set(as('hy.admin')).send({ code: 'pho_hieu_truong', label: 'Phó hiệu trưởng' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await sut.http.post('/api/roles').set(as('hy.admin')).send({ code: 'pho_hieu_truong', label: 'Lần nữa' })).status).toBe(409);
    const roles = await sut.http.get('/api/roles').set(as('hy.admin'));
    expect(roles.body.items.map((r: { code: string }) => r.code)).toEqual(['admin', 'editor', 'head', 'reviewer', 'pho_hieu_truong']);

    const lint = await sut.http.post('/api/flows/lint').set(as('hy.admin')).send({ machine: provinceFlow });
    expect(lint.body.findings).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringContaining('Chưa có người dùng nào giữ vai trò «Phó hiệu trưởng»') }));
    const unknown = await sut.http.post('/api/flows/lint').set(as('hy.admin')).send({ machine: JSON.parse(JSON.stringify(provinceFlow).replaceAll('pho_hieu_truong', 'hieu_pho')) });
    expect(unknown.body.findings).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringContaining('«hieu_pho» chưa được định nghĩa') }));

    const bad = await sut.http.post('/api/users').set(as('hy.admin')).send({ username: 'vg.pht.sai', password: 'Matkhau@2026', fullName: 'Sai vai trò', unitId: await unit('PGD-VG'), roles: ['hieu_pho'] });
    expect(bad.status).toBe(422);
    expect(bad.body.details[0]).toMatchObject({ path: 'roles', title: 'Vai trò', message: expect.stringContaining('hieu_pho') });
    for (const s of schools) {
      const code = (await sut.sql<{ code: string }>(`SELECT o.code FROM app_user u JOIN org_unit o ON o.id = u.unit_id WHERE u.username = $1`, [`${s}.editor`]))[0]!.code;
      const res = await sut.http.post('/api/users').set(as('hy.admin')).send({ username: `${s}.pht`, password: 'Matkhau@2026', fullName: 'Phó hiệu trưởng', unitId: await unit(code), roles: ['pho_hieu_truong'] });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      tokens[`${s}.pht`] = await sut.login(`${s}.pht`, 'Matkhau@2026');
    }
    const after = await sut.http.post('/api/flows/lint').set(as('hy.admin')).send({ machine: provinceFlow });
    expect(after.body.findings.filter((f: { message: string }) => f.message.includes('vai trò'))).toEqual([]);
  });

  it('publishes the flow through the API and opens a round over it', async () => {
    const draft = await sut.http.post('/api/flows/truong-pht/versions').set(as('hy.admin')).send({ machine: provinceFlow });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect((await sut.http.post('/api/flows/truong-pht/versions/1/publish').set(as('hy.admin'))).status).toBe(201);
    const round = await sut.http.post('/api/rounds').set(as('hy.admin')).send({
      name: 'Báo cáo có phó hiệu trưởng duyệt — Văn Giang',
      template: { code: 'khoai-chau-bdg-2016-2020', version: 1 },
      rootUnitId: await unit('PGD-VG'),
      period: '2027',
      flows: { truong_th: 'truong-pht', phong: 'phong' },
      deadlines: { truong_th: '2027-06-10', phong: '2027-06-20' },
      carryForward: false,
    });
    expect(round.status, JSON.stringify(round.body)).toBe(201);
    roundId = round.body.id;
    for (const s of schools) {
      const work = await sut.http.get('/api/my-work').set(as(`${s}.editor`));
      subs[s] = work.body.items.find((w: { roundId: string }) => w.roundId === roundId).id;
    }
    subs['phong'] = (await sut.sql<{ id: string }>(`SELECT id FROM submission WHERE round_id = $1 AND parent_unit_id IS NULL`, [roundId]))[0]!.id;
  });

  it('routes the extra step to the deputy, shown with the flow’s label, and locks the data meanwhile', async () => {
    const s = schools[0]!;
    const cur = (await sut.http.get(`/api/submissions/${subs[s]}`).set(as(`${s}.editor`))).body;
    expect(cur).toMatchObject({ state: 'soan_thao', stateTags: ['editing'], status: 'editing', handedIn: false });
    const saved = await sut.http.put(`/api/submissions/${cur.id}/data`).set(as(`${s}.editor`)).send({ data: khoaiChauReport(s, figures), version: cur.version });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const sent = await event(`${s}.editor`, cur.id, { type: 'GUI_DUYET' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body).toMatchObject({ state: 'cho_pht', locked: true, stateLabel: 'Chờ phó hiệu trưởng duyệt' });
    expect((await sut.http.put(`/api/submissions/${cur.id}/data`).set(as(`${s}.editor`)).send({ data: khoaiChauReport(s, figures), version: sent.body.version })).status).toBe(409);

    const work = (await sut.http.get('/api/my-work').set(as(`${s}.pht`))).body.items.find((w: { id: string }) => w.id === cur.id);
    expect(work).toMatchObject({ task: 'approve', stepLabel: 'Chờ phó hiệu trưởng duyệt' });
    // (order aside: the stored jsonb re-sorts the flow's keys, lane 15b's subject)
    expect(work.allowedEvents.map((e: { type: string; kind: string }) => [e.type, e.kind]).sort()).toEqual([['PHT_DUYET', 'approve'], ['PHT_TRA', 'reject']]);
    const byHead = await event(`${s}.head`, cur.id, { type: 'PHT_DUYET' });
    expect(byHead.status).toBe(403);
    expect(byHead.body.message).toContain('«Phó hiệu trưởng»');
  });

  it('reminds the deputy whose approval is awaited, and the editors, by the tags', async () => {
    const s = schools[0]!;
    await sut.sql(`UPDATE submission SET deadline = now() + interval '2 days' WHERE id = $1`, [subs[s]]);
    const run = await sut.app.get(RemindersService).runReminders(new Date());
    expect(run.byKind).toEqual({ 'remind-approve': 1, 'remind-3d': 1 });
    const rows = await sut.sql<{ username: string; message: string }>(
      `SELECT u.username, n.message FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.kind = 'remind-approve'`,
    );
    expect(rows).toEqual([{ username: `${s}.pht`, message: expect.stringContaining('đang chờ bạn duyệt') }]);
  });

  const walk = async (s: string, withData = true) => {
    if (withData) {
      const cur = (await sut.http.get(`/api/submissions/${subs[s]}`).set(as(`${s}.editor`))).body;
      expect((await sut.http.put(`/api/submissions/${cur.id}/data`).set(as(`${s}.editor`)).send({ data: khoaiChauReport(s, figures), version: cur.version })).status).toBe(200);
      expect((await event(`${s}.editor`, cur.id, { type: 'GUI_DUYET' })).status).toBe(200);
    }
    expect((await event(`${s}.pht`, subs[s]!, { type: 'PHT_DUYET' })).status).toBe(200);
    const signed = await event(`${s}.head`, subs[s]!, { type: 'KY' });
    expect(signed.body).toMatchObject({ state: 'da_gui', handedIn: true, signature: { hash: expect.any(String) } });
    const accepted = await event('vg.reviewer', subs[s]!, { type: 'DUYET' });
    expect(accepted.body).toMatchObject({ state: 'da_duyet', final: true, stateTags: ['done'] });
  };

  it('counts progress and the dashboard percentage by meaning, and compiles the done children', async () => {
    await walk(schools[0]!, false);
    const progress = (await sut.http.get(`/api/rounds/${roundId}/progress`).set(as('vg.reviewer'))).body;
    const th = progress.levels.find((l: { kind: string }) => l.kind === 'truong_th');
    expect(th).toMatchObject({ total: 3, done: 1, byState: { da_duyet: 1, soan_thao: 2 } });
    expect(progress.units.items.find((u: { submissionId: string }) => u.submissionId === subs[schools[0]!])).toMatchObject({ handedIn: true, stateTags: ['done'] });
    const done = await sut.http.get(`/api/submissions?roundId=${roundId}&tag=done`).set(as('vg.reviewer'));
    expect(done.body.items.map((x: { id: string }) => x.id)).toEqual([subs[schools[0]!]]);

    const phong = (await sut.http.get(`/api/submissions/${subs['phong']}`).set(as('vg.reviewer'))).body;
    const compile = phong.allowedEvents.find((e: { kind: string }) => e.kind === 'compile');
    const compiled = await event('vg.reviewer', phong.id, { type: compile.type });
    expect(compiled.status, JSON.stringify(compiled.body)).toBe(200);
    expect(compiled.body.compiled).toMatchObject({ included: 1, total: 3, stale: false });
    expect(compiled.body.data.I.tongSoCBGVNV).toBe(figures.total);
  });

  it('marks the compiled report stale when another child reaches its done state, and recompiles both', async () => {
    await walk(schools[1]!);
    const phong = (await sut.http.get(`/api/submissions/${subs['phong']}`).set(as('vg.reviewer'))).body;
    expect(phong.compiled.stale).toBe(true);
    const compile = phong.allowedEvents.find((e: { kind: string }) => e.kind === 'compile');
    const again = await event('vg.reviewer', phong.id, { type: compile.type });
    expect(again.body.compiled).toMatchObject({ included: 2, total: 3, stale: false });
    expect(again.body.data.I.tongSoCBGVNV).toBe(2 * figures.total);
  });
});
