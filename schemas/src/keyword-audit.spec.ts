/**
 * Every keyword the validator (AJV, JSON Schema 2020-12 + the draft-07 words it still knows + ajv-formats' and our own)
 * has one verdict: it works in every stage (the corpus suite takes a schema using it through them all, or a case here
 * takes a minimal schema through lint → draft and complete validation → roll-up of two units → the compiled report
 * against its own schema → the walker that serves the documents), or lint refuses it at publish with a Vietnamese reason.
 * A keyword the validator gains without a verdict here fails the suite. docs/json-schema-keywords.md is the same table.
 */
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../test/corpus/load.js';
import { lintTemplate } from './lint.js';
import { rollUp } from './rollup.js';
import { rollUpSchema } from './rollup-schema.js';
import type { JsonSchema } from './types.js';
import { createAjv, getValidator } from './validation.js';
import { walkFields } from './walker.js';

type Verdict =
  | { corpus: true }
  | { works: Record<string, unknown>; value: unknown }
  | { refused: Record<string, unknown>; reason: RegExp };

const dateField = { type: 'string', format: 'date' };
/** Keyword → verdict. `works`: the field `a`'s schema and a value a unit enters. */
export const KEYWORDS: Record<string, Verdict> = {
  // identifiers, references, annotations
  $schema: { corpus: true }, $id: { corpus: true }, $defs: { corpus: true }, $ref: { corpus: true }, $anchor: { corpus: true },
  $comment: { works: { type: 'string', $comment: 'ghi chú của người soạn' }, value: 'x' },
  $vocabulary: { works: { type: 'string', $vocabulary: {} }, value: 'x' },
  definitions: { corpus: true },
  title: { corpus: true }, description: { corpus: true }, default: { corpus: true }, readOnly: { corpus: true },
  examples: { works: { type: 'string', examples: ['ví dụ'] }, value: 'x' },
  deprecated: { works: { type: 'string', deprecated: true }, value: 'x' },
  writeOnly: { works: { type: 'string', writeOnly: true }, value: 'x' },
  // numbers, strings, objects, arrays
  maximum: { corpus: true }, minimum: { corpus: true }, exclusiveMaximum: { corpus: true }, multipleOf: { corpus: true },
  exclusiveMinimum: { works: { type: 'number', exclusiveMinimum: 0 }, value: 3 },
  maxLength: { corpus: true }, minLength: { corpus: true }, pattern: { corpus: true }, format: { corpus: true },
  contentMediaType: { works: { type: 'string', contentMediaType: 'text/plain' }, value: 'x' },
  contentEncoding: { works: { type: 'string', contentEncoding: 'base64' }, value: 'eA==' },
  contentSchema: { works: { type: 'string', contentMediaType: 'application/json', contentSchema: { type: 'object' } }, value: '{}' },
  maxProperties: { works: { type: 'object', maxProperties: 3, properties: { b: { type: 'integer', title: 'B' } } }, value: { b: 2 } },
  minProperties: { corpus: true }, required: { corpus: true }, properties: { corpus: true }, additionalProperties: { corpus: true },
  patternProperties: { corpus: true }, propertyNames: { corpus: true }, dependentRequired: { corpus: true }, dependentSchemas: { corpus: true },
  dependencies: { corpus: true }, unevaluatedProperties: { corpus: true },
  maxItems: { corpus: true }, minItems: { corpus: true }, uniqueItems: { corpus: true }, items: { corpus: true }, prefixItems: { corpus: true },
  contains: { corpus: true },
  maxContains: { works: { type: 'array', items: { type: 'string' }, contains: { const: 'x' }, maxContains: 3 }, value: ['x', 'y'] },
  minContains: { works: { type: 'array', items: { type: 'string' }, contains: { const: 'x' }, minContains: 1 }, value: ['x'] },
  unevaluatedItems: { works: { type: 'array', prefixItems: [{ type: 'string' }], unevaluatedItems: false, 'x-aggregate': 'none' }, value: ['x'] },
  // types and combinations
  type: { corpus: true }, enum: { corpus: true }, const: { corpus: true }, not: { corpus: true },
  nullable: { works: { type: 'string', nullable: true }, value: null },
  anyOf: { corpus: true }, oneOf: { corpus: true }, allOf: { corpus: true }, if: { corpus: true }, then: { corpus: true }, else: { corpus: true },
  // the product's own
  'x-aggregate': { corpus: true }, 'x-computed': { corpus: true }, 'x-unit': { corpus: true }, 'x-rules': { corpus: true },
  // refused at publish
  formatMaximum: { refused: { ...dateField, formatMaximum: '2030-12-31' }, reason: /"formatMaximum".*không được hỗ trợ/ },
  formatMinimum: { refused: { ...dateField, formatMinimum: '2000-01-01' }, reason: /"formatMinimum".*không được hỗ trợ/ },
  formatExclusiveMaximum: { refused: { ...dateField, formatExclusiveMaximum: '2030-12-31' }, reason: /"formatExclusiveMaximum".*không được hỗ trợ/ },
  formatExclusiveMinimum: { refused: { ...dateField, formatExclusiveMinimum: '2000-01-01' }, reason: /"formatExclusiveMinimum".*không được hỗ trợ/ },
  $async: { refused: { type: 'string', $async: true }, reason: /"\$async".*không được hỗ trợ/ },
  id: { refused: { type: 'string', id: 'cu' }, reason: /"id" là cách viết của JSON Schema cũ.*"\$id"/ },
  $dynamicRef: { refused: { $dynamicRef: '#x' }, reason: /"\$dynamicRef" không được hỗ trợ/ },
  $dynamicAnchor: { refused: { type: 'string', $dynamicAnchor: 'x' }, reason: /"\$dynamicAnchor" không được hỗ trợ/ },
  $recursiveRef: { refused: { $recursiveRef: '#' }, reason: /"\$recursiveRef" không được hỗ trợ/ },
  $recursiveAnchor: { refused: { type: 'string', $recursiveAnchor: true }, reason: /"\$recursiveAnchor" không được hỗ trợ/ },
};

const schemaWith = (field: Record<string, unknown>): JsonSchema => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  title: 'Kiểm tra từ khoá',
  properties: { a: { title: 'Trường thử', ...field } },
});
const template = (schema: JsonSchema) => ({ code: 'tu-khoa', version: 1, title: 'Kiểm tra từ khoá', periodKind: 'nam', uiSchema: {}, document: {}, schema });
/** AJV's own English, which must never reach an admin. */
const ENGLISH = /\b(must|should|NOT SUPPORTED|schema in sync|unknown keyword|can't resolve)\b/;

const hasKey = (o: unknown, k: string): boolean =>
  Array.isArray(o) ? o.some((x) => hasKey(x, k)) : !!o && typeof o === 'object' && (k in o || Object.values(o).some((v) => hasKey(v, k)));

describe('JSON Schema keyword audit: lint accepts ⇒ every stage works; otherwise a Vietnamese refusal', () => {
  it('gives every keyword the validator knows a verdict', () => {
    const known = Object.keys((createAjv() as unknown as { RULES: { keywords: Record<string, unknown> } }).RULES.keywords).sort();
    expect(Object.keys(KEYWORDS).sort()).toEqual(known);
  });

  const corpus = loadCorpus();
  it.each(Object.entries(KEYWORDS).filter(([, v]) => 'corpus' in v).map(([k]) => k))('%s: a corpus schema uses it (the corpus suite runs it through every stage)', (k) => {
    expect(corpus.some((c) => hasKey(c.schema, k))).toBe(true);
  });

  it.each(Object.entries(KEYWORDS).flatMap(([k, v]) => ('works' in v ? [[k, v] as const] : [])))('%s: publishes, validates, rolls up, and the documents find the field', (_k, v) => {
    const schema = schemaWith(v.works);
    expect(lintTemplate(template(schema)).filter((f) => f.severity === 'error')).toEqual([]);
    const sut = getValidator(schema);
    expect(sut.validateDraft({})).toEqual([]);
    const unit = { a: v.value };
    expect(sut.validateComplete(unit)).toEqual([]);
    const r = rollUp(schema, [unit, unit].map((data, i) => ({ unitId: `u${i}`, unitCode: `0${i}`, unitName: `Đơn vị ${i + 1}`, data })));
    expect(getValidator(rollUpSchema(schema)).validateDraft(r.data)).toEqual([]);
    const fields: string[] = [];
    walkFields(schema, (f) => void fields.push('/' + f.segments.join('/')));
    expect(fields).toContain('/a');
  });

  it.each(Object.entries(KEYWORDS).flatMap(([k, v]) => ('refused' in v ? [[k, v] as const] : [])))('%s: lint refuses it in Vietnamese, naming the construct', (_k, v) => {
    const errors = lintTemplate(template(schemaWith(v.refused))).filter((f) => f.severity === 'error');
    expect(errors.some((f) => v.reason.test(f.message)), JSON.stringify(errors)).toBe(true);
    for (const f of errors.filter((e) => v.reason.test(e.message))) expect(f.message).not.toMatch(ENGLISH);
  });
});
