import { describe, expect, it } from 'vitest';
import { staffSchema } from '../test/fixtures.js';
import { getValidator, type JsonSchema } from './index.js';

/** Mỗi từ khoá mà biểu mẫu dùng: một schema trường, một giá trị sai, câu tiếng Việt mong đợi. */
const wrap = (field: JsonSchema, required = false): JsonSchema => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  additionalProperties: false,
  properties: {
    muc: {
      type: 'object',
      title: 'I. Tình hình chung',
      additionalProperties: false,
      properties: { f: { title: 'Trường thử', ...field } },
      ...(required ? { required: ['f'] } : {}),
    },
  },
});

const cases: [string, JsonSchema, unknown, string][] = [
  ['type', { type: 'integer' }, 'abc', 'Trường "Trường thử" (I. Tình hình chung) phải là số nguyên.'],
  ['type', { type: ['number', 'null'] }, 'x', 'Trường "Trường thử" (I. Tình hình chung) phải là số hoặc để trống.'],
  ['type', { type: 'boolean' }, 1, 'Trường "Trường thử" (I. Tình hình chung) phải là có/không.'],
  ['minimum', { type: 'integer', minimum: 0, 'x-unit': 'người' }, -1, 'Trường "Trường thử" (I. Tình hình chung) phải lớn hơn hoặc bằng 0 người.'],
  ['maximum', { type: 'integer', maximum: 10000 }, 10001, 'Trường "Trường thử" (I. Tình hình chung) phải nhỏ hơn hoặc bằng 10.000.'],
  ['exclusiveMinimum', { type: 'number', exclusiveMinimum: 0 }, 0, 'Trường "Trường thử" (I. Tình hình chung) phải lớn hơn 0.'],
  ['exclusiveMaximum', { type: 'number', exclusiveMaximum: 100 }, 100, 'Trường "Trường thử" (I. Tình hình chung) phải nhỏ hơn 100.'],
  ['multipleOf', { type: 'number', multipleOf: 0.5 }, 0.3, 'Trường "Trường thử" (I. Tình hình chung) phải là bội số của 0,5.'],
  ['minLength', { type: 'string', minLength: 2 }, 'a', 'Trường "Trường thử" (I. Tình hình chung) phải có ít nhất 2 ký tự.'],
  ['maxLength', { type: 'string', maxLength: 3 }, 'abcd', 'Trường "Trường thử" (I. Tình hình chung) không được dài quá 3 ký tự.'],
  ['pattern', { type: 'string', pattern: '^[0-9]+$' }, '12a', 'Trường "Trường thử" (I. Tình hình chung) không đúng định dạng yêu cầu.'],
  ['format', { type: 'string', format: 'date' }, '2024-13-45', 'Trường "Trường thử" (I. Tình hình chung) phải là ngày hợp lệ (năm-tháng-ngày, ví dụ 2024-05-10).'],
  ['format', { type: 'string', format: 'email' }, 'khong-phai-email', 'Trường "Trường thử" (I. Tình hình chung) phải là địa chỉ thư điện tử hợp lệ.'],
  ['enum', { type: 'string', enum: ['Chủ trì', 'Phối hợp'] }, 'Khác', 'Trường "Trường thử" (I. Tình hình chung) phải là một trong các giá trị: "Chủ trì", "Phối hợp".'],
  ['const', { const: 'x' }, 'y', 'Trường "Trường thử" (I. Tình hình chung) phải bằng "x".'],
  ['maxItems', { type: 'array', maxItems: 1, items: { type: 'integer' } }, [1, 2], 'Bảng "Trường thử" (I. Tình hình chung) không được có quá 1 dòng.'],
  ['uniqueItems', { type: 'array', uniqueItems: true, items: { type: 'integer' } }, [1, 1], 'Bảng "Trường thử" (I. Tình hình chung) có dòng 1 và dòng 2 trùng nhau.'],
  ['additionalProperties', { type: 'object', additionalProperties: false, properties: {} }, { la: 1 }, 'Trường "la" (I. Tình hình chung › Trường thử) không có trong biểu mẫu (trường lạ bị từ chối).'],
  ['unevaluatedProperties', { type: 'object', unevaluatedProperties: false, properties: {} }, { la: 1 }, 'Trường "la" (I. Tình hình chung › Trường thử) không có trong biểu mẫu (trường lạ bị từ chối).'],
  ['maxProperties', { type: 'object', maxProperties: 0, properties: { a: { type: 'integer' } } }, { a: 1 }, 'Mục "Trường thử" (I. Tình hình chung) không được có quá 0 mục.'],
  ['anyOf', { anyOf: [{ type: 'integer' }, { type: 'boolean' }] }, 'x', 'Trường "Trường thử" (I. Tình hình chung) không khớp với bất kỳ lựa chọn nào cho phép.'],
  ['oneOf', { oneOf: [{ type: 'integer' }, { type: 'number' }] }, 1, 'Trường "Trường thử" (I. Tình hình chung) phải khớp đúng một lựa chọn cho phép.'],
  ['not', { not: { const: 0 } }, 0, 'Trường "Trường thử" (I. Tình hình chung) có giá trị không được phép.'],
];

describe('Tiếng Việt cho lỗi AJV', () => {
  it.each(cases)('%s', (keyword, field, value, message) => {
    const sut = getValidator(wrap(field));
    // a draft accepts data that has the shape of one or more choices: "exactly one" is for SUBMIT
    const errs = keyword === 'oneOf' ? sut.validateComplete({ muc: { f: value } }) : sut.validateDraft({ muc: { f: value } });
    expect(errs.find((e) => e.keyword === keyword)?.message).toBe(message);
  });

  it('required: chỉ ở chế độ hoàn chỉnh, nêu tên trường thiếu', () => {
    const sut = getValidator(wrap({ type: 'integer' }, true));
    expect(sut.validateDraft({ muc: {} })).toEqual([]);
    expect(sut.validateComplete({ muc: {} })).toEqual([
      { path: '/muc/f', title: 'Trường thử (I. Tình hình chung)', message: 'Trường "Trường thử" (I. Tình hình chung) chưa được nhập (bắt buộc).', keyword: 'required' },
    ]);
  });

  it('minItems và minContains: chỉ ở chế độ hoàn chỉnh', () => {
    const sut = getValidator(wrap({ type: 'array', minItems: 1, contains: { type: 'integer' }, minContains: 1, items: { type: 'integer' } }));
    expect(sut.validateDraft({ muc: { f: [] } }).map((e) => e.keyword)).toEqual(['contains']);
    const complete = sut.validateComplete({ muc: { f: [] } });
    expect(complete.find((e) => e.keyword === 'minItems')?.message).toBe('Bảng "Trường thử" (I. Tình hình chung) phải có ít nhất 1 dòng.');
  });

  it('lỗi trong dòng bảng nêu số dòng', () => {
    const sut = getValidator(staffSchema);
    const errs = sut.validateDraft({ hoatDong: [{ hinhThuc: 'Hội thi' }, { hinhThuc: 'Hội thi', soNguoi: -1 }] });
    expect(errs).toEqual([
      {
        path: '/hoatDong/1/soNguoi',
        title: 'Số người tham gia (Hoạt động › dòng 2)',
        message: 'Trường "Số người tham gia" (Hoạt động › dòng 2) phải lớn hơn hoặc bằng 0.',
        keyword: 'minimum',
      },
    ]);
  });

  it('nháp vẫn từ chối dữ liệu sai kiểu và trường lạ ở mọi cấp', () => {
    const sut = getValidator(staffSchema);
    const errs = sut.validateDraft({ I: { tongSo: '12', la: 1 }, khac: {} });
    expect(errs.map((e) => `${e.keyword} ${e.path}`).sort()).toEqual(['additionalProperties /I/la', 'additionalProperties /khac', 'type /I/tongSo']);
  });

  it('bộ kiểm tra được biên dịch một lần và nhớ đệm', () => {
    expect(getValidator(staffSchema)).toBe(getValidator(staffSchema));
    expect(getValidator(staffSchema, 'k@1')).toBe(getValidator({ ...staffSchema }, 'k@1'));
  });

  it('chuỗi 10 MB bị từ chối theo maxLength mà không treo', () => {
    const sut = getValidator(staffSchema);
    const t0 = Date.now();
    const errs = sut.validateDraft({ I: { ketQua: 'a'.repeat(10 * 1024 * 1024) } });
    expect(errs.map((e) => e.keyword)).toEqual(['maxLength']);
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});
