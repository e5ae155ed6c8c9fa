import { describe, expect, it } from 'vitest';
import { donePercent, numericIndicators, stateSegments, stateSummary } from './progress';

describe('progress utils', () => {
  it('computes the share handed in from the server counts, one decimal', () => {
    expect(donePercent({ total: 3, done: 2 })).toBe(66.7);
    expect(donePercent({ total: 0, done: 0 })).toBe(0);
  });

  it('labels the states of a subtree with the flow’s Vietnamese words', () => {
    const labels = { draft: 'Đang soạn', submitted: 'Đã gửi' };
    expect(stateSegments({ draft: 12, submitted: 3, x: 0 }, labels)).toEqual([
      { state: 'submitted', label: 'Đã gửi', count: 3 },
      { state: 'draft', label: 'Đang soạn', count: 12 },
    ]);
    expect(stateSummary({ draft: 1200, unknown: 1 }, labels, (n) => n.toLocaleString('vi-VN'))).toBe('1.200 Đang soạn · 1 unknown');
  });

  it('finds the numeric indicators of a schema, computed ratios first', () => {
    const schema = {
      type: 'object',
      properties: {
        I: {
          type: 'object',
          title: 'I',
          properties: {
            tongSo: { type: 'integer', title: 'Tổng số' },
            tyLe: { type: 'number', title: 'Tỷ lệ', 'x-computed': 'soNu / tongSo' },
            ghiChu: { type: 'string' },
          },
        },
      },
    };
    expect(numericIndicators(schema).map((i) => i.pointer)).toEqual(['/I/tyLe', '/I/tongSo']);
  });

  it('sees the fields the schema walker sees: $ref, allOf and conditional branches; not table columns', () => {
    const schema = {
      type: 'object',
      $defs: { so: { type: 'integer', title: 'Số' } },
      properties: {
        chung: { $ref: '#/$defs/so', title: 'Số chung' },
        bang: { type: 'array', items: { type: 'object', properties: { cot: { type: 'number' } } } },
        'a/b': { type: ['number', 'null'], title: 'Có gạch chéo', 'x-aggregate': { ratio: { numerator: '/x', denominator: '/y' } } },
      },
      allOf: [{ properties: { them: { type: 'number', title: 'Thêm' } } }],
      if: { properties: { chung: { const: 1 } } },
      then: { properties: { neu: { type: 'integer', title: 'Nếu' } } },
    };
    expect(numericIndicators(schema)).toEqual([
      { pointer: '/a~1b', title: 'Có gạch chéo', computed: true },
      { pointer: '/chung', title: 'Số chung', computed: false },
      { pointer: '/them', title: 'Thêm', computed: false },
      { pointer: '/neu', title: 'Nếu', computed: false },
    ]);
  });
});
