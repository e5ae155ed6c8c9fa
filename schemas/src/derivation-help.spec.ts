import { describe, expect, it } from 'vitest';
import { computedHelp, derivationHelps, expressionPhrase, rollUpHelp } from './derivation-help.js';
import type { JsonSchema } from './types.js';

const schema: JsonSchema = {
  type: 'object',
  properties: {
    I: {
      type: 'object',
      title: 'Mục I',
      properties: {
        tongSo: { type: 'integer', title: 'Tổng số' },
        soNu: { type: 'integer', title: 'Số nữ' },
        tyLeNu: {
          type: 'number',
          title: 'Tỷ lệ nữ',
          'x-unit': '%',
          'x-computed': 'round(soNu / tongSo * 100, 1)',
          'x-aggregate': { ratio: { numerator: '/I/soNu', denominator: '/I/tongSo', scale: 100 } },
        },
        ghiChu: { type: 'string', title: 'Ghi chú', 'x-aggregate': 'concat' },
      },
    },
    II: {
      type: 'object',
      title: 'Mục II',
      properties: {
        conLai: { type: 'integer', title: 'Còn lại', 'x-computed': '$root.I.tongSo - $root.I.soNu' },
        dat: { type: 'boolean', title: 'Đạt chuẩn', 'x-aggregate': 'countTrue' },
        tuNhap: { type: 'integer', title: 'Tự nhập' },
      },
    },
    lop: {
      type: 'array',
      title: 'Các lớp',
      'x-aggregate': { groupBy: 'khoi' },
      items: {
        type: 'object',
        properties: {
          khoi: { type: 'string', title: 'Khối', 'x-aggregate': 'first' },
          hs: { type: 'integer', title: 'Học sinh', 'x-aggregate': 'sum' },
          nu: { type: 'integer', title: 'Nữ', 'x-aggregate': 'sum' },
          tl: { type: 'number', title: 'Tỷ lệ', 'x-computed': 'if hs > 0 then nu / hs * 100 else -1' },
        },
      },
    },
  },
};

describe('expressionPhrase', () => {
  const names: Record<string, string> = { a: 'Số nữ', b: 'Tổng số' };
  const titleOf = (r: { name: string }) => names[r.name] ?? r.name;
  it.each([
    ['a / b * 100', 'Số nữ / Tổng số × 100'],
    ['round(a / b * 100, 1)', 'làm tròn (Số nữ / Tổng số × 100; 1)'],
    ['-a + 0.5', '-Số nữ + 0,5'],
    ['a >= b and not (b == 0)', 'Số nữ ≥ Tổng số và không (Tổng số = 0)'],
    ['if a > 0 then "có" else "không"', 'nếu Số nữ > 0 thì “có” ngược lại “không”'],
    ['a mod 2', 'Số nữ chia lấy dư 2'],
  ])('%s → %s', (src, out) => {
    expect(expressionPhrase(src, titleOf)).toBe(out);
  });
  it('an expression that does not parse has no phrase', () => {
    expect(expressionPhrase("'a' + 1", titleOf)).toBeNull();
    expect(expressionPhrase('(a + b', titleOf)).toBeNull();
  });
});

describe('computedHelp', () => {
  it('names sibling fields by their titles', () => {
    expect(computedHelp(schema, ['I', 'tyLeNu'])).toBe('Tự tính: làm tròn (Số nữ / Tổng số × 100; 1)');
  });
  it('names a field from the root with its section', () => {
    expect(computedHelp(schema, ['II', 'conLai'])).toBe('Tự tính: Mục I › Tổng số - Mục I › Số nữ');
  });
  it('reads a table column in its row', () => {
    expect(computedHelp(schema, ['lop', '*', 'tl'])).toBe('Tự tính: nếu Học sinh > 0 thì Nữ / Học sinh × 100 ngược lại -1');
  });
  it('is null for a field that is entered', () => {
    expect(computedHelp(schema, ['I', 'soNu'])).toBeNull();
  });
});

describe('rollUpHelp', () => {
  it.each([
    [['I', 'tyLeNu'], 'Tổng hợp: tổng Số nữ / tổng Tổng số × 100 của các đơn vị cấp dưới'],
    [['I', 'ghiChu'], 'Tổng hợp: ghép nội dung của các đơn vị cấp dưới, mỗi đơn vị một đoạn'],
    [['II', 'dat'], 'Tổng hợp: đếm số đơn vị cấp dưới chọn “Có”'],
    [['II', 'conLai'], 'Tự tính lại trên số liệu tổng hợp: Mục I › Tổng số - Mục I › Số nữ'],
    [['lop'], 'Tổng hợp: gộp các dòng cùng Khối của các đơn vị cấp dưới'],
    [['lop', '*', 'hs'], 'Tổng hợp: cộng số liệu của các đơn vị cấp dưới'],
    [['II', 'tuNhap'], null],
  ])('%j → %s', (segs, out) => {
    expect(rollUpHelp(schema, segs)).toBe(out);
  });
});

describe('derivationHelps', () => {
  it('lists the computed fields of a unit report', () => {
    expect([...derivationHelps(schema, 'fill').keys()]).toEqual(['/I/tyLeNu', '/II/conLai', '/lop/*/tl']);
  });
  it('lists rolled-up and re-computed fields of a consolidated report', () => {
    const helps = derivationHelps(schema, 'compile');
    expect(helps.get('/lop/*/nu')).toBe('Tổng hợp: cộng số liệu của các đơn vị cấp dưới');
    expect(helps.has('/II/tuNhap')).toBe(false);
    expect(helps.has('/I/soNu')).toBe(false);
  });
});
