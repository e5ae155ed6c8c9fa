import { describe, expect, it } from 'vitest';
import { schemaToModel } from './field-model';
import { everyKindSchema } from './fixtures';
import { checkExpression } from './expression';
import { builderChecks } from './builder-checks';

const model = schemaToModel(everyKindSchema);
const section = model.fields[0]!.children;

describe('checkExpression', () => {
  it.each([
    'soNu / tongSo * 100',
    'round(soNu / tongSo * 100, 1)',
    '$root.I.soNu / $root.I.tongSo',
    'if tongSo > 0 then soNu / tongSo else 0',
    '-soNu + 1',
  ])('accepts %s', (expr) => expect(checkExpression(expr, model, section)).toMatchObject({ ok: true }));
  it.each([
    ['soNu / ', /kết thúc bằng một phép tính/],
    ['(soNu / tongSo', /dấu ngoặc trong biểu thức không cân/],
    ['soNu tongSo', /thiếu phép tính/],
    ['soNam / tongSo', /không có trường “soNam”/],
    ['eval(1)', /hàm "eval" không được hỗ trợ/],
    ['soNu; 1', /ký tự ";" không được phép/],
    ['$root.II.ketQua * 2', /không phải là số/],
    ['I.tongSo', /không có trường “I.tongSo”/],
    ['', /trống/],
  ])('refuses %s', (expr, msg) => {
    const r = checkExpression(expr, model, section);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(msg);
  });
});

describe('builderChecks', () => {
  it('is clean on a well-formed template', () => {
    expect(builderChecks(model).filter((f) => f.severity === 'error')).toEqual([]);
  });
  it('names bad keys, empty choices, inverted bounds, broken ratio and formula', () => {
    const bad = schemaToModel({
      type: 'object',
      properties: {
        'số lượng': { type: 'integer', title: 'x', minimum: 5, maximum: 1 },
        c: { type: 'string', title: 'c', enum: [] },
        r: {
          type: 'number',
          title: 'r',
          'x-aggregate': { ratio: { numerator: '/khong', denominator: '' } },
          'x-computed': 'a +',
        },
      },
    });
    const messages = builderChecks(bad).map((f) => `${f.path}: ${f.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/số lượng: Tên trường/),
        expect.stringMatching(/nhỏ nhất \(5\) lớn hơn lớn nhất \(1\)/),
        expect.stringMatching(/^\/r: Tỉ lệ: “\/khong”/),
        expect.stringMatching(/^\/r: Tỉ lệ: chưa chọn mẫu số/),
        expect.stringMatching(/^\/r: Công thức/),
      ]),
    );
  });
});
