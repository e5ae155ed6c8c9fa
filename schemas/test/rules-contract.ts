/**
 * One table of x-rules cases, run by the Node suite (schemas/src/rules.spec.ts) and by the browser
 * bundle's suite (frontend/src/shared/schema-form/rules-contract.spec.ts): both tiers must agree.
 */
import type { JsonSchema } from '../src/types.js';

export const rulesSchema: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  title: 'Báo cáo thử quy tắc',
  'x-rules': [{ id: 'dat-le-giao', assert: 'chiTieu.ketQua <= chiTieu.keHoach * 3', message: 'Kết quả không nên vượt quá 3 lần kế hoạch.', severity: 'warning' }],
  properties: {
    I: {
      type: 'object',
      title: 'I. Tình hình chung',
      required: ['tongSo'],
      'x-rules': [
        { id: 'nu-le-tong', assert: 'soNu <= tongSo', message: 'Số nữ không được lớn hơn tổng số.', severity: 'error' },
        { id: 'ty-le-le-100', assert: 'tyLeNu <= 100', message: 'Tỷ lệ nữ không được vượt 100 %.', severity: 'error' },
      ],
      properties: {
        tongSo: { type: 'integer', title: 'Tổng số CB-GV-NV', minimum: 0, 'x-aggregate': 'sum' },
        soNu: { type: 'integer', title: 'Trong đó nữ', minimum: 0, 'x-aggregate': 'sum' },
        tyLeNu: {
          type: ['number', 'null'],
          title: 'Tỷ lệ nữ',
          'x-computed': 'soNu / tongSo * 100',
          'x-aggregate': { ratio: { numerator: '/I/soNu', denominator: '/I/tongSo', scale: 100 } },
        },
      },
    },
    chiTieu: {
      type: 'object',
      title: 'II. Chỉ tiêu',
      properties: {
        keHoach: { type: 'number', title: 'Kế hoạch', 'x-aggregate': 'sum' },
        ketQua: { type: 'number', title: 'Kết quả', 'x-aggregate': 'sum' },
      },
    },
    hoatDong: {
      type: 'array',
      title: 'Hoạt động',
      'x-aggregate': { groupBy: 'ten' },
      items: {
        type: 'object',
        title: 'Hoạt động',
        'x-rules': [{ id: 'nu-tham-gia', assert: 'soNu <= soNguoi', message: 'Số nữ tham gia không được lớn hơn số người tham gia.', severity: 'error' }],
        properties: {
          ten: { type: 'string', title: 'Tên hoạt động', 'x-aggregate': 'none' },
          soNguoi: { type: 'integer', title: 'Số người tham gia', 'x-aggregate': 'sum' },
          soNu: { type: 'integer', title: 'Trong đó nữ', 'x-aggregate': 'sum' },
        },
      },
    },
  },
};

export interface RuleCase {
  name: string;
  data: unknown;
  /** Expected findings as `severity ruleId path` */
  findings: string[];
}

export const ruleCases: RuleCase[] = [
  { name: 'số liệu hợp lý: không có phát hiện', data: { I: { tongSo: 45, soNu: 30 }, chiTieu: { keHoach: 2, ketQua: 2 } }, findings: [] },
  { name: 'nữ > tổng: lỗi tại trường đầu tiên được nêu', data: { I: { tongSo: 45, soNu: 50 } }, findings: ['error nu-le-tong /I/soNu', 'error ty-le-le-100 /I/tyLeNu'] },
  { name: 'trường còn trống: quy tắc được bỏ qua', data: { I: { soNu: 50 } }, findings: [] },
  { name: 'đạt 250 % kế hoạch vẫn dưới 3 lần: đạt', data: { chiTieu: { keHoach: 2, ketQua: 5 } }, findings: [] },
  { name: 'đạt quá 3 lần kế hoạch: cảnh báo', data: { chiTieu: { keHoach: 2, ketQua: 7 } }, findings: ['warning dat-le-giao /chiTieu/ketQua'] },
  {
    name: 'quy tắc của dòng áp cho từng dòng, đường dẫn chỉ đúng dòng',
    data: { hoatDong: [{ ten: 'A', soNguoi: 10, soNu: 3 }, { ten: 'B', soNguoi: 2, soNu: 5 }, { ten: 'C', soNguoi: 1 }] },
    findings: ['error nu-tham-gia /hoatDong/1/soNu'],
  },
];
