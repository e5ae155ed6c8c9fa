import { describe, expect, it } from 'vitest';
import { coveragePercent, coverageSentence, isComplete } from './index.js';

const missing = (n: number) => Array.from({ length: n }, (_, i) => ({ unitId: `u${i}`, unitName: `Trường ${i + 1}`, state: 'draft' }));

describe(coverageSentence.name, () => {
  it('nói rõ bao nhiêu đơn vị và đơn vị nào còn thiếu', () => {
    expect(coverageSentence({ included: 2, expected: 4, missing: missing(2) })).toBe('Báo cáo này tổng hợp 2/4 đơn vị; chưa có: Trường 1, Trường 2.');
    expect(coverageSentence({ included: 3, expected: 3, missing: [] })).toBe('Báo cáo này tổng hợp 3/3 đơn vị.');
    expect(coverageSentence({ included: 0, expected: 25, missing: missing(25) }, 2)).toMatch(/Trường 1, Trường 2 và 23 đơn vị khác\.$/);
  });
  it('tỷ lệ và đầy đủ', () => {
    expect(coveragePercent({ included: 1, expected: 3 })).toBe(33);
    expect(coveragePercent({ included: 0, expected: 0 })).toBe(100);
    expect(isComplete({ included: 2, expected: 10 })).toBe(false);
  });
});
