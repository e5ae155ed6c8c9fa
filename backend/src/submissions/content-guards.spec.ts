import type { FieldError } from '@bdg/schemas';
import { describe, expect, it } from 'vitest';
import { MAX_LISTED_PROBLEMS, summarise, toProblems } from './content-guards.js';

const errors = (n: number): FieldError[] =>
  Array.from({ length: n }, (_, i) => ({ path: `/bang/${i}/ma`, title: 'Mã', message: `Trường "Mã" (dòng ${i + 1}) không đúng định dạng yêu cầu.` }) as FieldError);

describe(toProblems.name, () => {
  it('lists a few errors as they are', () => {
    expect(toProblems(errors(3))).toEqual(errors(3).map(({ path, title, message }) => ({ path, title, message })));
  });

  it('lists the first 100 of 5,000 errors and counts the others in Vietnamese', () => {
    const out = toProblems(errors(5000));
    expect(out).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(out[99]!.path).toBe('/bang/99/ma');
    expect(out[100]).toEqual({ path: '', title: 'Biểu mẫu', message: '… và 4.900 lỗi khác.' });
  });

  it('counts from the total when the list came already cut (the validation worker sends 100 and the count)', () => {
    expect(toProblems(errors(100), 12_345).at(-1)!.message).toBe('… và 12.245 lỗi khác.');
    expect(summarise(errors(100), 12_345)).toMatch(/^Biểu mẫu có 12\.345 lỗi\. Trường "Mã" \(dòng 1\)/);
  });
});
