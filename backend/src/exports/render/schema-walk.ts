/**
 * Reading a template's JSON Schema + uiSchema for rendering: property order (ui:order), titles,
 * local $ref / allOf, what kind of field a property is, and its value formatted in Vietnamese.
 * Tolerant by design: a schema or data of an unexpected shape degrades to "…", never throws.
 */
import {
  displayOrder,
  escapeSegment,
  formatPercentVi,
  getAt,
  isPlainObject,
  parsePointer,
  propertyEntries,
  propertySchema,
  resolveSchema as resolveWithWalker,
  type JsonSchema,
} from '@bdg/schemas';
import { EMPTY, formatDateString, formatNumber, withUnit } from './vi-format.js';

export type Json = Record<string, unknown>;

export const isObj = isPlainObject as (v: unknown) => v is Json;
export { escapeSegment };

/** Keys never read from data (prototype pollution). */
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

export function own(o: unknown, key: string): unknown {
  if (!isObj(o) || FORBIDDEN.has(key) || !Object.prototype.hasOwnProperty.call(o, key)) return undefined;
  return o[key];
}

export function childPointer(parent: string, key: string | number): string {
  return `${parent}/${escapeSegment(String(key))}`;
}

/** Value at a JSON Pointer (RFC 6901), own properties only; undefined when absent or malformed. */
export function getAtPointer(data: unknown, pointer: string): unknown {
  try {
    return getAt(data, parsePointer(pointer));
  } catch {
    return undefined;
  }
}

/**
 * The schema at this place as @bdg/schemas' walker reads it: `$ref` (bundles with `$id` too)
 * followed, `allOf` merged, branches resolved against `value` when given, else every branch's
 * fields (a document lists them all, "…" where empty). Tolerant: {} for anything unreadable.
 */
export function resolveSchema(schema: unknown, root: unknown, value?: unknown): Json {
  if (!isObj(schema) || !isObj(root)) return {};
  try {
    return (resolveWithWalker(root as JsonSchema, schema as JsonSchema, value) ?? {}) as Json;
  } catch {
    return {};
  }
}

/** The resolved schema of an object's key: a declared property, or the map part that admits it. */
export function childSchema(parent: Json, key: string, root: unknown, value?: unknown): Json {
  if (!isObj(root)) return {};
  return resolveSchema(propertySchema(root as JsonSchema, parent as JsonSchema, key), root, value);
}

/** Primary JSON type of a schema, ignoring "null" in a type list; inferred when `type` is absent. */
export function schemaType(s: Json): string | undefined {
  const t = s.type;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.find((x): x is string => typeof x === 'string' && x !== 'null');
  if (isObj(s.properties)) return 'object';
  if (s.items !== undefined) return 'array';
  return undefined;
}

/** Properties of an object schema in display order: uiSchema `ui:order` (with `*`), else schema order (@bdg/schemas' rule). */
export function orderedKeys(s: Json, ui: unknown, data?: unknown, root?: unknown): string[] {
  // declared properties, then the data's keys a patternProperties/additionalProperties admits
  const props = isObj(root) ? propertyEntries(root as JsonSchema, s as JsonSchema, data).map(([k]) => k) : isObj(s.properties) ? Object.keys(s.properties) : [];
  return displayOrder(props, isObj(ui) ? ui['ui:order'] : undefined);
}

/** Columns of a table: the row schema's properties in display order, then any other key a row holds that its map part admits. */
export function columnKeys(items: Json, itemsUi: unknown, rows: unknown, root: unknown): string[] {
  const keys = orderedKeys(items, itemsUi, undefined, root);
  if (Array.isArray(rows)) for (const row of rows) for (const k of orderedKeys(items, {}, row, root)) if (!keys.includes(k)) keys.push(k);
  return keys;
}

export function uiFor(ui: unknown, key: string): Json {
  const u = own(ui, key);
  return isObj(u) ? u : {};
}

export function titleOf(s: Json, ui: Json, key: string): string {
  const t = ui['ui:title'] ?? s.title;
  return typeof t === 'string' && t.trim() !== '' ? t.trim() : key;
}

export function isHidden(ui: Json): boolean {
  return ui['ui:widget'] === 'hidden';
}

export function unitOf(s: Json): string | undefined {
  const u = s['x-unit'];
  return typeof u === 'string' && u.trim() !== '' ? u.trim() : undefined;
}

/**
 * Scale of a percentage field: 100 when the value is in percent (62.5 means 62,5%), from the
 * ratio rule's `scale` when there is one; undefined when the field is not a percentage.
 */
export function percentScale(s: Json): number | undefined {
  const agg = s['x-aggregate'];
  const ratioScale = isObj(agg) && isObj(agg.ratio) && typeof agg.ratio.scale === 'number' ? agg.ratio.scale : undefined;
  if (unitOf(s) === '%') return ratioScale ?? 100;
  return undefined;
}

export type FieldKind = 'section' | 'table' | 'list' | 'narrative' | 'scalar';

/** A string field written as running text: a textarea, a `concat` roll-up, or long/multi-line text. */
export function isNarrative(s: Json, ui: Json, value: unknown): boolean {
  if (ui['ui:widget'] === 'textarea' || s['x-aggregate'] === 'concat') return true;
  if (typeof s.maxLength === 'number' && s.maxLength > 500) return true;
  return typeof value === 'string' && (value.includes('\n') || value.length > 200);
}

export function fieldKind(s: Json, ui: Json, value: unknown): FieldKind {
  const t = schemaType(s);
  if (t === 'object') return 'section';
  if (t === 'array') {
    const items = isObj(s.items) ? s.items : {};
    return schemaType(items) === 'object' || isObj(items.properties) ? 'table' : 'list';
  }
  if ((t === 'string' || t === undefined) && isNarrative(s, ui, value)) return 'narrative';
  return 'scalar';
}

/** Label of an enum value: `oneOf`/`anyOf` [{const, title}] or uiSchema `ui:enumNames`. */
function enumLabel(s: Json, ui: Json, v: unknown): string | undefined {
  for (const alt of [s.oneOf, s.anyOf]) {
    if (!Array.isArray(alt)) continue;
    for (const o of alt) if (isObj(o) && o.const === v && typeof o.title === 'string') return o.title;
  }
  const names = ui['ui:enumNames'];
  if (Array.isArray(s.enum) && Array.isArray(names)) {
    const i = s.enum.indexOf(v);
    if (i >= 0 && typeof names[i] === 'string') return names[i];
  }
  return undefined;
}

export function isEmptyValue(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (typeof v === 'number' && !Number.isFinite(v));
}

/** The parts of a rolled-up ratio (provenance "Nguồn số liệu"), in the clerk's words. */
const VALUE_PART_LABELS: Record<string, string> = { numerator: 'tử số', denominator: 'mẫu số' };

/** A scalar value as Vietnamese text with its unit; "…" when missing. Type follows the value. */
export function formatScalar(s: Json, ui: Json, v: unknown, opts: { unit?: boolean } = {}): string {
  const unit = opts.unit === false ? undefined : unitOf(s);
  if (isEmptyValue(v)) return EMPTY;
  const label = enumLabel(s, ui, v);
  if (label !== undefined) return label;
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (typeof v === 'number') {
    const scale = percentScale(s);
    if (scale !== undefined) return formatPercentVi((v * 100) / scale, 2, EMPTY);
    return withUnit(formatNumber(v, 2), unit);
  }
  if (typeof v === 'string') {
    if (s.format === 'date') return formatDateString(v);
    if (s.format === 'date-time') return formatDateString(v, true);
    return withUnit(v.trim(), unit);
  }
  // a multiple choice (array of enum/oneOf-const items) prints each choice's title
  if (Array.isArray(v)) return v.map((x) => formatScalar(isObj(s.items) ? s.items : {}, isObj(ui.items) ? (ui.items as Json) : {}, x)).join('; ');
  if (isObj(v)) {
    return Object.entries(v)
      .map(([k, x]) => `${VALUE_PART_LABELS[k] ?? k}: ${formatScalar({}, {}, x)}`)
      .join('; ');
  }
  return String(v);
}

/**
 * A title's own outline number, when the template author wrote one: "I. Tình hình chung",
 * "A. Số liệu…", "2. Kết quả", "a) Với Ban…" → { number: "I.", text: "Tình hình chung" }.
 */
export function splitNumber(title: string): { number: string | null; text: string } {
  const m = /^((?:[IVXLCDM]{1,7}|[A-ZĐ]|\d{1,3}(?:\.\d{1,3})*)\.|[a-zđ]\)|\d{1,3}\))\s+(\S.*)$/u.exec(title.trim());
  return m ? { number: m[1]!, text: m[2]!.trim() } : { number: null, text: title.trim() };
}
