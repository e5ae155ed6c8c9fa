import { describe, expect, it } from 'vitest';
import { staffSchema } from '../test/fixtures.js';
import { carryForward, diffTemplates, type JsonSchema } from './index.js';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
type Props = Record<string, JsonSchema>;

function nextYear(): JsonSchema {
  const s = clone(staffSchema);
  const I = s.properties!.I!.properties as Props;
  delete I.ghiChu; // removed
  I.soVu = { type: 'string', title: 'Số vụ việc', 'x-aggregate': 'concat' }; // retyped
  I.tongSo!.title = 'Tổng số cán bộ, giáo viên, nhân viên'; // retitled
  I.tongSo!.maximum = 50; // ràng buộc mới chặt hơn
  I.soDangVien = { type: 'integer', title: 'Số đảng viên', minimum: 0, 'x-aggregate': 'sum' }; // added
  (s.properties!.hoatDong!.items!.properties as Props).soNguoi!.type = 'number'; // integer → number: vẫn mang được
  return s;
}

describe(diffTemplates.name, () => {
  it('thêm, bớt, đổi kiểu, đổi tiêu đề theo đường dẫn', () => {
    const sut = diffTemplates(staffSchema, nextYear());
    expect(sut).toEqual(
      expect.arrayContaining([
        { kind: 'removed', path: '/I/ghiChu', from: 'Ghi chú' },
        { kind: 'retyped', path: '/I/soVu', from: 'integer', to: 'string' },
        { kind: 'retitled', path: '/I/tongSo', from: 'Tổng số CB-GV-NV', to: 'Tổng số cán bộ, giáo viên, nhân viên' },
        { kind: 'added', path: '/I/soDangVien', to: 'Số đảng viên' },
        { kind: 'retyped', path: '/hoatDong/*/soNguoi', from: 'integer', to: 'number' },
      ]),
    );
    expect(sut).toHaveLength(5);
    expect(diffTemplates(staffSchema, clone(staffSchema))).toEqual([]);
  });
});

describe(carryForward.name, () => {
  it('mang các câu trả lời còn khớp; liệt kê chỗ không mang được kèm lý do', () => {
    const lastYear = {
      I: { tongSo: 60, soNu: 30, tyLeNu: 50, hotline: true, ketQua: 'Tốt', soVu: 2, ghiChu: 'cũ' },
      hoatDong: [{ hinhThuc: 'Hội thi', soNguoi: 10, soNu: 4, tyLe: 40 }],
      vanBan: { so: '12' },
    };
    const sut = carryForward(staffSchema, nextYear(), lastYear);
    expect(sut.data).toEqual({
      I: { soNu: 30, hotline: true, ketQua: 'Tốt' },
      hoatDong: [{ hinhThuc: 'Hội thi', soNguoi: 10, soNu: 4 }],
      vanBan: { so: '12' },
    });
    expect(sut.notCarried).toEqual([
      { path: '/I/soVu', reason: 'Trường "Số vụ việc" đổi kiểu từ số nguyên sang văn bản.' },
      { path: '/I/ghiChu', reason: 'Trường "Ghi chú" không còn trong mẫu mới.' },
      {
        path: '/I/tongSo',
        reason: 'Không hợp lệ với mẫu mới: Trường "Tổng số cán bộ, giáo viên, nhân viên" (I. Tình hình chung) phải nhỏ hơn hoặc bằng 50 người.',
      },
    ]);
    expect((lastYear.I as Record<string, unknown>).tongSo).toBe(60);
  });
});
