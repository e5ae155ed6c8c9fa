import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { khoaiChauReport } from '../test-support/khoai-chau-data.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const DEMO = 'Demo@2026!';
const EDITOR = 'kc.th-tan-dan.editor';

/** Issue 18: a typo in a number box is kept beside the data, the rest of the draft saves, handing in waits for the fix. */
describe('raw inputs (a typo never blocks a draft)', () => {
  let sut: TestApp;
  let token = '';
  let id = '';
  let version = 0;
  const as = () => ({ Authorization: `Bearer ${token}` });
  const save = (body: object) => sut.http.put(`/api/submissions/${id}/data`).set(as()).send(body);

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true' });
    token = await sut.login(EDITOR, DEMO);
    const work = await sut.http.get('/api/my-work').set(as());
    const mine = work.body.items.find((w: { templateCode: string }) => w.templateCode === 'khoai-chau-bdg-2016-2020');
    id = mine.id;
    version = mine.version;
  });
  afterAll(() => sut.close());

  it('saves the rest of the form and keeps the typed text by its pointer, never in the data', async () => {
    const res = await save({ data: { I: { khaiQuat: 'Trường có 40 người.', soNu: 30 } }, rawInputs: { '/I/tongSoCBGVNV': 'bốn mươi' }, version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.rawInputs).toEqual({ '/I/tongSoCBGVNV': 'bốn mươi' });
    expect(res.body.data.I).toMatchObject({ khaiQuat: 'Trường có 40 người.', soNu: 30 });
    expect(res.body.data.I.tongSoCBGVNV).toBeUndefined();
    version = res.body.version;
    // Another PC opens the same draft: the text is there, flagged.
    const other = await sut.http.get(`/api/submissions/${id}`).set({ Authorization: `Bearer ${await sut.login(EDITOR, DEMO)}` });
    expect(other.body.rawInputs).toEqual({ '/I/tongSoCBGVNV': 'bốn mươi' });
    const [row] = await sut.sql<{ data: { I: Record<string, unknown> } }>(`SELECT data FROM submission WHERE id = $1`, [id]);
    expect(row!.data.I.tongSoCBGVNV).toBeUndefined();
  });

  it('keeps the stored text when a later save does not mention raw inputs', async () => {
    const res = await save({ data: { I: { khaiQuat: 'Trường có 40 người.', soNu: 31 } }, version });
    expect(res.status).toBe(200);
    expect(res.body.rawInputs).toEqual({ '/I/tongSoCBGVNV': 'bốn mươi' });
    version = res.body.version;
  });

  it('refuses raw inputs for a field that is not a number field, naming it', async () => {
    const res = await save({ data: {}, rawInputs: { '/I/khaiQuat': 'x' }, version });
    expect(res.status).toBe(422);
    expect(res.body.details[0].path).toBe('/I/khaiQuat');
    const deep = await save({ data: {}, rawInputs: { '/I/tongSoCBGVNV': 'x'.repeat(600) }, version });
    expect(deep.status).toBe(422);
    expect(deep.body.details[0].title).toMatch(/Tổng số CB-GV-NV/);
  });

  it('refuses SUBMIT while a typo remains, naming the field by its title; fixing the value clears it', async () => {
    const full = khoaiChauReport('Trường Tiểu học Tân Dân', { total: 40, women: 30, managers: 3, womenManagers: 2 });
    const { tongSoCBGVNV: _typo, ...rest } = full.I;
    const saved = await save({ data: { ...full, I: rest }, rawInputs: { '/I/tongSoCBGVNV': '4o' }, version });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    version = saved.body.version;
    const submit = await sut.http.post(`/api/submissions/${id}/events`).set(as()).send({ type: 'SUBMIT' });
    expect(submit.status).toBe(422);
    const problem = submit.body.details.find((d: { path: string }) => d.path === '/I/tongSoCBGVNV');
    expect(problem.title).toMatch(/Tổng số CB-GV-NV/);

    // A stale typo beside a complete form (kept by an older client): the guard before locking still refuses.
    const complete = await save({ data: full, version });
    expect(complete.status).toBe(200);
    expect(complete.body.rawInputs).toEqual({});
    version = complete.body.version;
    await sut.sql(`UPDATE submission SET raw_inputs = '{"/I/soCBQL":"ba"}'::jsonb WHERE id = $1`, [id]);
    const guarded = await sut.http.post(`/api/submissions/${id}/events`).set(as()).send({ type: 'SUBMIT' });
    expect(guarded.status).toBe(422);
    expect(guarded.body.message).toMatch(/Số cán bộ quản lý/);
    expect(guarded.body.details[0]).toMatchObject({ path: '/I/soCBQL', message: expect.stringContaining('chưa phải là số') });
    await sut.sql(`UPDATE submission SET raw_inputs = '{}'::jsonb WHERE id = $1`, [id]);
    const ok = await sut.http.post(`/api/submissions/${id}/events`).set(as()).send({ type: 'SUBMIT' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });

  it('puts the return reason in the notification text (the bell and the e-mail)', async () => {
    const head = await sut.login('kc.th-tan-dan.head', DEMO);
    const signed = await sut.http.post(`/api/submissions/${id}/events`).set({ Authorization: `Bearer ${head}` }).send({ type: 'SIGN' });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    const reviewer = await sut.login('kc.reviewer', DEMO);
    const returned = await sut.http
      .post(`/api/submissions/${id}/events`)
      .set({ Authorization: `Bearer ${reviewer}` })
      .send({ type: 'RETURN', comment: 'Số nữ chưa khớp danh sách.', fieldComments: [{ path: '/I/soNu', text: 'Kiểm tra lại' }] });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    const bell = await sut.http.get('/api/notifications').set(as());
    const text = JSON.stringify(bell.body);
    expect(text).toContain('Ý kiến: \\"Số nữ chưa khớp danh sách.\\"');
    expect(text).toContain('Có 1 ý kiến về các trường');
  });
});
