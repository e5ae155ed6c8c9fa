import { describe, expect, it } from 'vitest';
import { comparablePeriod, comparablePeriodNames, periodNames, readPeriod } from './compare.js';
import { periodCode } from './period.js';

describe('comparablePeriod', () => {
  it.each([
    ['2027-H1', '2026-H1'],
    ['2027-H2', '2026-H2'],
    ['2027', '2026'],
    ['2027-Q3', '2026-Q3'],
    ['2021-2030', '2011-2020'],
  ])('%s compares with %s, never with a period of another kind', (code, expected) => {
    const p = readPeriod(code)!;
    const c = comparablePeriod(p)!;
    expect(periodCode(c)).toBe(expected);
    expect(c.kind).toBe(p.kind);
  });

  it('an ad-hoc report compares with nothing', () => {
    expect(comparablePeriodNames('2027-DX-lu-lut')).toEqual([]);
  });

  it.each([
    ['6 tháng đầu năm 2027', '2027-H1'],
    ['6 Tháng cuối năm 2026', '2026-H2'],
    ['Năm 2026', '2026'],
    ['Quý II năm 2026', '2026-Q2'],
    ['Giai đoạn 2016–2020', '2016-2020'],
    ['2016 - 2020', '2016-2020'],
  ])('reads the words an admin typed before periods were typed: "%s"', (text, code) => {
    expect(periodCode(readPeriod(text)!)).toBe(code);
  });

  it('names a period every way a round may have stored it', () => {
    expect(comparablePeriodNames('2027-H1')).toEqual(['2026-H1', '6 tháng đầu năm 2026']);
    expect(comparablePeriodNames('Năm 2027')).toEqual(['2026', 'Năm 2026']);
    expect(periodNames(readPeriod('2016-2020')!)).toEqual(expect.arrayContaining(['2016-2020', 'Giai đoạn 2016–2020', '2016–2020']));
  });

  it('free text it cannot read gives null: the caller keeps its old rule', () => {
    expect(comparablePeriodNames('đợt thử nghiệm')).toBeNull();
  });
});
