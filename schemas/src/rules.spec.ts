import { describe, expect, it } from 'vitest';
import { minimalDoc } from '../test/fixtures.js';
import { ruleCases, rulesSchema } from '../test/rules-contract.js';
import { applyComputed, checkRuleAssert, checkRules, getValidator, lintTemplate, rollUp, rollUpSchema, rulesPlan, type JsonSchema } from './index.js';

const show = (f: { severity: string; ruleId: string; path: string }) => `${f.severity} ${f.ruleId} ${f.path}`;

describe(checkRules.name, () => {
  it.each(ruleCases)('$name', ({ data, findings }) => {
    const sut = checkRules(rulesSchema, applyComputed(rulesSchema, data));
    expect(sut.map(show).sort()).toEqual([...findings].sort());
  });

  it('nêu trường bằng tiêu đề và thông báo của quy tắc', () => {
    const [sut] = checkRules(rulesSchema, { I: { tongSo: 45, soNu: 50 } });
    expect(sut).toMatchObject({ title: 'Trong đó nữ (I. Tình hình chung)', message: 'Số nữ không được lớn hơn tổng số.', keyword: 'x-rules' });
  });

  it('phân tích mỗi quy tắc một lần bằng bộ phân tích x-computed và nhớ các trường nó nêu', () => {
    const sut = rulesPlan(rulesSchema);
    expect(sut.map((s) => [s.id, s.container.join('/'), s.fields.map((f) => f.join('/'))])).toEqual([
      ['dat-le-giao', '', ['chiTieu/ketQua', 'chiTieu/keHoach']],
      ['nu-le-tong', 'I', ['I/soNu', 'I/tongSo']],
      ['ty-le-le-100', 'I', ['I/tyLeNu']],
      ['nu-tham-gia', 'hoatDong/*', ['hoatDong/*/soNu', 'hoatDong/*/soNguoi']],
    ]);
    expect(sut.every((s) => s.problems.length === 0)).toBe(true);
  });
});

describe('x-rules trong kiểm tra biểu mẫu', () => {
  const sut = getValidator(rulesSchema);
  it('lỗi làm kiểm tra hoàn chỉnh thất bại; cảnh báo thì không', () => {
    const bad = applyComputed(rulesSchema, { I: { tongSo: 45, soNu: 50 } });
    expect(sut.validateComplete(bad).map((e) => e.path)).toEqual(['/I/soNu', '/I/tyLeNu']);
    const warnOnly = applyComputed(rulesSchema, { I: { tongSo: 4, soNu: 1 }, chiTieu: { keHoach: 1, ketQua: 9 } });
    expect(sut.validateComplete(warnOnly)).toEqual([]);
    expect(sut.checkRules(warnOnly).map(show)).toEqual(['warning dat-le-giao /chiTieu/ketQua']);
  });
  it('lưu nháp không bị quy tắc chặn (chỉ hình dạng)', () => {
    expect(sut.validateDraft({ I: { tongSo: 45, soNu: 50 } })).toEqual([]);
  });
});

describe('x-rules trên số liệu tổng hợp', () => {
  it('cùng quy tắc chạy trên dữ liệu tổng hợp, chỉ ở mức cảnh báo', () => {
    const schema = rollUpSchema(rulesSchema);
    const kids = [
      { unitId: 'a', unitCode: 'A', unitName: 'Trường A', data: { I: { tongSo: 10, soNu: 4 } } },
      // A child whose hand-entered figure slipped through: its sum breaks the rule on the roll-up.
      { unitId: 'b', unitCode: 'B', unitName: 'Trường B', data: { I: { tongSo: 10, soNu: 20 } } },
    ];
    const compiled = rollUp(rulesSchema, kids).data;
    const found = checkRules(schema, compiled);
    expect(found.map(show)).toEqual(['warning nu-le-tong /I/soNu', 'warning ty-le-le-100 /I/tyLeNu']);
    expect(getValidator(schema).validateComplete(compiled).filter((e) => e.keyword === 'x-rules')).toEqual([]);
  });
});

describe('lint x-rules', () => {
  const doc = (rules: unknown, where: 'root' | 'row' = 'root') => {
    const row: JsonSchema = { type: 'object', properties: { x: { type: 'integer', title: 'X', 'x-aggregate': 'sum' } } };
    if (where === 'row') row['x-rules'] = rules as JsonSchema['x-rules'];
    return {
      ...minimalDoc,
      schema: {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        ...(where === 'root' ? { 'x-rules': rules } : {}),
        properties: {
          a: { type: 'integer', title: 'A', 'x-aggregate': 'sum' },
          b: { type: 'integer', title: 'B', 'x-aggregate': 'sum' },
          t: { type: 'array', title: 'Bảng', 'x-aggregate': 'concat', maxItems: 50, items: row },
        },
      },
    };
  };
  const ok = { id: 'r1', assert: 'a <= b', message: 'A không lớn hơn B.', severity: 'error' };
  it('quy tắc đúng không có phát hiện', () => {
    expect(lintTemplate(doc([ok]))).toEqual([]);
    expect(lintTemplate(doc([{ ...ok, assert: 'x >= 0' }], 'row'))).toEqual([]);
  });
  it.each([
    ['không phải danh sách', { id: 'r' }, /phải là một danh sách|JSON Schema không hợp lệ/],
    ['biểu thức sai', [{ ...ok, assert: 'a <=* b' }], /Thiếu toán hạng trước “\*”/],
    ['tên trường không có', [{ ...ok, assert: 'a <= khongCo' }], /không có trường \/khongCo/],
    ['mức độ lạ', [{ ...ok, severity: 'info' }], /mức độ \(severity\)/],
    ['thiếu thông báo', [{ ...ok, message: ' ' }], /chưa có thông báo/],
    ['mã trùng', [ok, { ...ok, assert: 'b >= 0' }], /trùng mã/],
    ['mã có dấu', [{ ...ok, id: 'nữ-lớn' }], /mã \(id\)/],
    ['hàm lạ', [{ ...ok, assert: 'eval(a)' }], /không được hỗ trợ/],
    ['thuộc tính lạ', [{ ...ok, when: 'a > 0' }], /"when" không được hỗ trợ/],
  ])('%s', (_n, rules, message) => {
    const findings = lintTemplate(doc(rules));
    expect(findings.some((f) => f.severity === 'error' && message.test(f.message)), JSON.stringify(findings, null, 1)).toBe(true);
  });
  it('quy tắc dòng không dùng được tên ngoài dòng', () => {
    const findings = lintTemplate(doc([{ ...ok, assert: 'x <= a' }], 'row'));
    expect(findings.map((f) => f.path)).toContain('/schema/properties/t/items/x-rules/0');
  });
});

describe('checkRuleAssert (lint and the template builder share it)', () => {
  const schema = {
    type: 'object',
    properties: {
      I: { type: 'object', properties: { tongSo: { type: 'integer' }, soNu: { type: 'integer' } } },
      bang: { type: 'array', items: { type: 'object', properties: { giao: { type: 'number' }, dat: { type: 'number' } } } },
    },
  };
  it('accepts names of the object, of sub-objects from the root, and of a table row', () => {
    expect(checkRuleAssert(schema, ['I'], 'soNu <= tongSo').problems).toEqual([]);
    expect(checkRuleAssert(schema, [], 'I.soNu <= I.tongSo').fields).toEqual([['I', 'soNu'], ['I', 'tongSo']]);
    expect(checkRuleAssert(schema, ['bang', '*'], 'dat <= giao * 3').problems).toEqual([]);
  });
  it('names the missing field, the syntax error, and a $root that crosses a table', () => {
    expect(checkRuleAssert(schema, ['I'], 'soNu <= khongCo').problems[0]).toMatch(/không có trường \/I\/khongCo/);
    expect(checkRuleAssert(schema, ['I'], 'soNu <=* tongSo').problems[0]).toMatch(/Thiếu toán hạng trước “\*”/);
    expect(checkRuleAssert(schema, [], '$root.bang.dat <= 1').problems.join(' ')).toMatch(/không có trường|đi qua một bảng/);
  });
});
