import { describe, expect, it } from 'vitest';
import {
  daysLeftLabel,
  formatDate,
  formatDateTime,
  formatFileSize,
  formatNumber,
  formatPercent,
  formatWithUnit,
  formatValue,
  parseVietnameseNumber,
  percentChange,
} from './format';

describe('format', () => {
  it.each([
    ['2025-06-10T03:00:00Z', '10/06/2025'],
    ['2024-12-31', '31/12/2024'],
    [null, '—'],
    ['không phải ngày', '—'],
  ])('formatDate(%s) = %s', (input, expected) => {
    expect(formatDate(input)).toBe(expected);
  });

  it('formatDateTime shows hours then dd/mm/yyyy', () => {
    expect(formatDateTime(new Date(2025, 4, 12, 14, 32))).toBe('14:32 12/05/2025');
  });

  it.each([
    [1234567, '1.234.567'],
    [1234.5, '1.234,5'],
    [0.125, '0,13'],
    [-42, '-42'],
    [null, '—'],
    ['chữ', 'chữ'],
  ])('formatNumber(%s) = %s', (input, expected) => {
    expect(formatNumber(input)).toBe(expected);
  });

  it('formatPercent', () => {
    expect(formatPercent(45.678)).toBe('45,7 %');
    expect(formatWithUnit(84.444, '%')).toBe('84,44 %');
    expect(formatWithUnit(null, '%')).toBe('—');
    expect(formatValue(45.66, '%')).toBe('45,66 %');
    expect(formatValue(1234, 'người')).toBe('1.234 người');
    expect(formatValue({ numerator: 38, denominator: 45 })).toBe('tử số: 38; mẫu số: 45');
    expect(formatValue([true, false])).toBe('Có, Không');
    expect(formatValue('')).toBe('(trống)');
    expect(formatPercent(null)).toBe('—');
  });

  it.each([
    ['1.234,5', 1234.5],
    ['12', 12],
    ['-3,25', -3.25],
    ['', null],
    ['abc', null],
    ['1.234.567', 1234567],
    ['1.5', 1.5],
    ['12.345', 12345],
    ['1,2,3', null],
  ])('parseVietnameseNumber(%s) = %s', (input, expected) => {
    expect(parseVietnameseNumber(input)).toBe(expected);
  });

  it('percentChange', () => {
    expect(percentChange(100, 150)).toBe(50);
    expect(percentChange(200, 100)).toBe(-50);
    expect(percentChange(0, 5)).toBeNull();
    expect(percentChange(0, 0)).toBe(0);
    expect(percentChange('a', 5)).toBeNull();
  });

  it('daysLeftLabel', () => {
    expect(daysLeftLabel(3)).toBe('Còn 3 ngày');
    expect(daysLeftLabel(0)).toBe('Hạn hôm nay');
    expect(daysLeftLabel(-2)).toBe('Trễ 2 ngày');
    expect(daysLeftLabel(null)).toBe('Không có hạn');
  });

  it('formatFileSize', () => {
    expect(formatFileSize(512)).toBe('512 B');
    expect(formatFileSize(1536)).toBe('1,5 KB');
    expect(formatFileSize(5 * 1024 * 1024)).toBe('5 MB');
  });
});
