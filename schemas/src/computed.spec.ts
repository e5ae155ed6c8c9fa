import { describe, expect, it } from 'vitest';
import { minimalDoc, staffSchema } from '../test/fixtures.js';
import { applyComputed, lintTemplate, parseExpression, type JsonSchema } from './index.js';

const withExpr = (expr: string, extra: Record<string, JsonSchema> = {}): JsonSchema => ({
  type: 'object',
  properties: {
    a: { type: 'number', title: 'A' },
    b: { type: 'number', title: 'B' },
    nhom: { type: 'object', title: 'Nhóm', properties: { c: { type: 'number', title: 'C' } } },
    kq: { type: ['number', 'null'], title: 'Kết quả', 'x-computed': expr },
    ...extra,
  },
});

describe(applyComputed.name, () => {
  it('điền tỷ lệ từ các trường cùng cấp và trong từng dòng bảng, không sửa dữ liệu gốc', () => {
    const input = { I: { tongSo: 40, soNu: 10 }, hoatDong: [{ hinhThuc: 'Hội thi', soNguoi: 8, soNu: 2 }, { hinhThuc: 'Tuyên truyền' }] };
    const sut = applyComputed(staffSchema, input) as { I: Record<string, unknown>; hoatDong: Record<string, unknown>[] };
    expect(sut.I.tyLeNu).toBe(25);
    expect(sut.hoatDong[0]!.tyLe).toBe(25);
    expect(sut.hoatDong[1]!.tyLe).toBeNull();
    expect((input.I as Record<string, unknown>).tyLeNu).toBeUndefined();
  });

  it.each([
    ['a / b', { a: 1, b: 0 }, null],
    ['a / b', { a: 0, b: 0 }, null],
    ['a / b * 100', { a: 1 }, null],
    ['a mod b', { a: 5, b: 0 }, null],
    ['a ^ b', { a: 10, b: 400 }, null],
    ['round(a / b * 100, 1)', { a: 1, b: 3 }, 33.3],
    ['a + nhom.c', { a: 1, nhom: { c: 2 } }, 3],
    ['$root.a * 2', { a: 4 }, 8],
    ['if b > 0 then a / b else 0', { a: 1, b: 0 }, 0],
    ['max(a, b)', { a: 1, b: 7 }, 7],
    ['a + b', { a: '1', b: 2 }, null],
  ])('%s với %j → %j', (expr, data, expected) => {
    const sut = applyComputed(withExpr(expr), data) as { kq: unknown };
    expect(sut.kq).toBe(expected);
  });

  it('tính theo thứ tự phụ thuộc giữa các trường tính toán', () => {
    const s = withExpr('a * 2', { kq2: { type: ['number', 'null'], title: 'K2', 'x-computed': 'kq + 1' } });
    expect(applyComputed(s, { a: 3 })).toMatchObject({ kq: 6, kq2: 7 });
    const s2: JsonSchema = { ...s, properties: { kq2: s.properties!.kq2!, ...s.properties } };
    expect(applyComputed(s2, { a: 3 })).toMatchObject({ kq: 6, kq2: 7 });
  });
});

describe('Biểu thức độc hại bị từ chối, không chạy gì', () => {
  const hostile = [
    'constructor.constructor("return process")()',
    'constructor.constructor',
    'a.__proto__',
    'prototype',
    'toString of a',
    "'constructor'",
    'process.exit(1)',
    'eval("1")',
    'Function("return 1")()',
    'a; b',
    'a = 1',
    '`x`',
    'a[0]',
    '{}',
    'x'.repeat(10 * 1024 * 1024),
    '('.repeat(10000) + 'a' + ')'.repeat(10000),
    '(((((((((((((((((((a)))))))))))))))))))',
  ];
  it.each(hostile.map((h) => [h.length > 60 ? `${h.slice(0, 40)}… (${h.length} ký tự)` : h, h]))('%s', (_label, expr) => {
    let touched = false;
    const r = parseExpression(expr);
    if (r.ok) {
      // nếu cú pháp được nhận (ví dụ tên hợp lệ), giá trị chỉ đến từ bộ phân giải của chúng ta
      expect(r.expression.evaluate(() => ((touched = true), null))).toBeNull();
    } else expect(r.message).toMatch(/./);
    expect(r.ok).toBe(false);
    expect(touched).toBe(false);
    expect((globalThis as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('dữ liệu có khoá __proto__/constructor không làm ô nhiễm prototype', () => {
    const data = JSON.parse('{"a":1,"b":2,"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
    const sut = applyComputed(withExpr('a + b'), data) as Record<string, unknown>;
    expect(sut.kq).toBe(3);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('dữ liệu lồng quá sâu bị từ chối', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10000; i++) deep = { x: deep };
    expect(() => applyComputed(withExpr('a'), deep)).toThrow(/sâu/);
  });

  it('lint báo biểu thức độc hại là lỗi', () => {
    const findings = lintTemplate({ ...minimalDoc, schema: withExpr('constructor.constructor("x")()') });
    expect(findings.some((f) => f.severity === 'error' && f.path.endsWith('/x-computed'))).toBe(true);
  });
});

