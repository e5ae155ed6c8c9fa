/**
 * The one schema walker: every consumer (validation messages, roll-up, computed fields, diff,
 * exports, the builder) reads a template's schema through it, so they agree on what a field is.
 *
 * - `$ref` is dereferenced against the base URI of the schema it sits in: local pointers, bundles
 *   whose `$defs` carry their own `$id`, and `$anchor`s. Siblings of `$ref` (a field's own
 *   `title`) win over the target's.
 * - `allOf` is merged; `anyOf`/`oneOf`, `if`/`then`/`else`, `dependentSchemas` (and RJSF's
 *   `dependencies` with schemas) are resolved against the data when it is given (the branch the
 *   data matches, as AJV decides), and merged as a union when it is not (every field any branch
 *   may hold: the roll-up, the compiled report's schema and the builder need all of them).
 * - `oneOf`/`anyOf` whose choices are all `const` (a choice list with titles) stay as they are.
 * - `additionalProperties`/`patternProperties`: {@link propertyEntries} lists the declared
 *   properties, then the data's other keys with the schema that applies to each.
 */
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { getAt, isArraySegment, isPlainObject, parsePointer } from './pointer.js';
import { deref, indexOf, ROOT_BASE } from './schema-index.js';
export { deref, inlineRefs } from './schema-index.js';
import type { JsonSchema } from './types.js';

// ---- matching a branch against data (AJV decides, as in validation) ----
const matchers = new WeakMap<JsonSchema, { ajv: MatcherAjv; fns: WeakMap<object, ValidateFunction | null> }>();
interface MatcherAjv {
  addSchema(s: object, key?: string): unknown;
  getSchema(ref: string): ValidateFunction | undefined;
}
let makeAjv: (() => MatcherAjv) | undefined;
/** validation.ts hands its AJV factory over (avoids an import cycle and keeps one configuration). */
export function useMatcherAjv(factory: () => MatcherAjv): void {
  makeAjv = factory;
}

function matcherFor(root: JsonSchema, sub: JsonSchema): ValidateFunction | null {
  if (!makeAjv) return null;
  let m = matchers.get(root);
  if (!m) {
    const ajv = makeAjv();
    try {
      ajv.addSchema(root, typeof root.$id === 'string' ? undefined : ROOT_BASE);
    } catch {
      /* a schema AJV refuses: fall back to the shape test below */
    }
    m = { ajv, fns: new WeakMap() };
    matchers.set(root, m);
  }
  const hit = m.fns.get(sub);
  if (hit !== undefined) return hit;
  const idx = indexOf(root);
  const base = idx.base.get(sub);
  const rel = idx.rel.get(sub);
  let fn: ValidateFunction | null = null;
  if (base !== undefined && rel !== undefined) {
    const frag = parsePointer(rel).map((x) => '/' + encodeURIComponent(x.replace(/~/g, '~0').replace(/\//g, '~1'))).join('');
    try {
      fn = m.ajv.getSchema(`${base}#${frag}`) ?? null;
    } catch {
      fn = null;
    }
  }
  m.fns.set(sub, fn);
  return fn;
}

/** Does the data satisfy this subschema of root? (AJV; a const/enum/required test if AJV cannot.) */
export function matchesBranch(root: JsonSchema, sub: unknown, data: unknown): boolean {
  if (sub === true) return true;
  if (sub === false || !isPlainObject(sub)) return false;
  const fn = matcherFor(root, sub as JsonSchema);
  if (fn) return fn(data) === true;
  return shapeMatches(root, sub as JsonSchema, data);
}

function shapeMatches(root: JsonSchema, s0: JsonSchema, data: unknown): boolean {
  const s = deref(root, s0);
  if (!s) return false;
  if (s.const !== undefined) return JSON.stringify(s.const) === JSON.stringify(data);
  if (Array.isArray(s.enum)) return s.enum.some((e) => JSON.stringify(e) === JSON.stringify(data));
  if (!isPlainObject(data)) return !s.properties;
  for (const r of Array.isArray(s.required) ? s.required : []) if (!Object.prototype.hasOwnProperty.call(data, r)) return false;
  for (const [k, p] of Object.entries(s.properties ?? {})) {
    if (!Object.prototype.hasOwnProperty.call(data, k) || !isPlainObject(p)) continue;
    if ((p.const !== undefined || Array.isArray(p.enum)) && !shapeMatches(root, p, data[k])) return false;
  }
  return true;
}

// ---- resolving applicators ----
/** A `oneOf`/`anyOf` that is a list of titled constants: a choice field, not branches. */
export function isChoiceList(alts: unknown): boolean {
  return Array.isArray(alts) && alts.length > 0 && alts.every((a) => isPlainObject(a) && a.const !== undefined && !a.properties);
}

const APPLICATORS = ['allOf', 'anyOf', 'oneOf', 'if', 'then', 'else', 'dependentSchemas', 'dependencies'] as const;

function hasApplicators(s: JsonSchema): boolean {
  return APPLICATORS.some((k) => s[k] !== undefined);
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Merges schema b into a: properties merged key by key, first title and rule kept, consts widened to enums. */
export function mergeSchemas(root: JsonSchema, a: JsonSchema, b: JsonSchema, withRequired = true): JsonSchema {
  const out: JsonSchema = { ...a };
  for (const [k, v] of Object.entries(b)) {
    if (k === 'properties' || k === 'patternProperties') {
      const props: Record<string, JsonSchema> = { ...((out[k] as Record<string, JsonSchema> | undefined) ?? {}) };
      for (const [pk, pv] of Object.entries((v ?? {}) as Record<string, JsonSchema>)) {
        const prev = props[pk];
        const pd = deref(root, pv) ?? pv;
        props[pk] = prev ? mergeSchemas(root, deref(root, prev) ?? prev, pd, withRequired) : pd;
      }
      out[k] = props;
    } else if (k === 'required') {
      if (!withRequired || !Array.isArray(v)) continue;
      out.required = [...new Set([...(Array.isArray(out.required) ? out.required : []), ...(v as string[])])];
    } else if (k === 'const' && out.const !== undefined && !sameJson(out.const, v)) {
      out.enum = [out.const, v];
      delete out.const;
    } else if (k === 'const' && Array.isArray(out.enum)) {
      if (!out.enum.some((e) => sameJson(e, v))) out.enum = [...out.enum, v];
    } else if (k === 'enum' && Array.isArray(out.enum) && Array.isArray(v)) {
      out.enum = [...out.enum, ...v.filter((x) => !(out.enum as unknown[]).some((e) => sameJson(e, x)))];
    } else if (out[k] === undefined) out[k] = v;
  }
  return out;
}

/**
 * The schema at this place with `$ref` followed and applicators resolved: against `data` when it
 * is given (the branches the data takes), else the union of every branch (`required` of optional
 * branches left out, since a compiled report or a field list cannot promise them).
 */
export function resolveSchema(root: JsonSchema, s0: JsonSchema | undefined, data?: unknown, depth = 0): JsonSchema | undefined {
  const s = deref(root, s0);
  if (!s || depth > 32 || !hasApplicators(s)) return s;
  const known = data !== undefined;
  let out: JsonSchema = { ...s };
  for (const k of APPLICATORS) delete out[k];
  const take = (sub: unknown, required: boolean): void => {
    if (!isPlainObject(sub)) return;
    const r = resolveSchema(root, sub as JsonSchema, data, depth + 1);
    if (r) out = mergeSchemas(root, out, r, required);
  };
  for (const part of Array.isArray(s.allOf) ? s.allOf : []) take(part, true);
  if (s.if !== undefined) {
    if (!known) {
      take(s.then, false);
      take(s.else, false);
    } else take(matchesBranch(root, s.if, data) ? s.then : s.else, true);
  }
  const deps = { ...(isPlainObject(s.dependentSchemas) ? s.dependentSchemas : {}), ...(isPlainObject(s.dependencies) ? s.dependencies : {}) };
  for (const [k, sub] of Object.entries(deps)) {
    if (Array.isArray(sub)) continue; // a list of names (dependentRequired): validation only
    if (!known) take(sub, false);
    else if (isPlainObject(data) && Object.prototype.hasOwnProperty.call(data, k)) take(sub, true);
  }
  if (isPlainObject(s.dependencies)) {
    const names = Object.entries(s.dependencies).filter(([, v]) => Array.isArray(v));
    if (names.length) out.dependencies = Object.fromEntries(names);
  }
  for (const kw of ['oneOf', 'anyOf'] as const) {
    const alts = s[kw];
    if (!Array.isArray(alts)) continue;
    if (isChoiceList(alts)) {
      out[kw] = alts;
      continue;
    }
    let chosen = known ? alts.filter((a) => matchesBranch(root, a, data)) : alts;
    if (known && kw === 'oneOf' && chosen.length > 1) chosen = chosen.slice(0, 1);
    if (chosen.length === 0) for (const a of alts) take(a, false);
    else for (const a of chosen) take(a, known);
  }
  return out;
}

/** Which schema applies to a key of an object: a declared property, a matching pattern, or additionalProperties. */
export function propertySchema(root: JsonSchema, s: JsonSchema, key: string): JsonSchema | undefined {
  const props = s.properties;
  if (isPlainObject(props) && Object.prototype.hasOwnProperty.call(props, key)) return deref(root, props[key] as JsonSchema);
  for (const [pattern, sub] of Object.entries(isPlainObject(s.patternProperties) ? s.patternProperties : {})) {
    if (patternTest(pattern, key) && isPlainObject(sub)) return deref(root, sub as JsonSchema);
  }
  if (isPlainObject(s.additionalProperties)) return deref(root, s.additionalProperties as JsonSchema);
  return undefined;
}

type PatternEngine = (pattern: string) => { test(s: string): boolean };
let compilePattern: PatternEngine | undefined;
/**
 * linear-keywords.ts hands its RE2 engine over (as validation.ts hands its AJV): patterns run in linear time as in
 * validation, and a browser page whose template has no patternProperties never loads the engine (~45 kB).
 */
export function usePatternEngine(engine: PatternEngine): void {
  compilePattern = engine;
}

const regexCache = new Map<string, { test(s: string): boolean } | null>();
/** JSON Schema patterns are unanchored; they run on RE2 (linear time), as in validation (lane 13a). */
export function patternTest(pattern: string, key: string): boolean {
  let re = regexCache.get(pattern);
  if (re === undefined) {
    // never a silent "no match": a page that walks patternProperties loads linear-keywords first
    if (!compilePattern) throw new Error('@bdg/schemas: patternProperties need the linear pattern engine (linear-keywords.ts), not loaded');
    try {
      re = compilePattern(pattern);
    } catch {
      re = null;
    }
    if (regexCache.size > 1000) regexCache.clear();
    regexCache.set(pattern, re);
  }
  return re ? re.test(key) : false;
}

/** Has the object a map part (keys the author did not name)? */
export function hasMapPart(s: JsonSchema): boolean {
  return (isPlainObject(s.patternProperties) && Object.keys(s.patternProperties).length > 0) || isPlainObject(s.additionalProperties);
}

/** Declared properties in the author's order, then the data's other keys that a pattern or additionalProperties admits. */
export function propertyEntries(root: JsonSchema, s: JsonSchema, data?: unknown): [string, JsonSchema][] {
  const out: [string, JsonSchema][] = [];
  const props = isPlainObject(s.properties) ? s.properties : {};
  for (const [k, v] of Object.entries(props)) {
    const d = deref(root, v as JsonSchema);
    if (d && isPlainObject(d)) out.push([k, d]);
  }
  if (isPlainObject(data) && hasMapPart(s)) {
    for (const k of Object.keys(data)) {
      if (Object.prototype.hasOwnProperty.call(props, k)) continue;
      const sub = propertySchema(root, s, k);
      if (sub) out.push([k, sub]);
    }
  }
  return out;
}

// ---- reading a schema along a data path ----
export interface SchemaStep {
  segment: string;
  schema: JsonSchema | undefined;
  /** true when this step enters a row of an array */
  isItem: boolean;
}

/** The item schema of an array at a row index: `prefixItems[i]`, else `items`. */
export function itemSchema(root: JsonSchema, s: JsonSchema, seg: string): JsonSchema | undefined {
  if (Array.isArray(s.prefixItems) && /^\d+$/.test(seg) && Number(seg) < s.prefixItems.length)
    return deref(root, s.prefixItems[Number(seg)] as JsonSchema);
  if (isPlainObject(s.items)) return deref(root, s.items as JsonSchema);
  return undefined;
}

function isArrayLike(s: JsonSchema): boolean {
  return s.items !== undefined || s.prefixItems !== undefined || s.type === 'array' || (Array.isArray(s.type) && s.type.includes('array'));
}

/**
 * Steps from the schema root down a data pointer (schema undefined where nothing applies). With
 * `data`, branches are resolved against the data found along the path; without it, as a union.
 */
export function schemaPath(root: JsonSchema, segments: readonly string[], data?: unknown): SchemaStep[] {
  const steps: SchemaStep[] = [];
  let value: unknown = data;
  let cur: JsonSchema | undefined = resolveSchema(root, root, value);
  for (const seg of segments) {
    let next: JsonSchema | undefined;
    let isItem = false;
    value = data === undefined ? undefined : getAt(value, [seg]);
    if (cur) {
      const props = cur.properties;
      if (isPlainObject(props) && Object.prototype.hasOwnProperty.call(props, seg)) next = deref(root, props[seg] as JsonSchema);
      else if (isArrayLike(cur) && isArraySegment(seg)) {
        next = itemSchema(root, cur, seg);
        isItem = true;
      } else if (hasMapPart(cur)) {
        next = seg === '*' ? mapValueSchema(root, cur) : propertySchema(root, cur, seg);
      }
      next = next ? resolveSchema(root, next, value) : undefined;
    } else if (isArraySegment(seg)) isItem = true;
    steps.push({ segment: seg, schema: next, isItem });
    cur = next;
  }
  return steps;
}

/** The schema of a map's values when no key is known: additionalProperties, else the first pattern. */
export function mapValueSchema(root: JsonSchema, s: JsonSchema): JsonSchema | undefined {
  if (isPlainObject(s.additionalProperties)) return deref(root, s.additionalProperties as JsonSchema);
  const first = Object.values(isPlainObject(s.patternProperties) ? s.patternProperties : {})[0];
  return isPlainObject(first) ? deref(root, first as JsonSchema) : undefined;
}

export function schemaAt(root: JsonSchema, pointer: string | readonly string[], data?: unknown): JsonSchema | undefined {
  const segs = typeof pointer === 'string' ? parsePointer(pointer) : pointer;
  if (segs.length === 0) return resolveSchema(root, root, data);
  const steps = schemaPath(root, segs, data);
  return steps[steps.length - 1]?.schema;
}

/** A field's type as a comparable string: "integer", "number|null", "string(date)". */
export function typeLabel(s: JsonSchema | undefined): string {
  if (!s) return 'unknown';
  let t: string[];
  if (Array.isArray(s.type)) t = [...(s.type as string[])].sort();
  else if (typeof s.type === 'string') t = [s.type];
  else if (s.properties) t = ['object'];
  else if (s.items) t = ['array'];
  else t = ['any'];
  let label = t.join('|');
  if (typeof s.format === 'string') label += `(${s.format})`;
  return label;
}

export function typesOf(s: JsonSchema | undefined): string[] {
  if (!s) return [];
  if (Array.isArray(s.type)) return s.type as string[];
  if (typeof s.type === 'string') return [s.type];
  if (s.properties) return ['object'];
  if (s.items) return ['array'];
  return [];
}

export interface FieldVisit {
  /** Data path; "*" stands for every row of an array, or every key of a map part */
  segments: string[];
  schema: JsonSchema;
  parent: JsonSchema | undefined;
  inArray: boolean;
  /** true for the value schema of additionalProperties/patternProperties */
  inMap: boolean;
}

/**
 * Visits every field (properties of every branch, array rows, map values) in the author's order,
 * each schema resolved as a union. Return false from `visit` to skip a field's children.
 */
export function walkFields(root: JsonSchema, visit: (f: FieldVisit) => boolean | void): void {
  const seen = new Set<JsonSchema>();
  const rec = (s0: JsonSchema, segs: string[], inArray: boolean, inMap: boolean, depth: number): void => {
    const s = resolveSchema(root, s0);
    if (!s || depth > 64 || seen.has(s0)) return;
    seen.add(s0);
    const child = (k: string, raw: JsonSchema, rowOrKey: 'prop' | 'map'): void => {
      const c = resolveSchema(root, raw);
      if (!c || !isPlainObject(c)) return;
      const childSegs = [...segs, k];
      const m = inMap || rowOrKey === 'map';
      const descend = visit({ segments: childSegs, schema: c, parent: s, inArray, inMap: m });
      if (descend !== false) rec(raw, childSegs, inArray, m, depth + 1);
    };
    for (const [k, raw] of Object.entries(isPlainObject(s.properties) ? s.properties : {})) child(k, raw as JsonSchema, 'prop');
    const mv = hasMapPart(s) ? mapValueSchema(root, s) : undefined;
    if (mv) child('*', mv, 'map');
    if (isPlainObject(s.items)) {
      const item = deref(root, s.items as JsonSchema);
      if (item) rec(item, [...segs, '*'], true, inMap, depth + 1);
    }
    seen.delete(s0);
  };
  rec(root, [], false, false, 0);
}

export function isObjectSchema(s: JsonSchema | undefined): boolean {
  return !!s && (typesOf(s).includes('object') || !!s.properties);
}
export function isArraySchema(s: JsonSchema | undefined): boolean {
  return !!s && (typesOf(s).includes('array') || !!s.items);
}
/** A leaf field: neither an object with properties nor an array. */
export function isLeaf(s: JsonSchema): boolean {
  return !isObjectSchema(s) && !isArraySchema(s);
}
