/**
 * Keywords whose stock AJV implementation is not linear in the input, replaced by linear ones:
 * - `pattern` / `patternProperties`: an RE2-class engine (re2js, pure JS: same code in Node and the browser),
 *   so `^(a+)+$` cannot backtrack exponentially;
 * - `uniqueItems`: one hash of each item's canonical JSON instead of AJV's pairwise comparison,
 *   and skipped when `maxItems` already failed (that error is reported on its own);
 * - `enum`: a set lookup of the canonical JSON instead of one deep comparison per allowed value.
 */
import type { ErrorObject, FuncKeywordDefinition, KeywordDefinition } from 'ajv/dist/2020.js';
import type { RegExpEngine } from 'ajv/dist/types/index.js';
import canonicalizeModule from 'canonicalize';
import { RE2JS } from 're2js';
import { usePatternEngine } from './walker.js';

type Canonicalize = (v: unknown) => string | undefined;
const canonicalize = ((canonicalizeModule as unknown as { default?: Canonicalize }).default ?? canonicalizeModule) as unknown as Canonicalize;

/** Compiles an ECMAScript pattern with re2js; throws when the pattern needs backtracking (backreferences, lookaround). */
export function compileLinearPattern(pattern: string): RE2JS {
  return RE2JS.compile(RE2JS.translateRegExp(pattern));
}

// The walker matches patternProperties keys with the same engine (walker.ts does not import re2js itself).
usePatternEngine(compileLinearPattern);

/** Why a pattern cannot run in linear time, or undefined when it can. */
export function linearPatternProblem(pattern: string): string | undefined {
  try {
    compileLinearPattern(pattern);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

const compiled = new Map<string, { test: (s: string) => boolean; toString: () => string }>();

/** AJV `code.regExp`: every schema pattern goes through re2js (AJV caches by toString, so it names the pattern). */
export const linearRegExp: RegExpEngine = Object.assign(
  (pattern: string): { test: (s: string) => boolean; toString: () => string } => {
    const hit = compiled.get(pattern);
    if (hit) return hit;
    const re = compileLinearPattern(pattern);
    const rx = { test: (s: string): boolean => re.test(s), toString: (): string => `re2js:${pattern}` };
    if (compiled.size > 5000) compiled.clear();
    compiled.set(pattern, rx);
    return rx;
  },
  { code: 'linearRegExp' },
);

/** Canonical JSON of a plain row (objects of primitives, the common case) without the library's generality. */
function flatKey(v: Record<string, unknown>): string | undefined {
  const keys = Object.keys(v).sort();
  let out = '{';
  for (const k of keys) {
    const x = v[k];
    if (x !== null && typeof x === 'object') return undefined;
    if (x === undefined) continue;
    out += `${JSON.stringify(k)}:${JSON.stringify(x)},`;
  }
  return out + '}';
}

function keyOf(v: unknown): string {
  // primitives are their own key; objects and arrays by canonical JSON (key order does not matter, 1 = 1.0)
  if (v === null || typeof v !== 'object') return typeof v === 'string' ? `s${v}` : `p${String(v)}`;
  const flat = Array.isArray(v) ? undefined : flatKey(v as Record<string, unknown>);
  return flat !== undefined ? `o${flat}` : `j${canonicalize(v) ?? ''}`;
}

type ValidateWithErrors = ((...args: unknown[]) => boolean) & { errors?: Partial<ErrorObject>[] };

const uniqueItems: FuncKeywordDefinition = {
  keyword: 'uniqueItems',
  type: 'array',
  schemaType: 'boolean',
  errors: true,
  validate: function validateUnique(this: unknown, enabled: boolean, data: unknown[], parent?: Record<string, unknown>): boolean {
    const self = validateUnique as unknown as ValidateWithErrors;
    if (!enabled) return true;
    const max = parent?.maxItems;
    // maxItems failed: that error stands alone, the rows are not compared
    if (typeof max === 'number' && data.length > max) return true;
    const first = new Map<string, number>();
    for (let j = 0; j < data.length; j++) {
      const k = keyOf(data[j]);
      const i = first.get(k);
      if (i !== undefined) {
        self.errors = [{ keyword: 'uniqueItems', params: { i: j, j: i }, message: `must NOT have duplicate items (items ## ${i} and ${j} are identical)` }];
        return false;
      }
      first.set(k, j);
    }
    return true;
  } as unknown as FuncKeywordDefinition['validate'],
};

const enumKeyword: FuncKeywordDefinition = {
  keyword: 'enum',
  schemaType: 'array',
  errors: true,
  compile(allowed: unknown[]) {
    const keys = new Set(allowed.map(keyOf));
    const validate = ((data: unknown): boolean => {
      if (keys.has(keyOf(data))) return true;
      validate.errors = [{ keyword: 'enum', params: { allowedValues: allowed }, message: 'must be equal to one of the allowed values' }];
      return false;
    }) as ValidateWithErrors;
    return validate as never;
  },
};

/** Replaces AJV's `uniqueItems` and `enum` by the linear versions above. */
export function useLinearKeywords(ajv: { removeKeyword(k: string): unknown; addKeyword(d: KeywordDefinition): unknown }): void {
  ajv.removeKeyword('uniqueItems');
  ajv.addKeyword(uniqueItems);
  ajv.removeKeyword('enum');
  ajv.addKeyword(enumKeyword);
}
