import { describe, expect, it } from 'vitest';
import { changedPaths, diffData } from './data-diff';
import { errorsToErrorSchema, getAtPointer, pointerToId, toPointer } from './json-pointer';

describe('diffData', () => {
  const sut = diffData;

  it('lists each changed leaf with its pointer and title', () => {
    const before = { I: { tongSo: 10, soNu: 4, ghiChu: 'a' } };
    const after = { I: { tongSo: 12, soNu: 4, ghiChu: 'b' } };
    const titles: Record<string, string> = { '/I/tongSo': 'Tổng số', '/I/ghiChu': 'Ghi chú' };
    expect(sut(before, after, (p) => titles[p] ?? p)).toEqual([
      { path: '/I/tongSo', title: 'Tổng số', before: 10, after: 12 },
      { path: '/I/ghiChu', title: 'Ghi chú', before: 'a', after: 'b' },
    ]);
  });

  it('treats missing, null and empty string as the same', () => {
    expect(sut({ a: { x: null } }, { a: { x: '' } })).toEqual([]);
    expect(sut({}, { a: { x: undefined } })).toEqual([]);
  });

  it('walks rows of tables and reports added and removed rows', () => {
    const before = { rows: [{ ten: 'A', so: 1 }] };
    const after = { rows: [{ ten: 'A', so: 2 }, { ten: 'B', so: 3 }] };
    expect(sut(before, after).map((c) => c.path)).toEqual(['/rows/0/so', '/rows/1/ten', '/rows/1/so']);
  });

  it('compares arrays of scalars as one value', () => {
    expect(sut({ tags: ['a'] }, { tags: ['a', 'b'] })).toEqual([
      { path: '/tags', title: '/tags', before: ['a'], after: ['a', 'b'] },
    ]);
  });

  it('changedPaths gives a lookup set', () => {
    expect(changedPaths(sut({ a: 1 }, { a: 2 })).has('/a')).toBe(true);
  });
});

describe('json-pointer', () => {
  it('reads values and refuses prototype keys', () => {
    expect(getAtPointer({ I: { rows: [{ x: 5 }] } }, '/I/rows/0/x')).toBe(5);
    expect(getAtPointer({}, '/__proto__/polluted')).toBeUndefined();
  });

  it('builds RJSF ids and pointers', () => {
    expect(pointerToId('/I/tongSo')).toBe('root_I_tongSo');
    expect(toPointer(['II', 'rows', 0, 'a/b'])).toBe('/II/rows/0/a~1b');
  });

  it('turns field errors into an ErrorSchema', () => {
    expect(
      errorsToErrorSchema([
        { path: '/I/tongSo', message: 'Tổng số phải là số nguyên' },
        { path: '/I/tongSo', message: 'Tổng số phải là số nguyên' },
        { path: '/II/rows/1/ten', message: 'Thiếu tên' },
      ]),
    ).toEqual({
      I: { tongSo: { __errors: ['Tổng số phải là số nguyên'] } },
      II: { rows: { 1: { ten: { __errors: ['Thiếu tên'] } } } },
    });
  });
});
