import { EXACT_COUNT_LIMIT } from '@bdg/api-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const DEMO = 'Demo@2026!';
const SORTS = ['', 'username', '-username', 'fullName', '-fullName', 'unitName', '-unitName', 'unitCode', '-unitCode'];

interface Listed {
  id: string;
  username: string;
}

/**
 * "Người dùng" (GET /api/users) pages by keyset like the other large lists (issue #17). The root's admin
 * (every user, read in index order) and a Sở's admin (the subtree read unit by unit, then sorted) go
 * through the two forms of the query: both are walked.
 */
describe('users list', () => {
  let sut: TestApp;
  let hy = '';
  let root = '';
  const get = (url: string, token = hy) => sut.http.get(url).set({ Authorization: `Bearer ${token}` });
  const ids = (items: Listed[]) => items.map((u) => u.id);

  /** Every page by `nextCursor`, from the first: the ids in order. */
  async function walk(base: string, pageSize: number, token = hy) {
    const walked: string[] = [];
    let after: string | null = null;
    for (let page = 1; page <= 200; page++) {
      const res = await get(`${base}&pageSize=${pageSize}&page=${page}${after ? `&after=${after}` : ''}`, token);
      expect(res.status, base).toBe(200);
      walked.push(...ids(res.body.items));
      after = res.body.nextCursor;
      if (!after) return walked;
    }
    throw new Error(`${base}: no last page after 200 pages`);
  }

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true' });
    hy = await sut.login('hy.admin', DEMO);
    root = await sut.login('admin');
    // Namesakes in one unit: the sort key ties, the tiebreak (username) decides.
    const kc = (await sut.sql<{ id: string }>(`SELECT id FROM org_unit WHERE code = 'PGD-KC'`))[0]!.id;
    for (const username of ['kc.dao1', 'kc.dao2', 'kc.dao3']) {
      const body = { username, password: 'MatKhau@123', fullName: 'Nguyễn Thị Đào', unitId: kc, roles: ['editor'] };
      expect((await sut.http.post('/api/users').set({ Authorization: `Bearer ${hy}` }).send(body)).status).toBe(201);
    }
  });
  afterAll(() => sut.close());

  it.each([
    ['the root admin', () => root],
    ['a Sở admin', () => hy],
  ])('walks the whole list by cursor without gaps or repeats, under each sort, in the order of the one-page answer (%s)', async (_who, token) => {
    for (const sort of SORTS) {
      const base = sort ? `/api/users?sort=${sort}` : '/api/users?';
      const all = (await get(`${base}&pageSize=500`, token())).body;
      expect(all.nextCursor, base).toBeNull();
      expect(all.totalApprox, base).toBeUndefined();
      expect(all.items.length, base).toBe(all.total);
      expect(all.total, base).toBeGreaterThan(20);
      const walked = await walk(base, 7, token());
      expect(new Set(walked).size, base).toBe(walked.length);
      expect(walked, base).toEqual(ids(all.items));
    }
  });

  it('lists one unit of the subtree (unitId), for the root admin and a Sở admin alike', async () => {
    const kc = (await sut.sql<{ id: string }>(`SELECT id FROM org_unit WHERE code = 'PGD-KC'`))[0]!.id;
    for (const token of [root, hy]) {
      const res = (await get(`/api/users?unitId=${kc}&sort=-fullName&pageSize=2`, token)).body;
      expect(res.total).toBeGreaterThanOrEqual(3);
      expect(await walk(`/api/users?unitId=${kc}&sort=-fullName`, 2, token)).toEqual(ids((await get(`/api/users?unitId=${kc}&sort=-fullName&pageSize=500`, token)).body.items));
    }
  });

  it('keeps the order it always had by default (unit code, then username) and sorts both ways', async () => {
    const all: (Listed & { unitCode: string })[] = (await get('/api/users?pageSize=500')).body.items;
    const byCode = (await get('/api/users?sort=unitCode&pageSize=500')).body.items;
    expect(ids(byCode)).toEqual(ids(all));
    const desc = (await get('/api/users?sort=-unitCode&pageSize=500')).body.items;
    expect(ids(desc)).toEqual(ids(all).reverse());
    const namesakes = all.filter((u) => u.username.startsWith('kc.dao')).map((u) => u.username);
    expect(namesakes).toEqual(['kc.dao1', 'kc.dao2', 'kc.dao3']);
  });

  it('still answers a page by its number (the contract grows by addition): the same rows as by cursor', async () => {
    const first = (await get('/api/users?sort=fullName&pageSize=5')).body;
    const byCursor = (await get(`/api/users?sort=fullName&pageSize=5&page=2&after=${first.nextCursor}`)).body;
    const byNumber = (await get('/api/users?sort=fullName&pageSize=5&page=2')).body;
    expect(byNumber).toMatchObject({ page: 2, pageSize: 5, total: first.total });
    expect(ids(byNumber.items)).toEqual(ids(byCursor.items));
  });

  it('searches without accents, and walks a search by cursor too', async () => {
    for (const q of ['nguyen thi dao', 'NGUYỄN THỊ ĐÀO', 'thi đao']) {
      const res = await get(`/api/users?q=${encodeURIComponent(q)}`);
      expect(res.body.items.map((u: Listed) => u.username), q).toEqual(['kc.dao1', 'kc.dao2', 'kc.dao3']);
      expect(res.body.total, q).toBe(3);
    }
    const walked = await walk(`/api/users?q=dao&sort=-fullName`, 2);
    expect(walked).toEqual(ids((await get('/api/users?q=dao&sort=-fullName&pageSize=500')).body.items));
  });

  it('refuses a cursor made for another sort, or not a cursor at all, with a Vietnamese 422 naming the field', async () => {
    const first = (await get('/api/users?sort=fullName&pageSize=2')).body;
    for (const url of [`/api/users?sort=-fullName&after=${first.nextCursor}`, `/api/users?after=${first.nextCursor}`, '/api/users?after=bm90LWEtY3Vyc29y']) {
      const res = await get(url);
      expect(res.status, url).toBe(422);
      expect(res.body.message, url).toMatch(/^Con trỏ trang tiếp theo \(after\) không hợp lệ/);
      expect(res.body.details[0], url).toMatchObject({ path: 'after', title: 'Con trỏ trang tiếp theo' });
    }
  });

  it('counts exactly up to the limit, and above it answers the estimate marked totalApprox', async () => {
    const school = (await sut.sql<{ id: string }>(`SELECT id FROM org_unit WHERE code = 'KC-TH-DONG-TIEN'`))[0]!.id;
    const before = (await get('/api/users?pageSize=1')).body.total as number;
    await sut.sql(
      `INSERT INTO app_user (username, password_hash, full_name, unit_id, roles)
       SELECT 'bulk.' || g, 'x', 'Người thử ' || g, $1, '{editor}' FROM generate_series(1, $2::int) g`,
      [school, EXACT_COUNT_LIMIT + 50],
    );
    await sut.sql(`ANALYZE app_user`);
    try {
      for (const token of [hy, root]) {
        const many = (await get('/api/users?pageSize=1', token)).body;
        expect(many.totalApprox).toBe(true);
        expect(many.total).toBeGreaterThan(EXACT_COUNT_LIMIT);
        // the estimate is the planner's: near the truth, not exact
        expect(Math.abs(many.total - (before + EXACT_COUNT_LIMIT + 50))).toBeLessThan((before + EXACT_COUNT_LIMIT) / 2);
      }
      // a narrower list is counted exactly again
      const kc = await get(`/api/users?q=${encodeURIComponent('nguyen thi dao')}`);
      expect(kc.body).toMatchObject({ total: 3 });
      expect(kc.body.totalApprox).toBeUndefined();
      // the cursor walks on past the limit, each page starting where the one before ended
      let after = '';
      const seen = new Set<string>();
      for (let page = 1; page <= 20; page++) {
        const res = (await get(`/api/users?sort=-username&pageSize=500&page=${page}${after ? `&after=${after}` : ''}`)).body;
        expect(res.items).toHaveLength(500);
        for (const u of res.items as Listed[]) seen.add(u.id);
        after = res.nextCursor;
      }
      expect(seen.size).toBe(20 * 500);
    } finally {
      await sut.sql(`DELETE FROM app_user WHERE username LIKE 'bulk.%'`);
    }
  });
});
