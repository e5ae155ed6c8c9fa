import { describe, expect, it } from 'vitest';
import { formatNumberVi, formatPercentVi, withUnitVi } from './number-vi.js';

describe('formatNumberVi', () => {
  it.each([
    [1234567.5, 2, '1.234.567,5'],
    [0, 2, '0'],
    [-1234.567, 2, '-1.234,57'],
    [-0.001, 2, '0'],
    [84.4444, 2, '84,44'],
    [1e21, 0, '1.000.000.000.000.000.000.000'],
  ])('%s with %s decimals → %s', (n, d, out) => {
    expect(formatNumberVi(n, d)).toBe(out);
  });
  it('an absent number is the empty mark', () => {
    expect(formatNumberVi(Number.NaN)).toBe('—');
    expect(formatNumberVi(Infinity, 2, '…')).toBe('…');
  });
});

describe('formatPercentVi', () => {
  it('puts a space before the sign and a comma as the decimal mark', () => {
    expect(formatPercentVi(45.66)).toBe('45,7 %');
    expect(formatPercentVi(84.444, 2)).toBe('84,44 %');
    expect(formatPercentVi(100)).toBe('100 %');
    expect(formatPercentVi(null)).toBe('—');
  });
});

describe('withUnitVi', () => {
  it('always with a space, percent included', () => {
    expect(withUnitVi('62,5', '%')).toBe('62,5 %');
    expect(withUnitVi('45', 'người')).toBe('45 người');
    expect(withUnitVi('45', ' ')).toBe('45');
    expect(withUnitVi('45', undefined)).toBe('45');
  });
});
