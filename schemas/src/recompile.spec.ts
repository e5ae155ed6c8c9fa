import { describe, expect, it } from 'vitest';
import { rulesSchema } from '../test/rules-contract.js';
import { mergeRecompile, rollUpSchema } from './index.js';

const schema = rollUpSchema(rulesSchema);

describe(mergeRecompile.name, () => {
  const previous = { I: { tongSo: 20, soNu: 8, tyLeNu: 40 }, chiTieu: { keHoach: 4, ketQua: 3 } };
  const next = { I: { tongSo: 30, soNu: 12, tyLeNu: 40 }, chiTieu: { keHoach: 6, ketQua: 5 } };

  it('giữ trường đơn vị tự sửa, thay các trường còn lại, và kể ra thay đổi', () => {
    const current = { ...previous, I: { ...previous.I, soNu: 9, tyLeNu: 45 }, ghiChu: 'Phòng tự viết' };
    const sut = mergeRecompile(schema, current, previous, next);
    expect(sut.data).toMatchObject({ I: { tongSo: 30, soNu: 9, tyLeNu: 30 }, chiTieu: { keHoach: 6, ketQua: 5 }, ghiChu: 'Phòng tự viết' });
    const soNu = sut.changes.find((c) => c.path === '/I/soNu');
    expect(soNu).toEqual({ path: '/I/soNu', title: 'Trong đó nữ (I. Tình hình chung)', old: 9, new: 12, edited: true, replaced: false });
    expect(sut.changes.find((c) => c.path === '/I/tongSo')).toMatchObject({ old: 20, new: 30, edited: false, replaced: true });
    expect(sut.changes.some((c) => c.path === '/I/tyLeNu')).toBe(false);
  });

  it('người dùng chọn thay trường tự sửa', () => {
    const current = { ...previous, I: { ...previous.I, soNu: 9 } };
    expect(mergeRecompile(schema, current, previous, next, ['/I/soNu']).data).toMatchObject({ I: { soNu: 12 } });
    expect(mergeRecompile(schema, current, previous, next, ['*']).data).toMatchObject({ I: { soNu: 12 } });
  });

  it('lần tổng hợp đầu tiên lấy hết số liệu mới', () => {
    const sut = mergeRecompile(schema, {}, undefined, next);
    expect(sut.data).toMatchObject(next);
    expect(sut.changes.every((c) => c.replaced && !c.edited)).toBe(true);
  });
});
