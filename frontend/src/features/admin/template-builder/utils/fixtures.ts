/** A template using every field kind, for tests (shaped like the Khoái Châu school report). */
import type { JsonObject } from './field-model';

export const everyKindSchema: JsonObject = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'bdg-khoai-chau-truong',
  title: 'Báo cáo công tác BĐG năm học',
  type: 'object',
  required: ['I'],
  properties: {
    I: {
      type: 'object',
      title: 'I. Thống kê',
      required: ['tongSo', 'soNu'],
      properties: {
        tongSo: {
          type: 'integer',
          title: 'Tổng số CB, GV, NV',
          minimum: 0,
          'x-aggregate': 'sum',
          'x-unit': 'người',
        },
        soNu: {
          type: 'integer',
          title: 'Số nữ',
          minimum: 0,
          maximum: 10000,
          'x-aggregate': 'sum',
          'x-unit': 'người',
        },
        tiLeNu: {
          type: 'number',
          title: 'Tỉ lệ nữ',
          'x-computed': 'soNu / tongSo * 100',
          'x-aggregate': { ratio: { numerator: '/I/soNu', denominator: '/I/tongSo', scale: 100 } },
          'x-unit': '%',
          readOnly: true,
        },
        kinhPhi: { type: 'number', title: 'Kinh phí', description: 'triệu đồng', 'x-aggregate': 'max' },
      },
    },
    II: {
      type: 'object',
      title: 'II. Hoạt động',
      properties: {
        coBanVSTBPN: { type: 'boolean', title: 'Có Ban VSTBPN', 'x-aggregate': 'countTrue' },
        tenTruongBan: { type: 'string', title: 'Trưởng ban', maxLength: 200, minLength: 2 },
        ketQua: { type: 'string', title: 'Kết quả', 'x-aggregate': 'concat' },
        ngayThanhLap: { type: 'string', format: 'date', title: 'Ngày thành lập', 'x-aggregate': 'min' },
        mucDo: { type: 'string', title: 'Mức độ', enum: ['Tốt', 'Khá', 'Trung bình'] },
        xepLoai: {
          type: 'string',
          title: 'Xếp loại',
          oneOf: [
            { const: 'A', title: 'Hoàn thành xuất sắc' },
            { const: 'B', title: 'Hoàn thành' },
          ],
        },
        hoatDong: {
          type: 'array',
          title: 'Các hoạt động',
          minItems: 1,
          maxItems: 50,
          'x-aggregate': { groupBy: 'loai' },
          items: {
            type: 'object',
            required: ['loai'],
            additionalProperties: false,
            properties: {
              loai: { type: 'string', title: 'Loại', enum: ['Tuyên truyền', 'Tập huấn'] },
              soLuot: { type: 'integer', title: 'Số lượt', 'x-aggregate': 'sum' },
              ghiChu: { type: 'string', title: 'Ghi chú' },
            },
          },
        },
        minhChung: {
          type: 'array',
          title: 'Minh chứng',
          items: { type: 'string', format: 'uuid' },
          maxItems: 5,
          'x-aggregate': 'none',
        },
        khac: { type: ['number', 'null'], title: 'Trường lạ' },
        khongKieu: { title: 'Không có kiểu', const: 1 },
      },
    },
  },
};

export const everyKindUi: JsonObject = {
  'ui:order': ['I', 'II'],
  I: { tiLeNu: { 'ui:readonly': true } },
  II: {
    ketQua: { 'ui:widget': 'textarea', 'ui:options': { rows: 5 } },
    hoatDong: { items: { ghiChu: { 'ui:widget': 'textarea' } }, 'ui:options': { orderable: false } },
    minhChung: { 'ui:field': 'attachments' },
  },
};
