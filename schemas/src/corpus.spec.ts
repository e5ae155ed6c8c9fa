/**
 * The contract between lint and every stage after it, over the corpus (schemas/test/corpus):
 * lint → validate (draft and complete) → computed → roll-up of two units → the compiled report
 * validates against rollUpSchema → every value of both units arrives → diff → carry-forward.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusTemplate, loadCorpus, loadRefused } from '../test/corpus/load.js';
import { normalizeRule } from './aggregate-rule.js';
import { applyComputed } from './computed.js';
import { carryForward, diffTemplates } from './diff.js';
import { lintTemplate } from './lint.js';
import { isPlainObject } from './pointer.js';
import { rollUp } from './rollup.js';
import { rollUpSchema } from './rollup-schema.js';
import type { JsonSchema } from './types.js';
import { getValidator } from './validation.js';
import { propertyEntries, resolveSchema } from './walker.js';

const corpus = loadCorpus();
export const CORPUS_STAGES = ['lint', 'validate', 'computed', 'roll-up', 'rollUpSchema', 'values arrive', 'diff', 'carry-forward'] as const;

/** Checks that what each unit entered arrives in the compiled data under its field's rule; returns how many values were checked. */
function expectArrives(root: JsonSchema, s0: JsonSchema, units: unknown[], compiled: unknown, where: string): number {
  const present = units.filter((u) => u !== undefined && u !== null);
  if (present.length === 0) return 0;
  const s = resolveSchema(root, s0) ?? s0;
  const rule = normalizeRule(s);
  const nums = present.filter((v): v is number => typeof v === 'number');
  switch (rule.kind) {
    case 'sum':
      expect(compiled, where).toBeCloseTo(nums.reduce((a, b) => a + b, 0), 6);
      return present.length;
    case 'count':
      expect(compiled, where).toBe(present.filter((v) => v !== '' && !(Array.isArray(v) && v.length === 0)).length);
      return present.length;
    case 'countTrue':
      expect(compiled, where).toBe(present.filter((v) => v === true).length);
      return present.length;
    case 'min':
    case 'max':
    case 'first':
      expect(present.map((v) => JSON.stringify(v)), where).toContain(JSON.stringify(compiled));
      return present.length;
    case 'concat':
      if (Array.isArray(compiled)) {
        const rows = present.flatMap((v) => (Array.isArray(v) ? v : []));
        expect(compiled, where).toEqual(expect.arrayContaining(rows));
        expect(compiled.length, where).toBe(rows.length);
      } else for (const v of present) if (typeof v === 'string' && v.trim()) expect(String(compiled), where).toContain(v.trim());
      return present.length;
    case 'groupBy': {
      const keys = present.flatMap((v) => (Array.isArray(v) ? v.map((r) => (isPlainObject(r) ? r[rule.groupBy] : undefined)) : []));
      const got = Array.isArray(compiled) ? compiled.map((r) => (isPlainObject(r) ? r[rule.groupBy] : undefined)) : [];
      for (const k of keys) expect(got, where).toContain(k);
      return keys.length;
    }
    case 'unset': {
      if (!isPlainObject(present[0])) return 0;
      let n = 0;
      const keys = new Set(present.flatMap((v) => (isPlainObject(v) ? propertyEntries(root, s, v).map(([k]) => k) : [])));
      for (const k of keys) {
        const sub = present.map((v) => (isPlainObject(v) ? v : {})).find((v) => k in v);
        const childSchema = propertyEntries(root, s, sub).find(([x]) => x === k)?.[1];
        if (!childSchema || childSchema['x-computed'] !== undefined) continue;
        n += expectArrives(root, childSchema, present.map((v) => (isPlainObject(v) ? v[k] : undefined)), isPlainObject(compiled) ? compiled[k] : undefined, `${where}/${k}`);
      }
      return n;
    }
    default:
      return 0;
  }
}

describe('corpus: every schema lint accepts works in every stage', () => {
  it('holds at least 40 schemas, the two shipped templates among them', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    // every shipped template is in the corpus
    expect(corpus.filter((e) => e.name.startsWith('shipped-')).length).toBe(readdirSync(new URL('../templates', import.meta.url)).filter((f) => f.endsWith('.json')).length);
    expect(corpus.filter((e) => e.name.startsWith('ts-')).length).toBeGreaterThanOrEqual(30);
  });

  it.each(corpus.map((e) => [e.name, e] as const))('%s', (_name, e) => {
    // lint
    const errors = lintTemplate(corpusTemplate(e)).filter((f) => f.severity === 'error');
    expect(errors, JSON.stringify(errors)).toEqual([]);
    // computed, then validate: a draft and the complete form
    const sut = getValidator(e.schema);
    const units = e.units.map((u) => applyComputed(e.schema, u) as Record<string, unknown>);
    for (const u of units) {
      expect(sut.validateDraft(u)).toEqual([]);
      expect(sut.validateComplete(u)).toEqual([]);
    }
    // roll-up of two units, and the compiled report against its own schema
    const r = rollUp(e.schema, units.map((data, i) => ({ unitId: `u${i}`, unitCode: `0${i}`, unitName: `Đơn vị ${i + 1}`, data })));
    const compiledSchema = rollUpSchema(e.schema);
    expect(getValidator(compiledSchema).validateDraft(r.data)).toEqual([]);
    // …and one level up: a compiled report is rolled up again as a compiled child
    const up = rollUp(compiledSchema, [{ unitId: 'p', unitCode: 'p', unitName: 'Phòng', data: r.data, compiled: true }]);
    expect(getValidator(rollUpSchema(compiledSchema)).validateDraft(up.data)).toEqual([]);
    // every value entered arrives under its field's rule
    const checked = expectArrives(e.schema, e.schema, units, r.data, '');
    expect(checked).toBeGreaterThan(0);
    // diff: a version against itself changes nothing; a retitled field is one change
    expect(diffTemplates(e.schema, e.schema)).toEqual([]);
    // carry-forward into the same version keeps every answer
    for (const u of e.units) {
      const cf = carryForward(e.schema, e.schema, u);
      expect(cf.notCarried).toEqual([]);
      expect(sut.validateDraft(cf.data)).toEqual([]);
    }
  });
});

describe('corpus: what lint refuses, it refuses with a Vietnamese reason', () => {
  it.each(loadRefused().map((e) => [e.name, e] as const))('%s', (_name, e) => {
    const errors = lintTemplate(corpusTemplate({ ...e, source: '', uiSchema: {}, units: [] })).filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.message).join(' | ')).toMatch(new RegExp(e.refusedWith));
    for (const f of errors) expect(f.message).not.toMatch(/^(must|can't|strict mode|schema is invalid)/);
  });
});
