import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { khoaiChauReport } from '../test-support/khoai-chau-data.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const DEMO = 'Demo@2026!';

/** The Khoái Châu journey through the HTTP API, on the demo province. */
describe('Khoái Châu journey', () => {
  let sut: TestApp;
  const tokens: Record<string, string> = {};
  let roundId = '';
  const subs: Record<string, { id: string; version: number }> = {};

  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const event = (user: string, id: string, body: object) => sut.http.post(`/api/submissions/${id}/events`).set(as(user)).send(body);
  const save = (user: string, id: string, data: object, version: number) =>
    sut.http.put(`/api/submissions/${id}/data`).set(as(user)).send({ data, version });

  const schools = {
    'kc.th-tan-dan': { total: 40, women: 30, managers: 3, womenManagers: 2 },
    'kc.th-dong-tien': { total: 10, women: 5, managers: 2, womenManagers: 0 },
    'kc.thcs-tan-dan': { total: 50, women: 20, managers: 5, womenManagers: 1 },
  } as const;

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true' });
    for (const u of [
      ...Object.keys(schools).flatMap((s) => [`${s}.editor`, `${s}.head`]),
      'kc.reviewer',
      'kc.head',
      'hy.so.reviewer',
      'hy.so.head',
      'vg.reviewer',
      'hy.admin',
    ])
      tokens[u] = await sut.login(u, DEMO);
    const rounds = await sut.http.get('/api/rounds').set(as('hy.admin'));
    roundId = rounds.body.items.find((r: { templateCode: string }) => r.templateCode === 'khoai-chau-bdg-2016-2020').id;
  });
  afterAll(() => sut.close());

  it('gives each school editor its submission to fill', async () => {
    for (const s of Object.keys(schools)) {
      const work = await sut.http.get('/api/my-work').set(as(`${s}.editor`));
      expect(work.status).toBe(200);
      const mine = work.body.items.find((w: { roundId: string }) => w.roundId === roundId);
      expect(mine).toMatchObject({ task: 'fill', state: 'draft', stateLabel: expect.any(String) });
      subs[s] = { id: mine.id, version: mine.version };
    }
  });

  it('refuses a wrong-typed draft with the field named in Vietnamese, and stores nothing', async () => {
    const s = subs['kc.th-tan-dan']!;
    const res = await save('kc.th-tan-dan.editor', s.id, { I: { tongSoCBGVNV: 'bốn mươi' } }, s.version);
    expect(res.status).toBe(422);
    expect(res.body.details[0]).toMatchObject({ path: '/I/tongSoCBGVNV', title: expect.stringContaining('Tổng số') });
    expect(res.body.message).toMatch(/Tổng số/);
    const again = await sut.http.get(`/api/submissions/${s.id}`).set(as('kc.th-tan-dan.editor'));
    expect(again.body.version).toBe(s.version);
    expect(again.body.data).toEqual({});
  });

  it('keeps an incomplete draft, and refuses SUBMIT naming the missing fields', async () => {
    const s = subs['kc.th-tan-dan']!;
    const res = await save('kc.th-tan-dan.editor', s.id, { I: { tongSoCBGVNV: 40 } }, s.version);
    expect(res.status).toBe(200);
    s.version = res.body.version;
    const submit = await event('kc.th-tan-dan.editor', s.id, { type: 'SUBMIT' });
    expect(submit.status).toBe(422);
    expect(submit.body.details.length).toBeGreaterThan(3);
    expect(submit.body.details.map((d: { message: string }) => d.message).join(' ')).toMatch(/Số nữ|bắt buộc|thiếu/i);
  });

  it('refuses a stale write with 409 and the current version', async () => {
    const s = subs['kc.th-tan-dan']!;
    const res = await save('kc.th-tan-dan.editor', s.id, { I: { tongSoCBGVNV: 41 } }, s.version - 1);
    expect(res.status).toBe(409);
    expect(res.body.details.currentVersion).toBe(s.version);
  });

  it('takes three schools through draft, signature and submission', async () => {
    for (const [s, figures] of Object.entries(schools)) {
      const sub = subs[s]!;
      const saved = await save(`${s}.editor`, sub.id, khoaiChauReport(s, figures), sub.version);
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      // computed on the server
      expect(saved.body.data.I.tyLeNu).toBeCloseTo((figures.women / figures.total) * 100);
      // the head may not submit in the editor's place
      expect((await event(`${s}.head`, sub.id, { type: 'SUBMIT' })).status).toBe(403);
      const submitted = await event(`${s}.editor`, sub.id, { type: 'SUBMIT' });
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
      expect(submitted.body.state).toBe('pending_signature');
      const signed = await event(`${s}.head`, sub.id, { type: 'SIGN' });
      expect(signed.status).toBe(200);
      expect(signed.body).toMatchObject({ state: 'submitted', locked: true, signature: { hash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
      sub.version = signed.body.version;
      // signed content is locked
      expect((await save(`${s}.editor`, sub.id, khoaiChauReport(s, figures), sub.version)).status).toBe(409);
    }
  });

  it('hides a submission from another subtree (404) and refuses a reviewer of another Phòng (404)', async () => {
    const s = subs['kc.th-tan-dan']!;
    expect((await sut.http.get(`/api/submissions/${s.id}`).set(as('vg.reviewer'))).status).toBe(404);
    expect((await event('vg.reviewer', s.id, { type: 'ACCEPT' })).status).toBe(404);
  });

  it('returns one with a comment on a field, the school fixes and resubmits, and all are accepted', async () => {
    const s = subs['kc.th-dong-tien']!;
    const noComment = await event('kc.reviewer', s.id, { type: 'RETURN' });
    expect(noComment.status).toBe(422);
    expect(noComment.body.message).toBe('Cần nhập lý do trả lại');
    const returned = await event('kc.reviewer', s.id, {
      type: 'RETURN',
      comment: 'Số liệu nữ CBQL chưa đúng',
      fieldComments: [{ path: '/I/soNuCBQL', text: 'Kiểm tra lại: trường có 1 nữ CBQL' }],
    });
    expect(returned.status).toBe(200);
    expect(returned.body.state).toBe('returned');
    const back = await sut.http.get(`/api/submissions/${s.id}`).set(as('kc.th-dong-tien.editor'));
    expect(back.body.fieldComments).toEqual([expect.objectContaining({ path: '/I/soNuCBQL', text: 'Kiểm tra lại: trường có 1 nữ CBQL' })]);
    expect(back.body.locked).toBe(false);
    const asReturned = await sut.http.get(`/api/submissions/${s.id}/returned`).set(as('kc.reviewer'));
    expect(asReturned.body.data.I.soNuCBQL).toBe(0);
    const fixed = { ...schools['kc.th-dong-tien'], womenManagers: 1 };
    const saved = await save('kc.th-dong-tien.editor', s.id, khoaiChauReport('kc.th-dong-tien', fixed), back.body.version);
    expect(saved.status).toBe(200);
    expect((await event('kc.th-dong-tien.editor', s.id, { type: 'SUBMIT' })).status).toBe(200);
    expect((await event('kc.th-dong-tien.head', s.id, { type: 'SIGN' })).status).toBe(200);
    for (const key of Object.keys(schools)) {
      const accepted = await event('kc.reviewer', subs[key]!.id, { type: 'ACCEPT' });
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
      expect(accepted.body.state).toBe('accepted');
      expect(accepted.body.final).toBe(true);
    }
    const history = await sut.http.get(`/api/submissions/${s.id}/history`).set(as('kc.reviewer'));
    expect(history.body.items.map((h: { event: string }) => h.event)).toEqual(['SUBMIT', 'SIGN', 'RETURN', 'SUBMIT', 'SIGN', 'ACCEPT']);
    expect(history.body.items[2].comment).toBe('Số liệu nữ CBQL chưa đúng');
  });

  let phongId = '';
  it('the Phòng compiles: sums, ratio of sums, concat under unit names, sources exact to the unit', async () => {
    const list = await sut.http.get(`/api/submissions?roundId=${roundId}`).set(as('kc.reviewer'));
    phongId = list.body.items.find((x: { unitCode: string }) => x.unitCode === 'PGD-KC').id;
    const compiled = await event('kc.reviewer', phongId, { type: 'COMPILE' });
    expect(compiled.status, JSON.stringify(compiled.body)).toBe(200);
    expect(compiled.body.state).toBe('draft');
    expect(compiled.body.compiled).toMatchObject({ included: 3, total: 10, stale: false });
    const d = compiled.body.data;
    expect(d.I.tongSoCBGVNV).toBe(100);
    expect(d.I.soNu).toBe(55);
    expect(d.I.soCBQL).toBe(10);
    expect(d.I.soNuCBQL).toBe(4);
    // ratio of sums, not the average of the three percentages (75 %, 50 %, 40 % → 55 %, not 55 by luck: check CBQL)
    expect(d.I.tyLeNu).toBeCloseTo(55);
    expect(d.I.tyLeNuCBQL).toBeCloseTo(40); // 4/10; the average of 66.7 %, 50 %, 20 % would be 45.6
    // concat: each part headed by the unit's name, ordered by unit code (KC-TH-DONG-TIEN < KC-TH-TAN-DAN < KC-THCS-TAN-DAN)
    const parts = (d.III.vanDeTrongTam as string).split(/\n\n/);
    expect(parts.map((p) => p.split(':')[0])).toEqual(['Trường Tiểu học Đông Tiến', 'Trường Tiểu học Tân Dân', 'Trường THCS Tân Dân']);
    const ct1 = d.II.ketQuaThucHien.ketQuaChiTieu.find((r: { maChiTieu: string }) => r.maChiTieu === 'CT1');
    expect(ct1).toMatchObject({ keHoach: 30, ketQua: 4 });
    const sources = await sut.http.get(`/api/submissions/${phongId}/sources?path=/I/soNuCBQL`).set(as('kc.reviewer'));
    expect(sources.status).toBe(200);
    expect(sources.body.map((x: { unitCode: string; value: number }) => [x.unitCode, x.value]).sort()).toEqual([
      ['KC-TH-DONG-TIEN', 1],
      ['KC-TH-TAN-DAN', 2],
      ['KC-THCS-TAN-DAN', 1],
    ]);
  });

  it('marks the compiled data stale when another child is accepted after compiling, and recompiles', async () => {
    const s = 'kc.thcs-chu-van-an';
    for (const r of ['editor', 'head']) tokens[`${s}.${r}`] = await sut.login(`${s}.${r}`, DEMO);
    const mine = (await sut.http.get('/api/my-work').set(as(`${s}.editor`))).body.items.find((w: { roundId: string }) => w.roundId === roundId);
    const figures = { total: 20, women: 10, managers: 2, womenManagers: 2 };
    expect((await save(`${s}.editor`, mine.id, khoaiChauReport(s, figures), mine.version)).status).toBe(200);
    expect((await event(`${s}.editor`, mine.id, { type: 'SUBMIT' })).status).toBe(200);
    expect((await event(`${s}.head`, mine.id, { type: 'SIGN' })).status).toBe(200);
    expect((await event('kc.reviewer', mine.id, { type: 'ACCEPT' })).status).toBe(200);
    const stale = await sut.http.get(`/api/submissions/${phongId}`).set(as('kc.reviewer'));
    expect(stale.body.compiled).toMatchObject({ included: 3, stale: true });
    const children = await sut.http.get(`/api/submissions/${phongId}/children`).set(as('kc.reviewer'));
    expect(children.body).toHaveLength(10);
    expect(children.body.filter((c: { state: string }) => c.state === 'accepted')).toHaveLength(4);
    const again = await event('kc.reviewer', phongId, { type: 'COMPILE' });
    expect(again.status).toBe(200);
    expect(again.body.compiled).toMatchObject({ included: 4, total: 10, stale: false });
    expect(again.body.data.I.tongSoCBGVNV).toBe(120);
    expect(again.body.data.I.tyLeNuCBQL).toBeCloseTo(50); // 6 / 12
  });

  it('the Phòng signs and submits, the Sở accepts and consolidates', async () => {
    const phong = (await sut.http.get(`/api/submissions/${phongId}`).set(as('kc.reviewer'))).body;
    const data = { ...phong.data, vanBan: { soVanBan: '45', ngayBanHanh: '2020-05-20', nguoiKy: 'Trưởng phòng' } };
    const saved = await save('kc.reviewer', phongId, data, phong.version);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const submitted = await event('kc.reviewer', phongId, { type: 'SUBMIT' });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect((await event('kc.head', phongId, { type: 'SIGN' })).status).toBe(200);
    expect((await event('hy.so.reviewer', phongId, { type: 'ACCEPT' })).status).toBe(200);
    const list = await sut.http.get(`/api/submissions?roundId=${roundId}`).set(as('hy.so.reviewer'));
    const soId = list.body.items.find((x: { unitCode: string }) => x.unitCode === 'SO-HY').id;
    const so = await event('hy.so.reviewer', soId, { type: 'COMPILE' });
    expect(so.status, JSON.stringify(so.body)).toBe(200);
    expect(so.body.compiled).toMatchObject({ included: 1, total: 3 });
    expect(so.body.data.I.tongSoCBGVNV).toBe(120);
    expect(so.body.data.I.tyLeNuCBQL).toBeCloseTo(50);
  });


  it('verify passes, then detects signed data changed directly in SQL', async () => {
    const s = subs['kc.thcs-tan-dan']!;
    const ok = await sut.http.get(`/api/submissions/${s.id}/verify`).set(as('kc.reviewer'));
    expect(ok.body).toMatchObject({ ok: true, signature: { ok: true }, log: { ok: true } });
    await sut.sql(`UPDATE submission SET data = jsonb_set(data, '{I,soNu}', '21') WHERE id = $1`, [s.id]);
    const bad = await sut.http.get(`/api/submissions/${s.id}/verify`).set(as('kc.reviewer'));
    expect(bad.body.ok).toBe(false);
    expect(bad.body.signature.ok).toBe(false);
    expect(bad.body.problems[0]).toMatch(/bị thay đổi sau khi ký/);
  });

  it('lets exactly one of two simultaneous events win; the other gets 409 and the log has one entry', async () => {
    const s = 'kc.mn-tan-dan';
    for (const r of ['editor', 'head']) tokens[`${s}.${r}`] = await sut.login(`${s}.${r}`, DEMO);
    const mine = (await sut.http.get('/api/my-work').set(as(`${s}.editor`))).body.items.find((w: { roundId: string }) => w.roundId === roundId);
    expect((await save(`${s}.editor`, mine.id, khoaiChauReport(s, { total: 5, women: 5, managers: 1, womenManagers: 1 }), mine.version)).status).toBe(200);
    const [a, b] = await Promise.all([event(`${s}.editor`, mine.id, { type: 'SUBMIT' }), event(`${s}.editor`, mine.id, { type: 'SUBMIT' })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const history = await sut.http.get(`/api/submissions/${mine.id}/history`).set(as(`${s}.editor`));
    expect(history.body.items).toHaveLength(1);
  });

  it('refuses to rewrite the transition log (append-only)', async () => {
    await expect(sut.sql(`UPDATE transition_log SET comment = 'x'`)).rejects.toThrow(/chỉ được thêm/);
  });
});
