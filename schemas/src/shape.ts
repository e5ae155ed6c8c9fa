/**
 * Rules about a schema's shape that hold before anything else reads it, and the display order of
 * an object's fields. One place for each: the builder (import, raw editor, visual model), the
 * dashboard and the exports read them here.
 */
import { isPlainObject, toPointer } from './pointer.js';
import type { JsonSchema } from './types.js';

/**
 * An object's keys in display order: uiSchema `ui:order` first (RJSF's rule: `*` stands for every
 * key it does not name; without `*` those come last), names of no key ignored.
 */
export function displayOrder(keys: readonly string[], uiOrder: unknown): string[] {
  if (!Array.isArray(uiOrder)) return [...keys];
  const present = new Set(keys);
  // each name once (its first place), and one `*`
  const listed = [...new Set(uiOrder.filter((k): k is string => typeof k === 'string' && (k === '*' || present.has(k))))];
  const named = new Set(listed);
  const rest = keys.filter((k) => !named.has(k));
  const star = listed.indexOf('*');
  const withoutStar = listed.filter((k) => k !== '*');
  if (star < 0) return [...withoutStar, ...rest];
  return [...listed.slice(0, star), ...rest, ...listed.slice(star + 1)].filter((k) => k !== '*');
}

/** The one type of a field, a `null` alternative aside (["number","null"] → "number"); undefined when there are several. */
export function nonNullType(s: JsonSchema | undefined): string | undefined {
  if (!s) return undefined;
  if (typeof s.type === 'string') return s.type;
  if (!Array.isArray(s.type)) return undefined;
  const t = (s.type as unknown[]).filter((x) => x !== 'null');
  return t.length === 1 && typeof t[0] === 'string' ? t[0] : undefined;
}

const JSON_TYPES = new Set(['object', 'array', 'string', 'number', 'integer', 'boolean', 'null']);
const NUMBER_KEYWORDS = ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems'];
const STRING_KEYWORDS = ['title', 'description', 'x-computed', 'x-unit'];

/**
 * Structural problems that make a pasted or imported document unusable as a form schema, each in
 * Vietnamese with the JSON Pointer of the schema it is about ("(gốc)" for the root). Walks the
 * raw document (properties and items), since a malformed schema cannot be dereferenced.
 */
export function schemaShapeProblems(schema: unknown, at: readonly string[] = []): string[] {
  const where = at.length ? toPointer(at) : '(gốc)';
  if (!isPlainObject(schema)) return [`${where}: mỗi lược đồ phải là một đối tượng JSON { … }.`];
  const s = schema;
  const out: string[] = [];
  const types = Array.isArray(s.type) ? s.type : s.type === undefined ? [] : [s.type];
  for (const t of types)
    if (typeof t !== 'string' || !JSON_TYPES.has(t)) out.push(`${where}: kiểu “${String(t)}” không phải kiểu của JSON Schema.`);
  for (const k of NUMBER_KEYWORDS) if (s[k] !== undefined && typeof s[k] !== 'number') out.push(`${where}: “${k}” phải là một số.`);
  for (const k of STRING_KEYWORDS) if (s[k] !== undefined && typeof s[k] !== 'string') out.push(`${where}: “${k}” phải là chuỗi ký tự.`);
  if (s.enum !== undefined && !Array.isArray(s.enum)) out.push(`${where}: “enum” phải là một danh sách.`);
  if (s.required !== undefined && (!Array.isArray(s.required) || s.required.some((r) => typeof r !== 'string')))
    out.push(`${where}: “required” phải là danh sách tên trường.`);
  if (s.properties !== undefined) {
    if (!isPlainObject(s.properties)) out.push(`${where}: “properties” phải là một đối tượng.`);
    else for (const [k, v] of Object.entries(s.properties)) out.push(...schemaShapeProblems(v, [...at, k]));
  }
  if (s.items !== undefined && !Array.isArray(s.items)) out.push(...schemaShapeProblems(s.items, [...at, 'items']));
  return out;
}
