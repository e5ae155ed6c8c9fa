/**
 * Size bounds of a template: product defaults for arrays and strings that declare none, the hard
 * ceilings lint enforces, and the bounds-only schema checked before the full validation, so that a
 * body over a limit is refused after one linear pass and nothing costlier runs on it.
 */
import { isPlainObject } from './pointer.js';
import type { JsonSchema } from './types.js';

/** Product defaults (schemas/README.md, "Giới hạn kích thước"). */
export const DEFAULT_MAX_ITEMS = 500;
export const DEFAULT_MAX_LENGTH = 2000;
export const DEFAULT_MAX_PROPERTIES = 500;
/** Ceilings lint refuses to go above. */
export const LIMIT_MAX_ITEMS = 5000;
export const LIMIT_MAX_LENGTH = 50_000;
export const LIMIT_ENUM_VALUES = 2000;
export const LIMIT_PATTERN_LENGTH = 1000;
/** Worst number of rows of the deepest nesting (product of maxItems along a path). */
export const LIMIT_TOTAL_ROWS = 20_000;

function typeList(s: Record<string, unknown>): string[] {
  return Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === 'string' ? [s.type] : [];
}
export function isArrayNode(s: Record<string, unknown>): boolean {
  return typeList(s).includes('array') || s.items !== undefined || s.prefixItems !== undefined;
}
export function isStringNode(s: Record<string, unknown>): boolean {
  return typeList(s).includes('string') && s.enum === undefined && s.const === undefined;
}
export function isOpenObjectNode(s: Record<string, unknown>): boolean {
  return s.patternProperties !== undefined || isPlainObject(s.additionalProperties) || (typeList(s).includes('object') && s.properties === undefined && s.additionalProperties !== false);
}

/** Keywords whose value is one subschema, a list of them, or a map of them. */
const SUB_ONE = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties'];
const SUB_LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SUB_MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];

function mapSubschemas(s: Record<string, unknown>, f: (x: unknown) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { ...s };
  for (const k of SUB_ONE) if (isPlainObject(s[k])) out[k] = f(s[k]);
  for (const k of SUB_LIST) if (Array.isArray(s[k])) out[k] = (s[k] as unknown[]).map(f);
  for (const k of SUB_MAP)
    if (isPlainObject(s[k])) out[k] = Object.fromEntries(Object.entries(s[k] as Record<string, unknown>).map(([n, x]) => [n, f(x)]));
  return out;
}

/**
 * Schemas derived by the code rather than written by an admin (the roll-up of a compiled report, whose
 * text and tables concatenate many units' answers): no product default applies to them.
 */
const derived = new WeakSet<object>();
export function markDerivedSchema<T extends object>(schema: T): T {
  derived.add(schema);
  return schema;
}

/** The schema with the product defaults written in wherever an array, string or open object has no bound. */
export function withDefaultBounds(schema: JsonSchema): JsonSchema {
  if (derived.has(schema)) return schema;
  const rec = (v: unknown, depth: number): unknown => {
    if (!isPlainObject(v) || depth > 100) return v;
    const out = mapSubschemas(v, (x) => rec(x, depth + 1));
    if (isArrayNode(v) && v.maxItems === undefined) out.maxItems = DEFAULT_MAX_ITEMS;
    if (isStringNode(v) && v.maxLength === undefined) out.maxLength = DEFAULT_MAX_LENGTH;
    if (isOpenObjectNode(v) && v.maxProperties === undefined) out.maxProperties = DEFAULT_MAX_PROPERTIES;
    return out;
  };
  return rec(schema, 0) as JsonSchema;
}

const BOUND_KEYS = ['maxItems', 'maxLength', 'maxProperties'];
const STRUCTURE_KEYS = ['$schema', '$ref', 'title'];

/**
 * Only the size bounds and the structure that reaches them (properties, items, $ref, allOf):
 * checking it costs one pass over the data whatever the template says.
 */
export function boundsOnlySchema(schema: JsonSchema): JsonSchema {
  const rec = (v: unknown, depth: number): unknown => {
    if (!isPlainObject(v) || depth > 100) return {};
    const out: Record<string, unknown> = {};
    for (const k of [...BOUND_KEYS, ...STRUCTURE_KEYS]) if (v[k] !== undefined) out[k] = v[k];
    // a bundle's $ref resolve against its $id and $anchor names (lane 15b)
    for (const k of ['$id', '$anchor']) if (typeof v[k] === 'string') out[k] = v[k];
    if (isPlainObject(v.items)) out.items = rec(v.items, depth + 1);
    if (Array.isArray(v.prefixItems)) out.prefixItems = v.prefixItems.map((x) => rec(x, depth + 1));
    if (Array.isArray(v.allOf)) out.allOf = v.allOf.map((x) => rec(x, depth + 1));
    // draft-07's "definitions" is $defs by another name: refs into it must still resolve
    for (const k of ['properties', 'patternProperties', '$defs', 'definitions'])
      if (isPlainObject(v[k])) out[k] = Object.fromEntries(Object.entries(v[k] as Record<string, unknown>).map(([n, x]) => [n, rec(x, depth + 1)]));
    // additionalProperties applies to names the two maps above do not cover, so it is kept only beside them
    if (isPlainObject(v.additionalProperties)) out.additionalProperties = rec(v.additionalProperties, depth + 1);
    return out;
  };
  return rec(schema, 0) as JsonSchema;
}
