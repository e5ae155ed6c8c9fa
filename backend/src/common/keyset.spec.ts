import { describe, expect, it } from 'vitest';
import { cappedCount, decodeCursor, encodeCursor, keyedPageOf, keyset, keysetPage } from './keyset.js';
import { paging } from './paging.js';

const COLUMNS = { code: 'o.code', deadline: { sql: 's.deadline', nullable: true } };

describe('keyset', () => {
  it('orders by the key then the tiebreak in one direction, without a cursor from the offset', () => {
    const params: unknown[] = [];
    const sut = keyset(paging({ page: 3, pageSize: 10 }, ['code']), COLUMNS, 'code', 's.id', params);
    expect(sut).toMatchObject({ order: 'o.code ASC, s.id ASC', after: null, offset: 20, key: 'code', desc: false });
    expect(params).toEqual([]);
    expect(keyset(paging({ sort: '-deadline' }, ['deadline']), COLUMNS, 'code', 's.id', []).order).toBe('s.deadline DESC, s.id DESC');
  });

  it('starts after the cursor, bounded by the key first so that an index serves it', () => {
    const params: unknown[] = ['path'];
    const after = encodeCursor({ key: 'code', desc: false, value: 'KC-01', id: 'abc' });
    const sut = keyset(paging({ after, page: 7 }, ['code']), COLUMNS, 'code', 's.id', params);
    expect(sut.after).toBe('(o.code >= $2 AND (o.code > $2 OR s.id > $3))');
    expect(sut.offset).toBe(0);
    expect(params).toEqual(['path', 'KC-01', 'abc']);
  });

  it.each([
    [false, 'x', '((s.deadline >= $1 AND (s.deadline > $1 OR s.id > $2)) OR s.deadline IS NULL)'],
    [true, 'x', '(s.deadline <= $1 AND (s.deadline < $1 OR s.id < $2))'],
    [false, null, '((s.deadline IS NULL AND s.id > $2))'],
    [true, null, '((s.deadline IS NULL AND s.id < $2) OR s.deadline IS NOT NULL)'],
  ])('treats NULL as the largest value (descending %s, cursor value %s)', (desc, value, expected) => {
    const after = encodeCursor({ key: 'deadline', desc, value, id: 'i' });
    const sut = keyset(paging({ after, sort: desc ? '-deadline' : 'deadline' }, ['deadline']), COLUMNS, 'code', 's.id', []);
    expect(sut.after).toBe(expected);
  });

  it('refuses a cursor that is not one, or that was made for another order, with a Vietnamese 422', () => {
    for (const after of ['bm90IGpzb24', Buffer.from('[1,2]').toString('base64url'), encodeCursor({ key: 'code', desc: true, value: 'a', id: 'b' })]) {
      expect(() => keyset(paging({ after }, ['code']), COLUMNS, 'code', 's.id', []), after).toThrow(/Con trỏ trang tiếp theo/);
    }
  });

  it('round-trips a cursor and names the next one only when the page is full', () => {
    const c = { key: 'deadline', desc: true, value: null, id: '42' };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    const ks = keyset(paging({ pageSize: 2 }, []), COLUMNS, 'code', 's.id', []);
    const full = keysetPage([{ a: 1, __key: 'k1', __id: '1' }, { a: 2, __key: 'k2', __id: '2' }], ks, paging({ pageSize: 2 }, []));
    expect(full.items).toEqual([{ a: 1 }, { a: 2 }]);
    expect(decodeCursor(full.nextCursor!)).toEqual({ key: 'code', desc: false, value: 'k2', id: '2' });
    expect(keysetPage([{ a: 1, __key: 'k1', __id: '1' }], ks, paging({ pageSize: 2 }, [])).nextCursor).toBeNull();
  });
});

describe('cappedCount', () => {
  it('counts exactly up to the limit, else answers the planner estimate labelled approximate', async () => {
    const exact = await cappedCount(async () => [{ n: 120 }], 't WHERE x', []);
    expect(exact).toEqual({ total: 120, approx: false });
    const queries: string[] = [];
    const approx = await cappedCount(async (sql) => {
      queries.push(sql);
      return sql.startsWith('EXPLAIN') ? [{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': 108_917 } }] }] : [{ n: 10_001 }];
    }, 't WHERE x', []);
    expect(approx).toEqual({ total: 108_917, approx: true });
    expect(queries[0]).toContain('LIMIT 10001');
    const page = keyedPageOf({ items: [], nextCursor: null }, approx, paging({}, []));
    expect(page).toMatchObject({ total: 108_917, totalApprox: true, nextCursor: null, page: 1, pageSize: 50 });
  });
});
