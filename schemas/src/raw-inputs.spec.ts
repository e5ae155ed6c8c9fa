import { describe, expect, it } from 'vitest';
import { mergeRawInputs, rawInputProblems, rawInputsMessage, splitRawInputs } from './raw-inputs.js';
import type { JsonSchema } from './types.js';

const schema: JsonSchema = {
  type: 'object',
  properties: {
    I: {
      type: 'object',
      title: 'I. Đội ngũ',
      properties: {
        tongSo: { type: 'integer', title: 'Tổng số' },
        ghiChu: { type: 'string', title: 'Ghi chú' },
        rows: { type: 'array', title: 'Bảng', items: { type: 'object', properties: { n: { type: 'number', title: 'Số' } } } },
      },
    },
  },
};

describe('raw inputs', () => {
  it('takes text out of number fields only, and puts it back where no value is', () => {
    const data = { I: { tongSo: 'bốn mươi', ghiChu: 'chữ', rows: [{ n: 3 }, { n: '4a' }] } };
    const { data: clean, rawInputs } = splitRawInputs(schema, data);
    expect(rawInputs).toEqual({ '/I/tongSo': 'bốn mươi', '/I/rows/1/n': '4a' });
    expect(clean).toEqual({ I: { ghiChu: 'chữ', rows: [{ n: 3 }, {}] } });
    expect(data.I.tongSo).toBe('bốn mươi');
    expect(mergeRawInputs(clean, rawInputs)).toEqual(data);
    expect(mergeRawInputs({ I: { tongSo: 40 } }, { '/I/tongSo': 'x' })).toEqual({ I: { tongSo: 40 } });
  });

  it('refuses pointers that are not number fields and names the fields by title', () => {
    expect(rawInputProblems(schema, { '/I/tongSo': 'x' })).toEqual([]);
    expect(rawInputProblems(schema, { '/I/ghiChu': 'x' })[0]!.message).toContain('/I/ghiChu');
    expect(rawInputProblems(schema, { '/I/tongSo': 'x'.repeat(600) })[0]!.title).toContain('Tổng số');
    expect(rawInputsMessage(schema, { '/I/tongSo': 'x' }).message).toContain('Tổng số');
  });
});
