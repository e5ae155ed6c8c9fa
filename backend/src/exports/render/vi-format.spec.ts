import { describe, expect, it } from 'vitest';
import { dateInWords, formatDateString, formatNumber, upper } from './vi-format.js';

describe(dateInWords.name, () => {
  it.each([
    // Nghị định 30/2020: days below 10 and the months 1 and 2 take a leading zero.
    ['Khoái Châu', '2020-05-12T03:00:00Z', 'Khoái Châu, ngày 12 tháng 5 năm 2020'],
    ['An Giang', '2021-02-25T03:00:00Z', 'An Giang, ngày 25 tháng 02 năm 2021'],
    ['Gia Lai', '2020-01-05T03:00:00Z', 'Gia Lai, ngày 05 tháng 01 năm 2020'],
    ['Ba Đình', '2023-12-31T03:00:00Z', 'Ba Đình, ngày 31 tháng 12 năm 2023'],
    // 20:00 UTC on 11 May is already 12 May in Vietnam (UTC+7), whatever the server's zone.
    ['Hòa Bình', '2024-05-11T20:00:00Z', 'Hòa Bình, ngày 12 tháng 5 năm 2024'],
    ['  ', '2024-05-11T03:00:00Z', '……, ngày 11 tháng 5 năm 2024'],
  ])('%s %s → %s', (place, iso, expected) => {
    expect(dateInWords(place, new Date(iso))).toBe(expected);
  });
});

describe(formatNumber.name, () => {
  it.each([
    [0, '0'],
    [45, '45'],
    [1245, '1.245'],
    [1234567.5, '1.234.567,5'],
    [66.98795180722891, '66,99'],
    [-12500.25, '-12.500,25'],
    [-0.001, '0'],
    [Number.NaN, '…'],
  ])('%s → %s', (n, expected) => {
    expect(formatNumber(n)).toBe(expected);
  });
});

describe(formatDateString.name, () => {
  it('formats a date as dd/mm/yyyy and a date-time in Vietnam time', () => {
    expect(formatDateString('2020-05-08')).toBe('08/05/2020');
    expect(formatDateString('2020-05-08T18:30:00Z', true)).toBe('09/05/2020 01:30');
    expect(formatDateString('không phải ngày')).toBe('không phải ngày');
  });
});

describe(upper.name, () => {
  it('uppercases Vietnamese letters', () => {
    expect(upper('Phòng GD&ĐT Khoái Châu')).toBe('PHÒNG GD&ĐT KHOÁI CHÂU');
    expect(upper('trường thcs đông tảo')).toBe('TRƯỜNG THCS ĐÔNG TẢO');
  });
});
