import { describe, expect, it } from 'vitest';
import { defaultCutOff, nextPeriod, parsePeriod, periodCode, periodLabel, previousPeriod } from './period.js';

describe('periods', () => {
  it.each([
    ['2026-H1', '6 tháng đầu năm 2026', '2025-12-15', '2026-06-14'],
    ['2026-H2', '6 tháng cuối năm 2026', '2026-06-15', '2026-12-14'],
    ['2026', 'Năm 2026', '2025-12-15', '2026-12-14'],
    ['2026-Q1', 'Quý I năm 2026', '2025-12-15', '2026-03-14'],
    ['2021-2030', 'Giai đoạn 2021–2030', '2020-12-15', '2030-12-14'],
  ])('%s reads "%s" with the Nghị định 09 cut-off %s → %s', (code, label, from, to) => {
    const p = parsePeriod(code)!;
    expect(periodCode(p)).toBe(code);
    expect(periodLabel(p)).toBe(label);
    expect(defaultCutOff(p)).toEqual({ from, to });
  });

  it('knows the period before and after', () => {
    expect(periodCode(previousPeriod(parsePeriod('2026-H1')!)!)).toBe('2025-H2');
    expect(periodCode(nextPeriod(parsePeriod('2026-H2')!)!)).toBe('2027-H1');
    expect(periodCode(previousPeriod(parsePeriod('2021-2030')!)!)).toBe('2011-2020');
    expect(nextPeriod(parsePeriod('2026-DX-lu-lut')!)).toBeNull();
  });

  it.each(['2026-H3', '2030-2021', '26', 'năm 2026', '2026-Q5'])('refuses %s', (code) => {
    expect(parsePeriod(code)).toBeNull();
  });
});
