/** The roll-up plan of a schema: which fields roll up by which rule (branches merged, map parts kept). */
import { normalizeRule } from './aggregate-rule.js';
import { computedPlan, type ComputedSlot } from './computed.js';
import { isPlainObject, parsePointer } from './pointer.js';
import type { JsonSchema } from './types.js';
import { deref, hasMapPart, patternTest, resolveSchema, schemaAt } from './walker.js';

export type LeafKind = 'sum' | 'count' | 'countTrue' | 'min' | 'max' | 'concat' | 'first';
/** The map part of an object (additionalProperties/patternProperties): each key rolled up on its own. */
export interface MapPart {
  patterns: [string, Node | null][];
  additional: Node | null | undefined;
}
export type Node =
  | { t: 'object'; props: [string, Node][]; map?: MapPart }
  | { t: 'leaf'; kind: LeafKind }
  | { t: 'ratio'; num: string[]; den: string[]; scale: number }
  | { t: 'table'; key: string; row: Node & { t: 'object' } }
  | { t: 'rows' };

export interface Plan {
  root: Node & { t: 'object' };
  slots: ComputedSlot[];
}

const planCache = new WeakMap<JsonSchema, Plan>();

function buildNode(root: JsonSchema, s0: JsonSchema, depth: number): Node | null {
  if (depth > 64) return null;
  // every branch's fields are rolled up (a union): units may have taken different choices
  const s = resolveSchema(root, s0) ?? s0;
  const rule = normalizeRule(s);
  if (rule.kind === 'invalid' || rule.kind === 'none') return null;
  if (rule.kind === 'ratio') {
    return { t: 'ratio', num: parsePointer(rule.numerator), den: parsePointer(rule.denominator), scale: rule.scale };
  }
  if (rule.kind === 'groupBy') {
    const item = deref(root, s.items);
    if (!item) return null;
    const row = buildObject(root, item, depth + 1);
    return { t: 'table', key: rule.groupBy, row };
  }
  if (s.items && rule.kind === 'concat') return { t: 'rows' };
  if ((s.properties || hasMapPart(s)) && rule.kind === 'unset') return buildObject(root, s, depth + 1);
  if (rule.kind === 'unset') return null;
  return { t: 'leaf', kind: rule.kind };
}

function buildObject(root: JsonSchema, s0: JsonSchema, depth: number): Node & { t: 'object' } {
  const s = resolveSchema(root, s0) ?? s0;
  const props: [string, Node][] = [];
  for (const [k, raw] of Object.entries(s.properties ?? {})) {
    const c = deref(root, raw);
    if (!c) continue;
    const n = buildNode(root, c, depth);
    if (n) props.push([k, n]);
  }
  if (!hasMapPart(s)) return { t: 'object', props };
  const sub = (x: unknown): Node | null => {
    const c = isPlainObject(x) ? deref(root, x as JsonSchema) : undefined;
    return c ? buildNode(root, c, depth) : null;
  };
  const patterns = Object.entries(isPlainObject(s.patternProperties) ? s.patternProperties : {}).map(([p, x]) => [p, sub(x)] as [string, Node | null]);
  return { t: 'object', props, map: { patterns, additional: isPlainObject(s.additionalProperties) ? sub(s.additionalProperties) : undefined } };
}

/** The node for a key of a map part: the first matching pattern, else additionalProperties. */
export function mapNode(map: MapPart, key: string): Node | null {
  for (const [p, n] of map.patterns) if (patternTest(p, key)) return n;
  return map.additional ?? null;
}

export function plan(schema: JsonSchema): Plan {
  const hit = planCache.get(schema);
  if (hit) return hit;
  const root = buildObject(schema, deref(schema, schema) ?? schema, 0);
  const slots = computedPlan(schema).slots.filter((sl) => schemaAt(schema, sl.segments)?.['x-aggregate'] === undefined);
  const p = { root, slots };
  planCache.set(schema, p);
  return p;
}
