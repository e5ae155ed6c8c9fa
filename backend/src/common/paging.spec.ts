import { describe, expect, it } from 'vitest';
import { foldForSearch, likePattern, orderBy, pageArray, paging } from './paging.js';

describe('foldForSearch', () => {
  it.each([
    ['Trường Tiểu học Đại Hưng', 'truong tieu hoc dai hung'],
    ['ĐẠI HƯNG', 'dai hung'],
    ['  Ân   Thi ', 'an thi'],
    ['Phú\u0000Thọ', 'phu tho'],
  ])('folds %j to %j', (input, folded) => expect(foldForSearch(input)).toBe(folded));

  it('escapes LIKE wildcards', () => expect(likePattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%'));
});

describe('paging', () => {
  it('defaults to the first page of 50 and refuses an unknown sort column in Vietnamese', () => {
    expect(paging({}, ['name'])).toMatchObject({ page: 1, pageSize: 50, offset: 0 });
    expect(paging({ page: 3, pageSize: 20, sort: '-name' }, ['name'])).toMatchObject({ offset: 40, sort: { key: 'name', desc: true } });
    expect(() => paging({ sort: 'password' }, ['name'])).toThrow(/Không sắp xếp được theo "password"/);
  });

  it('orders by the whitelisted SQL with a stable tiebreak', () => {
    const p = paging({ sort: '-name' }, ['name']);
    expect(orderBy(p, { name: 'o.name' }, 'o.code', 'o.id')).toBe('o.name DESC NULLS LAST, o.id');
    expect(orderBy(paging({}, ['name']), { name: 'o.name' }, 'o.code', 'o.id')).toBe('o.code, o.id');
  });

  it('pages a list in memory, searching without accents', () => {
    const rows = ['Đại Hưng', 'Đông Tiến', 'Tân Dân', 'Đức Hợp'].map((name, i) => ({ i, name }));
    const p = paging({ q: 'd', pageSize: 2, page: 2, sort: 'name' }, ['name']);
    const page = pageArray(rows, p, { text: (r) => r.name, sortBy: { name: (r) => r.name } });
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(pageArray(rows, paging({ q: 'duc hop' }, []), { text: (r) => r.name, sortBy: {} }).items).toEqual([{ i: 3, name: 'Đức Hợp' }]);
  });
});
