/** Schema nhỏ dùng trong các bài kiểm thử (không xuất ra ngoài gói). */
import type { JsonSchema } from '../src/types.js';

export const staffSchema: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  title: 'Báo cáo thử',
  additionalProperties: false,
  required: ['I'],
  properties: {
    I: {
      type: 'object',
      title: 'I. Tình hình chung',
      additionalProperties: false,
      required: ['tongSo', 'soNu', 'hotline'],
      properties: {
        tongSo: { type: 'integer', title: 'Tổng số CB-GV-NV', minimum: 0, maximum: 10000, 'x-unit': 'người', 'x-aggregate': 'sum' },
        soNu: { type: 'integer', title: 'Trong đó nữ', minimum: 0, 'x-aggregate': 'sum' },
        tyLeNu: {
          type: ['number', 'null'],
          title: 'Tỷ lệ nữ',
          'x-unit': '%',
          'x-computed': 'soNu / tongSo * 100',
          'x-aggregate': { ratio: { numerator: '/I/soNu', denominator: '/I/tongSo', scale: 100 } },
        },
        hotline: { type: 'boolean', title: 'Niêm yết đường dây nóng', 'x-aggregate': 'countTrue' },
        ketQua: { type: 'string', title: 'Kết quả nổi bật', maxLength: 2000, 'x-aggregate': 'concat' },
        ngay: { type: 'string', format: 'date', title: 'Ngày thành lập Ban', 'x-aggregate': 'min' },
        soVu: { type: 'integer', title: 'Số vụ việc', minimum: 0, 'x-aggregate': 'max' },
        ghiChu: { type: 'string', title: 'Ghi chú', 'x-aggregate': 'count' },
      },
    },
    hoatDong: {
      type: 'array',
      title: 'Hoạt động',
      maxItems: 5,
      'x-aggregate': { groupBy: 'hinhThuc' },
      items: {
        type: 'object',
        title: 'Hoạt động',
        additionalProperties: false,
        required: ['hinhThuc'],
        properties: {
          hinhThuc: { type: 'string', title: 'Hình thức', enum: ['Hội thi', 'Tuyên truyền'], 'x-aggregate': 'none' },
          soNguoi: { type: 'integer', title: 'Số người tham gia', minimum: 0, 'x-aggregate': 'sum' },
          soNu: { type: 'integer', title: 'Trong đó nữ', minimum: 0, 'x-aggregate': 'sum' },
          tyLe: {
            type: ['number', 'null'],
            title: 'Tỷ lệ nữ tham gia',
            'x-computed': 'soNu / soNguoi * 100',
            'x-aggregate': { ratio: { numerator: '/soNu', denominator: '/soNguoi', scale: 100 } },
          },
        },
      },
    },
    vanBan: {
      type: 'object',
      title: 'Thông tin văn bản',
      additionalProperties: false,
      properties: { so: { type: 'string', title: 'Số văn bản', 'x-aggregate': 'none' } },
    },
  },
};

/** Phần bao quanh schema để chạy lint trên một schema thử. */
export const minimalDoc = {
  code: 'thu',
  version: 1,
  title: 'Thử',
  periodKind: 'nam',
  uiSchema: {},
  document: {
    parentBody: '',
    issuingBody: '{unitName}',
    documentType: 'BÁO CÁO',
    symbol: 'BC',
    subject: 'Thử',
    recipients: [],
    signerTitle: 'HIỆU TRƯỞNG',
    placeName: 'Hà Nội',
    bindings: { number: '/a', date: '/a', signerName: '/a' },
  },
};
