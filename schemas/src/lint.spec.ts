import { describe, expect, it } from 'vitest';
import { minimalDoc } from '../test/fixtures.js';
import { lintTemplate, type JsonSchema } from './index.js';

const doc = (properties: Record<string, JsonSchema>) => ({
  ...minimalDoc,
  schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', additionalProperties: false, properties },
});
const n = (title: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'integer', title, 'x-aggregate': 'sum', ...extra });

describe(lintTemplate.name, () => {
  it('biểu mẫu tối thiểu hợp lệ không có phát hiện nào', () => {
    expect(lintTemplate(doc({ a: n('A') }))).toEqual([]);
  });

  const cases: [string, unknown, 'error' | 'warning', RegExp][] = [
    ['không phải đối tượng', 42, 'error', /Định dạng biểu mẫu/],
    ['thiếu document', { ...doc({ a: n('A') }), document: undefined }, 'error', /document/],
    ['JSON Schema sai (type lạ)', doc({ a: { type: 'so-nguyen', title: 'A', 'x-aggregate': 'sum' } }), 'error', /JSON Schema không hợp lệ/],
    ['từ khoá lạ bị strict từ chối', doc({ a: n('A', { 'x-tong': 'sum' }) }), 'error', /JSON Schema không hợp lệ/],
    ['kiểu tổng hợp lạ', doc({ a: n('A', { 'x-aggregate': 'avg' } as unknown as JsonSchema) }), 'error', /"avg" không được hỗ trợ/],
    ['ratio thiếu mẫu số', doc({ a: n('A'), r: { type: ['number', 'null'], title: 'R', 'x-aggregate': { ratio: { numerator: '/a' } } } as unknown as JsonSchema }), 'error', /cả tử số .* và mẫu số/],
    ['ratio trỏ tới trường không có', doc({ a: n('A'), r: { type: ['number', 'null'], title: 'R', 'x-aggregate': { ratio: { numerator: '/a', denominator: '/b' } } } }), 'error', /mẫu số "\/b" không trỏ/],
    ['ratio trên tử số không phải số', doc({ a: { type: 'string', title: 'A', 'x-aggregate': 'concat' }, b: n('B'), r: { type: ['number', 'null'], title: 'R', 'x-aggregate': { ratio: { numerator: '/a', denominator: '/b' } } } }), 'error', /không phải trường số/],
    ['groupBy cột không có', doc({ t: { type: 'array', title: 'T', 'x-aggregate': { groupBy: 'ma' }, items: { type: 'object', properties: { x: n('X') } } } }), 'error', /không có cột "ma"/],
    ['biểu thức không phân tích được', doc({ a: n('A'), c: { type: ['number', 'null'], title: 'C', 'x-computed': 'a +* 2' } }), 'error', /Thiếu toán hạng trước “\*”/],
    ['biểu thức tham chiếu trường không có', doc({ a: n('A'), c: { type: ['number', 'null'], title: 'C', 'x-computed': 'a / khongCo' } }), 'error', /không có trường \/khongCo/],
    ['biểu thức vòng tròn', doc({ a: { type: ['number', 'null'], title: 'A', 'x-computed': 'b + 1' }, b: { type: ['number', 'null'], title: 'B', 'x-computed': 'a + 1' } }), 'error', /vòng tròn/],
    ['$root đi vào bảng', doc({ t: { type: 'array', title: 'T', 'x-aggregate': 'concat', items: { type: 'object', properties: { x: n('X') } } }, c: { type: ['number', 'null'], title: 'C', 'x-computed': '$root.t.x' } }), 'error', /không có trường/],
    ['sum trên chuỗi', doc({ a: { type: 'string', title: 'A', 'x-aggregate': 'sum' } }), 'warning', /không phải kiểu số/],
    ['countTrue trên số', doc({ a: n('A', { 'x-aggregate': 'countTrue' }) }), 'warning', /boolean/],
    ['concat trên số', doc({ a: n('A', { 'x-aggregate': 'concat' }) }), 'warning', /văn bản/],
    ['thiếu x-aggregate', doc({ a: { type: 'integer', title: 'A' } }), 'warning', /chưa khai báo x-aggregate/],
    ['sum trên trường tính toán', doc({ a: n('A'), c: { type: ['number', 'null'], title: 'C', 'x-computed': 'a * 2', 'x-aggregate': 'sum' } }), 'warning', /tính toán/],
    ['tên tiếng Việt có dấu', doc({ 'tổngSố': n('A') }), 'warning', /camelCase/],
    ['thiếu tiêu đề', doc({ a: { type: 'integer', 'x-aggregate': 'sum' } }), 'warning', /chưa có tiêu đề/],
    ['ui:order nêu trường không có', { ...doc({ a: n('A') }), uiSchema: { 'ui:order': ['a', 'b'] } }, 'warning', /"b"/],
    ['ui:order thiếu trường', { ...doc({ a: n('A'), b: n('B') }), uiSchema: { 'ui:order': ['a'] } }, 'error', /thiếu các trường: b/],
    ['văn bản trỏ tới trường không có', { ...doc({ a: n('A') }), document: { ...minimalDoc.document, bindings: { number: '/so', date: '/a', signerName: '/a' } } }, 'error', /"\/so"/],
  ];
  it.each(cases)('%s', (_name, input, severity, message) => {
    const findings = lintTemplate(input);
    expect(findings.some((f) => f.severity === severity && message.test(f.message)), JSON.stringify(findings, null, 1)).toBe(true);
  });
});
