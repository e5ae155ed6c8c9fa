import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const DEMO = 'Demo@2026!';

interface Counts {
  total: number;
  done: number;
  late: number;
  byState: Record<string, number>;
}

/**
 * The drill-down against the truth: every figure the route answers (read from the trigger-kept tallies)
 * equals a brute-force count over the submissions themselves, at each level, after transitions,
 * a moved deadline, concurrent writers and a fold.
 */
describe('ProgressService (GET /api/rounds/:id/progress)', () => {
  let sut: TestApp;
  let roundId = '';
  const tokens = new Map<string, string>();
  const as = async (user: string) => {
    if (!tokens.has(user)) tokens.set(user, await sut.login(user, DEMO));
    return { Authorization: `Bearer ${tokens.get(user)}` };
  };
  const unit = async (code: string) => (await sut.sql<{ id: string }>(`SELECT id FROM org_unit WHERE code = $1`, [code]))[0]!.id;
  const get = async (user: string, query = '') => {
    const res = await sut.http.get(`/api/rounds/${roundId}/progress${query}`).set(await as(user));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res;
  };

  /** The truth for a unit's subtree (the unit itself included), straight from the submissions. */
  const truth = async (unitId: string): Promise<Counts> => {
    const rows = await sut.sql<{ state: string; n: number; done: number; late: number }>(
      `SELECT s.state, count(*)::int AS n,
              count(*) FILTER (WHERE s.state_tags && '{submitted,done}' OR s.final)::int AS done,
              count(*) FILTER (WHERE s.deadline < now() AND NOT (s.state_tags && '{submitted,done}' OR s.final))::int AS late
         FROM submission s JOIN org_unit o ON o.id = s.unit_id
        WHERE s.round_id = $1 AND o.path <@ (SELECT path FROM org_unit WHERE id = $2) GROUP BY s.state`,
      [roundId, unitId],
    );
    const c: Counts = { total: 0, done: 0, late: 0, byState: {} };
    for (const r of rows) {
      c.total += r.n;
      c.done += r.done;
      c.late += r.late;
      c.byState[r.state] = r.n;
    }
    return c;
  };

  /** At `parentId`, the totals and every listed child's subtree must equal the truth. */
  const checkLevel = async (user: string, parentId: string) => {
    const res = await get(user, `?parentId=${parentId}&pageSize=500`);
    expect(res.body.totals).toEqual(await truth(parentId));
    for (const item of res.body.units.items) expect(item.subtree, item.unitName).toEqual(await truth(item.unitId));
    return res.body;
  };

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true' });
    const rounds = await sut.http.get('/api/rounds').set(await as('hy.admin'));
    roundId = rounds.body.items.find((r: { rootUnitName: string }) => r.rootUnitName === 'Sở Giáo dục và Đào tạo Hưng Yên').id;
  });
  afterAll(() => sut.close());

  it('answers one level at a time for the Sở: its Phòng as children, each with its subtree, and the levels by kind', async () => {
    const body = await checkLevel('hy.so.reviewer', await unit('SO-HY'));
    expect(body.node).toMatchObject({ unitCode: 'SO-HY', kind: 'so', stateLabel: expect.any(String) });
    expect(body.breadcrumbs.map((b: { unitName: string }) => b.unitName)).toEqual(['Sở Giáo dục và Đào tạo Hưng Yên']);
    expect(body.units).toMatchObject({ page: 1, pageSize: 500, total: 3 });
    expect(body.units.items.map((i: { unitCode: string }) => i.unitCode).sort()).toEqual(['PGD-KC', 'PGD-KD', 'PGD-VG']);
    expect(body.units.items.every((i: { hasChildren: boolean }) => i.hasChildren)).toBe(true);
    const th = body.levels.find((l: { kind: string }) => l.kind === 'truong_th');
    const expected = await sut.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.round_id = $1 AND o.kind = 'truong_th'`,
      [roundId],
    );
    expect(th.total).toBe(expected[0]!.n);
    expect(Object.keys(body.stateLabels).length).toBeGreaterThan(0);
  });

  it('drills down to a Phòng: the schools by name with their state label, days late and breadcrumbs', async () => {
    const kc = await unit('PGD-KC');
    const body = await checkLevel('hy.so.reviewer', kc);
    expect(body.breadcrumbs.map((b: { unitId: string }) => b.unitId)).toEqual([await unit('SO-HY'), kc]);
    expect(body.units.total).toBe(10);
    expect(body.units.items[0]).toMatchObject({ unitName: expect.any(String), state: expect.any(String), stateLabel: expect.any(String), daysLate: 0, hasChildren: false });
    expect(body.units.items[0].subtree.total).toBe(1);
  });

  it('counts handed-in units by their tags and late units from the deadline, also after concurrent writers and a fold', async () => {
    const kc = await unit('PGD-KC');
    // Half the schools hand in (a state tagged submitted), the deadline of the rest passes.
    await sut.sql(
      `UPDATE submission s SET state = 'submitted', state_tags = '{submitted}', locked = true
         FROM org_unit o WHERE o.id = s.unit_id AND s.round_id = $1 AND o.code IN ('KC-TH-TAN-DAN', 'KC-MN-TAN-DAN', 'VG-TH-XUAN-QUAN')`,
      [roundId],
    );
    await sut.sql(`UPDATE submission SET deadline = now() - interval '3 days' WHERE round_id = $1 AND parent_unit_id = $2`, [roundId, kc]);
    const body = await checkLevel('hy.so.reviewer', kc);
    const late = body.units.items.filter((i: { late: boolean }) => i.late);
    expect(late).toHaveLength(8);
    expect(late.every((i: { daysLate: number }) => i.daysLate === 3)).toBe(true);
    expect(body.totals.done).toBe(2);

    // 12 writers move states back and forth at once; the fold runs in the middle of it.
    const pool = new pg.Pool({ connectionString: sut.databaseUrl, max: 12 });
    const ids = (await sut.sql<{ id: string }>(`SELECT id FROM submission WHERE round_id = $1 AND parent_unit_id IS NOT NULL`, [roundId])).map((r) => r.id);
    await Promise.all([
      ...Array.from({ length: 12 }, async (_, w) => {
        for (let k = 0; k < 15; k++) {
          const id = ids[(w * 7 + k * 3) % ids.length]!;
          const to = (w + k) % 2 ? ['submitted', '{submitted}'] : ['draft', '{editing}'];
          await pool.query(`UPDATE submission SET state = $2, state_tags = $3::text[] WHERE id = $1`, [id, to[0], to[1]]);
        }
      }),
      pool.query(`SELECT round_tally_fold($1)`, [roundId]),
    ]);
    await pool.end();
    await checkLevel('hy.so.reviewer', await unit('SO-HY'));
    await checkLevel('hy.so.reviewer', kc);
    await sut.sql(`SELECT round_tally_fold($1)`, [roundId]);
    await checkLevel('hy.so.reviewer', await unit('SO-HY'));

    // A transition that fails after its UPDATE (the transaction rolls back) leaves no trace in the counters.
    const c = new pg.Client({ connectionString: sut.databaseUrl });
    await c.connect();
    await c.query('BEGIN');
    await c.query(`UPDATE submission SET state = 'accepted', state_tags = '{done}', final = true WHERE round_id = $1 AND parent_unit_id = $2`, [roundId, kc]);
    await c.query('ROLLBACK');
    await c.end();
    await checkLevel('hy.so.reviewer', kc);
  });

  it('follows a unit moved to another Phòng (the tallies are rebuilt)', async () => {
    // The same statement OrgRepository.move runs: every path below the unit rewritten at once.
    await sut.sql(
      `WITH src AS (SELECT path FROM org_unit WHERE code = 'KC-TH-HAM-TU'), dst AS (SELECT path FROM org_unit WHERE code = 'PGD-VG')
       UPDATE org_unit o SET path = (SELECT path FROM dst) || subpath(o.path, nlevel((SELECT path FROM src)) - 1),
              parent_id = CASE WHEN o.code = 'KC-TH-HAM-TU' THEN (SELECT id FROM org_unit WHERE code = 'PGD-VG') ELSE o.parent_id END
        WHERE o.path <@ (SELECT path FROM src)`,
    );
    await checkLevel('hy.so.reviewer', await unit('PGD-VG'));
    await checkLevel('hy.so.reviewer', await unit('SO-HY'));
  });

  it("keeps a reviewer inside their own subtree: the Phòng's reviewer starts at the Phòng, the Sở is 404", async () => {
    const res = await get('kc.reviewer');
    expect(res.body.node.unitCode).toBe('PGD-KC');
    expect(res.body.breadcrumbs).toHaveLength(1);
    const up = await sut.http.get(`/api/rounds/${roundId}/progress?parentId=${await unit('SO-HY')}`).set(await as('kc.reviewer'));
    expect(up.status).toBe(404);
    expect(up.body.message).toMatch(/Không tìm thấy/);
  });

  it('pages, sorts and searches without accents, and every answer stays small', async () => {
    const kc = await unit('PGD-KC');
    const page = await get('kc.reviewer', `?parentId=${kc}&pageSize=4&page=2&sort=-name`);
    expect(page.body.units).toMatchObject({ page: 2, pageSize: 4, total: expect.any(Number) });
    expect(page.body.units.items).toHaveLength(4);
    const names = page.body.units.items.map((i: { unitName: string }) => i.unitName);
    expect(names).toEqual([...names].sort().reverse());
    const found = await get('kc.reviewer', `?q=${encodeURIComponent('tan dan')}`);
    expect(found.body.units.items.map((i: { unitName: string }) => i.unitName).sort()).toEqual([
      'Trường Mầm non Tân Dân',
      'Trường THCS Tân Dân',
      'Trường Tiểu học Tân Dân',
    ]);
    const lateOnly = await get('kc.reviewer', `?late=true`);
    expect(lateOnly.body.units.items.every((i: { late: boolean }) => i.late)).toBe(true);
    for (const r of [page, found, lateOnly]) expect(JSON.stringify(r.body).length).toBeLessThan(100_000);
    const bad = await sut.http.get(`/api/rounds/${roundId}/progress?pageSize=501`).set(await as('kc.reviewer'));
    expect(bad.status).toBe(422);
  });
});
