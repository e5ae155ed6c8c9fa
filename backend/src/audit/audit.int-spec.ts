import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const DEMO = 'Demo@2026!';

/** `GET /api/audit`: the log of an admin's subtree, paged by cursor, filtered, searched without accents. */
describe('GET /api/audit', () => {
  let sut: TestApp;
  const tokens: Record<string, string> = {};
  const get = (user: string, url: string) => sut.http.get(url).set({ Authorization: `Bearer ${tokens[user]}` });
  const unit = async (code: string) => (await sut.sql<{ id: string }>(`SELECT id FROM org_unit WHERE code = $1`, [code]))[0]!.id;
  const userId = async (username: string) => (await sut.sql<{ id: string }>(`SELECT id FROM app_user WHERE username = $1`, [username]))[0]!.id;

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true' });
    tokens.root = await sut.login('admin');
    for (const u of ['hy.admin', 'pt.admin', 'kc.reviewer']) tokens[u] = await sut.login(u, DEMO);
    // Entries by people of two provinces and of the root, on dates of our choosing (a day in Vietnam).
    const entries: [string | null, string, string][] = [
      [await userId('hy.admin'), 'update', '2026-03-01T10:00:00+07:00'],
      [await userId('kc.reviewer'), 'remind', '2026-03-02T00:30:00+07:00'],
      [await userId('kc.reviewer'), 'remind', '2026-03-02T23:30:00+07:00'],
      [await userId('pt.admin'), 'update', '2026-03-03T10:00:00+07:00'],
      [null, 'forgot-password', '2026-03-04T10:00:00+07:00'],
    ];
    for (const [actor, action, at] of entries)
      await sut.sql(`INSERT INTO audit_log (actor_id, action, entity, entity_id, detail, at) VALUES ($1, $2, 'user', 'x', '{"n": 1}', $3)`, [actor, action, at]);
    // A detail too large to list
    await sut.sql(`INSERT INTO audit_log (actor_id, action, entity, detail, at) VALUES ($1, 'import', 'org_unit', $2, '2026-03-05T10:00:00+07:00')`, [
      await userId('hy.admin'),
      JSON.stringify({ created: Array.from({ length: 200 }, (_, i) => `unit-${i}-xxxxxxxxxxxxxxxx`) }),
    ]);
  });
  afterAll(() => sut.close());

  const march = '&from=2026-03-01&to=2026-03-31';

  it("lists the entries of the admin's subtree only, newest first, with who did it", async () => {
    const hy = await get('hy.admin', `/api/audit?${march}`);
    expect(hy.status).toBe(200);
    expect(hy.body.items.map((e: { action: string }) => e.action)).toEqual(['import', 'remind', 'remind', 'update']);
    expect(hy.body.items[3]).toMatchObject({ actorUsername: 'hy.admin', entity: 'user', entityId: 'x', detail: { n: 1 }, unitName: expect.any(String) });
    expect(hy.body.items[0].detail).toBeNull();
    expect(hy.body).toMatchObject({ total: 4, page: 1, pageSize: 50, nextCursor: null });
    const root = await get('root', `/api/audit?${march}`);
    expect(root.body.items.map((e: { action: string }) => e.action)).toEqual(['import', 'forgot-password', 'update', 'remind', 'remind', 'update']);
    expect(root.body.items[1]).toMatchObject({ actorId: null, actorName: null });
  });

  it('filters by unit subtree, actor, action and Vietnamese dates, and searches the actor without accents', async () => {
    const ids = async (query: string) => (await get('hy.admin', `/api/audit?${query.includes('from=') ? '' : march}&${query}`)).body.items.map((e: { actorUsername: string; action: string }) => `${e.actorUsername}:${e.action}`);
    expect(await ids(`unitId=${await unit('PGD-KC')}`)).toEqual(['kc.reviewer:remind', 'kc.reviewer:remind']);
    expect(await ids(`actorId=${await userId('hy.admin')}`)).toEqual(['hy.admin:import', 'hy.admin:update']);
    expect(await ids('action=update')).toEqual(['hy.admin:update']);
    // 2 March in Vietnam holds both reminders (00:30 and 23:30, +07:00), and nothing else
    expect(await ids('from=2026-03-02&to=2026-03-02')).toEqual(['kc.reviewer:remind', 'kc.reviewer:remind']);
    // "Chuyên viên — Phòng Giáo dục và Đào tạo Khoái Châu", typed with accents half-forgotten
    expect(await ids(`q=${encodeURIComponent('PHONG GIÁO duc va dao tao KHOÁI chau')}`)).toEqual(['kc.reviewer:remind', 'kc.reviewer:remind']);
    expect(await ids('sort=action')).toEqual(['hy.admin:import', 'kc.reviewer:remind', 'kc.reviewer:remind', 'hy.admin:update']);
  });

  it('pages by cursor through the same entries as by page number', async () => {
    const all = (await get('root', `/api/audit?${march}`)).body.items.map((e: { id: string }) => e.id);
    const walked: string[] = [];
    let after = '';
    for (let page = 1; page <= 10; page++) {
      const res = await get('root', `/api/audit?${march}&pageSize=4&page=${page}${after ? `&after=${after}` : ''}`);
      walked.push(...res.body.items.map((e: { id: string }) => e.id));
      if (!res.body.nextCursor) break;
      after = res.body.nextCursor;
    }
    expect(walked).toEqual(all);
  });

  it('is for admins, of their own subtree: others are refused in Vietnamese, another province is not found', async () => {
    const reviewer = await get('kc.reviewer', '/api/audit');
    expect(reviewer.status).toBe(403);
    expect(reviewer.body.message).toMatch(/quản trị viên/);
    expect((await get('hy.admin', `/api/audit?unitId=${await unit('SO-PT')}`)).status).toBe(404);
    const bad = await get('hy.admin', '/api/audit?from=01/03/2026');
    expect(bad.status).toBe(422);
    expect(bad.body.details[0]).toMatchObject({ path: 'from', title: 'Từ ngày' });
  });
});
