import { describe, expect, it } from 'vitest';
import { staffSchema } from '../test/fixtures.js';
import { aggregationPlan, createRollUp, getValidator, type JsonSchema, rollUp, rollUpSchema, type RollUpChild } from './index.js';

const child = (unitId: string, unitCode: string, unitName: string, data: unknown): RollUpChild => ({ unitId, unitCode, unitName, data });

describe(rollUp.name, () => {
  it('tỷ lệ tính lại từ tổng tử số và mẫu số, không lấy trung bình các tỷ lệ', () => {
    // A: 9/10 nữ = 90%; B: 10/90 = 11.1%. Trung bình tỷ lệ = 50.6% (sai); đúng: 19/100 = 19%.
    const sut = rollUp(staffSchema, [
      child('a', '01', 'Trường A', { I: { tongSo: 10, soNu: 9, tyLeNu: 90 } }),
      child('b', '02', 'Trường B', { I: { tongSo: 90, soNu: 10, tyLeNu: 11.11 } }),
    ]);
    const I = (sut.data as { I: Record<string, unknown> }).I;
    expect(I.tongSo).toBe(100);
    expect(I.soNu).toBe(19);
    expect(I.tyLeNu).toBeCloseTo(19, 10);
    expect(I.tyLeNu).not.toBeCloseTo((90 + 11.11) / 2, 1);
    expect(sut.provenance['/I/tyLeNu']).toEqual([
      { unitId: 'a', value: { numerator: 9, denominator: 10 } },
      { unitId: 'b', value: { numerator: 10, denominator: 90 } },
    ]);
  });

  it('mẫu số tổng bằng 0 cho null, không Infinity', () => {
    const sut = rollUp(staffSchema, [child('a', '01', 'A', { I: { tongSo: 0, soNu: 0 } })]);
    expect((sut.data as { I: { tyLeNu: unknown } }).I.tyLeNu).toBeNull();
  });

  it('concat xếp theo mã đơn vị, mỗi đoạn mở đầu bằng tên đơn vị, bỏ đoạn trống', () => {
    const sut = rollUp(staffSchema, [
      child('c', '03', 'Trường C', { I: { ketQua: 'Ba' } }),
      child('a', '01', 'Trường A', { I: { ketQua: '  Một  ' } }),
      child('x', '00', 'Trường X', { I: { ketQua: '   ' } }),
      child('b', '02', 'Trường B', { I: { ketQua: 'Hai\ndòng' } }),
    ]);
    expect((sut.data as { I: { ketQua: string } }).I.ketQua).toBe('Trường A:\nMột\n\nTrường B:\nHai\ndòng\n\nTrường C:\nBa');
    expect(sut.provenance['/I/ketQua']!.map((p) => p.unitId)).toEqual(['c', 'a', 'b']);
  });

  it('nguồn gốc chính xác tới từng đơn vị cho mọi con trỏ', () => {
    const sut = rollUp(staffSchema, [
      child('u1', '01', 'A', { I: { tongSo: 5, hotline: true, soVu: 2, ngay: '2020-03-01' } }),
      child('u2', '02', 'B', { I: { tongSo: 7, hotline: false, soVu: 4, ngay: '2019-05-01', ghiChu: 'x' } }),
      child('u3', '03', 'C', { I: {} }),
    ]);
    const I = (sut.data as { I: Record<string, unknown> }).I;
    expect(I).toMatchObject({ tongSo: 12, hotline: 1, soVu: 4, ngay: '2019-05-01', ghiChu: 1 });
    expect(sut.count).toBe(3);
    expect(sut.provenance['/I/tongSo']).toEqual([
      { unitId: 'u1', value: 5 },
      { unitId: 'u2', value: 7 },
    ]);
    expect(sut.provenance['/I/hotline']).toEqual([
      { unitId: 'u1', value: true },
      { unitId: 'u2', value: false },
    ]);
    expect(sut.provenance['/I/ghiChu']).toEqual([{ unitId: 'u2', value: 'x' }]);
    expect(sut.provenance['/I/soNu']).toEqual([]);
  });

  it('bảng gộp theo khoá, mỗi cột theo quy tắc riêng, tỷ lệ theo dòng', () => {
    const sut = rollUp(staffSchema, [
      child('a', '01', 'A', { hoatDong: [{ hinhThuc: 'Tuyên truyền', soNguoi: 10, soNu: 10 }, { hinhThuc: 'Hội thi', soNguoi: 4, soNu: 1 }] }),
      child('b', '02', 'B', { hoatDong: [{ hinhThuc: 'Tuyên truyền', soNguoi: 90, soNu: 0 }] }),
    ]);
    const rows = (sut.data as { hoatDong: Record<string, unknown>[] }).hoatDong;
    expect(rows).toEqual([
      { hinhThuc: 'Hội thi', soNguoi: 4, soNu: 1, tyLe: 25 },
      { hinhThuc: 'Tuyên truyền', soNguoi: 100, soNu: 10, tyLe: 10 },
    ]);
    expect(sut.provenance['/hoatDong/1/soNguoi']).toEqual([
      { unitId: 'a', value: 10 },
      { unitId: 'b', value: 90 },
    ]);
    expect(sut.provenance['/hoatDong/1/hinhThuc']!.map((p) => p.unitId)).toEqual(['a', 'b']);
    expect(sut.provenance['/hoatDong/0/soNguoi']).toEqual([{ unitId: 'a', value: 4 }]);
  });

  it('kết quả không phụ thuộc thứ tự thêm đơn vị', () => {
    const kids = [
      child('a', '01', 'A', { I: { tongSo: 1, ketQua: 'x' }, hoatDong: [{ hinhThuc: 'Hội thi', soNguoi: 1 }] }),
      child('b', '02', 'B', { I: { tongSo: 2, ketQua: 'y' }, hoatDong: [{ hinhThuc: 'Tuyên truyền', soNguoi: 2 }] }),
    ];
    expect(rollUp(staffSchema, kids).data).toEqual(rollUp(staffSchema, [...kids].reverse()).data);
  });

  it('min/max: một chữ lạc trong ô số không thắng, dù đơn vị nào đứng trước', () => {
    const schema: JsonSchema = { type: 'object', properties: { n: { type: 'integer', 'x-aggregate': 'max' }, m: { type: 'integer', 'x-aggregate': 'min' } } };
    const kids = [child('a', '01', 'A', { n: 'mười', m: 'mười' }), child('b', '02', 'B', { n: 4, m: 4 }), child('c', '03', 'C', { n: 9, m: 9 })];
    for (const order of [kids, [...kids].reverse()]) expect(rollUp(schema, order).data).toEqual({ n: 9, m: 4 });
  });

  it('bỏ qua khoá lạ và khoá prototype trong dữ liệu con', () => {
    const hostile = JSON.parse('{"I":{"tongSo":3,"__proto__":{"polluted":1},"constructor":{"x":1}},"__proto__":{"polluted":1}}');
    const sut = rollUp(staffSchema, [child('a', '01', 'A', hostile)]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((sut.data as { I: Record<string, unknown> }).I.tongSo).toBe(3);
    expect(Object.keys((sut.data as { I: object }).I)).not.toContain('constructor');
  });

  it('kết quả hợp lệ với schema tổng hợp; cấp trên cộng dồn báo cáo đã tổng hợp', () => {
    const phong1 = rollUp(staffSchema, [
      child('a', '01', 'A', { I: { tongSo: 10, soNu: 9, hotline: true } }),
      child('b', '02', 'B', { I: { tongSo: 90, soNu: 10, hotline: true } }),
    ]);
    const phong2 = rollUp(staffSchema, [child('c', '03', 'C', { I: { tongSo: 100, soNu: 81, hotline: false } })]);
    const rs = rollUpSchema(staffSchema);
    const v = getValidator(rs);
    expect(v.validateDraft(phong1.data)).toEqual([]);
    const so = rollUp(rs, [
      { unitId: 'p1', unitCode: 'P1', unitName: 'Phòng 1', data: phong1.data },
      { unitId: 'p2', unitCode: 'P2', unitName: 'Phòng 2', data: phong2.data },
    ]);
    const I = (so.data as { I: Record<string, unknown> }).I;
    expect(I).toMatchObject({ tongSo: 200, soNu: 100, tyLeNu: 50, hotline: 2 });
    // cùng kết quả khi trộn trường trực tiếp và phòng, nhờ cờ compiled
    const mixed = rollUp(staffSchema, [
      { unitId: 'p1', unitCode: 'P1', unitName: 'Phòng 1', data: phong1.data, compiled: true },
      child('c', '03', 'C', { I: { tongSo: 100, soNu: 81, hotline: false } }),
    ]);
    expect((mixed.data as { I: Record<string, unknown> }).I).toMatchObject({ tongSo: 200, soNu: 100, tyLeNu: 50, hotline: 2 });
  });

  it('bộ tích luỹ không nhận thêm sau khi kết thúc', () => {
    const sut = createRollUp(staffSchema);
    sut.finish();
    expect(() => sut.add(child('a', '01', 'A', {}))).toThrow();
  });
});

describe(rollUpSchema.name, () => {
  it('countTrue thành số nguyên, concat thành chuỗi, ratio thành number|null, sum bỏ giới hạn trên', () => {
    const sut = rollUpSchema(staffSchema) as { properties: { I: { properties: Record<string, Record<string, unknown>>; required: string[] } } };
    const p = sut.properties.I.properties;
    expect(p.hotline).toMatchObject({ type: 'integer', minimum: 0, 'x-aggregate': 'sum', title: 'Niêm yết đường dây nóng' });
    expect(p.ketQua).toMatchObject({ type: 'string', 'x-aggregate': 'concat' });
    expect(p.ketQua!.maxLength).toBeUndefined();
    expect(p.tyLeNu!.type).toEqual(['number', 'null']);
    expect(p.tongSo!.maximum).toBeUndefined();
    expect(p.soVu!.type).toEqual(['integer', 'null']);
  });
});

describe(aggregationPlan.name, () => {
  it('liệt kê con trỏ và quy tắc cho SQL', () => {
    const sut = aggregationPlan(staffSchema);
    expect(sut).toContainEqual({ pointer: '/I/tongSo', rule: 'sum', type: 'integer' });
    expect(sut).toContainEqual(expect.objectContaining({ pointer: '/I/tyLeNu', rule: 'ratio', numerator: '/I/soNu', denominator: '/I/tongSo', scale: 100 }));
    expect(sut).toContainEqual(expect.objectContaining({ pointer: '/hoatDong', rule: 'groupBy', groupBy: 'hinhThuc' }));
    expect(sut).toContainEqual(expect.objectContaining({ pointer: '/hoatDong/*/soNguoi', rule: 'sum', table: '/hoatDong', tableKey: 'hinhThuc' }));
    expect(sut.find((e) => e.pointer === '/vanBan/so')).toBeUndefined();
  });
});
