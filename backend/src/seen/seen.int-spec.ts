import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const DEMO = 'Demo@2026!';

/** "Changes since you last looked" lives on the server: the head sees it from any computer. */
describe('Last seen content, per user and submission', () => {
  let sut: TestApp;
  const tokens: Record<string, string> = {};
  let id = '';
  const editor = 'kc.th-tan-dan.editor';
  const head = 'kc.th-tan-dan.head';
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const view = (user: string) => sut.http.get(`/api/submissions/${id}`).set(as(user));

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true' });
    for (const u of [editor, head, 'kc.th-dong-tien.head']) tokens[u] = await sut.login(u, DEMO);
    const work = await sut.http.get('/api/my-work').set(as(editor));
    id = work.body.items[0].id;
  });
  afterAll(() => sut.close());

  it('records what the user saw and gives it back, with the data as the server had it', async () => {
    expect((await sut.http.get(`/api/submissions/${id}/seen`).set(as(head))).body).toEqual({ lastSeen: null });
    const before = await view(head);
    const put = await sut.http.put(`/api/submissions/${id}/seen`).set(as(head)).send({ contentHash: before.body.contentHash });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ contentHash: before.body.contentHash, version: before.body.version });

    // The editor changes a figure; on another computer the head gets back what they saw, to compare with now.
    const data = { ...before.body.data, I: { ...(before.body.data.I ?? {}), tongSoCBGVNV: 77 } };
    const saved = await sut.http.put(`/api/submissions/${id}/data`).set(as(editor)).send({ data, version: before.body.version });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const seen = await sut.http.get(`/api/submissions/${id}/seen`).set(as(head));
    expect(seen.status).toBe(200);
    expect(seen.body.lastSeen.contentHash).toBe(before.body.contentHash);
    expect(seen.body.lastSeen.contentHash).not.toBe(saved.body.contentHash);
    expect(seen.body.lastSeen.data).toEqual(before.body.data);
    expect(seen.body.lastSeen.seenAt).toBeTruthy();
    // Each user has their own record.
    expect((await sut.http.get(`/api/submissions/${id}/seen`).set(as(editor))).body).toEqual({ lastSeen: null });
  });

  it('refuses a stale hash (409, nothing recorded), a malformed one (422) and another unit’s report (404)', async () => {
    const seenBefore = (await sut.http.get(`/api/submissions/${id}/seen`).set(as(head))).body.lastSeen;
    const stale = await sut.http.put(`/api/submissions/${id}/seen`).set(as(head)).send({ contentHash: 'a'.repeat(64) });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toContain('Nội dung báo cáo đã thay đổi');
    expect((await sut.http.get(`/api/submissions/${id}/seen`).set(as(head))).body.lastSeen).toEqual(seenBefore);
    const bad = await sut.http.put(`/api/submissions/${id}/seen`).set(as(head)).send({ contentHash: 'x' });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toContain('contentHash');
    expect((await sut.http.get(`/api/submissions/${id}/seen`).set(as('kc.th-dong-tien.head'))).status).toBe(404);
  });
});
