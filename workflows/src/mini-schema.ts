/**
 * A small, dependency-free validator for the subset of JSON Schema (draft-07) that
 * flowDefinitionSchema and the vocabulary's params schemas use. It reports findings in
 * Vietnamese with JSON pointers, never evaluates code and never recurses deeper than the
 * input (which readInput() has already bounded).
 *
 * Supported keywords: type, enum, const, properties, required, additionalProperties,
 * propertyNames, minProperties, maxProperties, items, minItems, maxItems, minLength,
 * maxLength, pattern, minimum, maximum, anyOf, $ref (#/definitions/...), plus the
 * annotation `x-kind` ('guard' | 'action') that improves the message for code in a name.
 */
import type { Finding } from './types.js';
import { pointer } from './json-pointer.js';

export type JsonSchema = { readonly [k: string]: unknown };

const TYPE_NAMES: Record<string, string> = {
  object: 'một đối tượng',
  array: 'một danh sách',
  string: 'một chuỗi',
  integer: 'một số nguyên',
  number: 'một số',
  boolean: 'đúng/sai (true/false)',
  null: 'null',
};

const patternCache = new Map<string, RegExp>();
function regex(source: string): RegExp {
  let r = patternCache.get(source);
  if (!r) {
    r = new RegExp(source, 'u');
    patternCache.set(source, r);
  }
  return r;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function matchesType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isPlainObject(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    default:
      return false;
  }
}

function show(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** Looks like program text rather than a name. */
export function looksLikeCode(s: string): boolean {
  return /[(){};=<>`$\s]|=>|\bfunction\b|\beval\b|\bimport\b|\brequire\b/.test(s);
}

function resolveRef(root: JsonSchema, ref: string): JsonSchema {
  const m = /^#\/definitions\/([A-Za-z0-9_]+)$/.exec(ref);
  const defs = root['definitions'];
  if (!m || !isPlainObject(defs) || !isPlainObject(defs[m[1]!])) throw new Error(`Unsupported $ref ${ref}`);
  return defs[m[1]!] as JsonSchema;
}

export function validateAgainstSchema(
  schema: JsonSchema,
  value: unknown,
  path = '',
  root: JsonSchema = schema,
): Finding[] {
  const out: Finding[] = [];
  validate(schema, value, path, root, out);
  return out;
}

function err(out: Finding[], path: string, message: string): void {
  out.push({ severity: 'error', path, message });
}

function typeOk(schemaIn: JsonSchema, value: unknown, root?: JsonSchema): boolean {
  let schema = schemaIn;
  while (root && typeof schema['$ref'] === 'string') schema = resolveRef(root, schema['$ref']);
  if (root && Array.isArray(schema['anyOf']) && schema['type'] === undefined)
    return (schema['anyOf'] as JsonSchema[]).some((b) => typeOk(b, value, root));
  const t = schema['type'];
  if (t === undefined) return true;
  const types = Array.isArray(t) ? (t as string[]) : [t as string];
  return types.some((x) => matchesType(value, x));
}

/** Where one check runs: the value's pointer, the root (for $ref) and where findings go. */
interface At {
  path: string;
  root: JsonSchema;
  out: Finding[];
}

function validate(schemaIn: JsonSchema, value: unknown, path: string, root: JsonSchema, out: Finding[]): void {
  let schema = schemaIn;
  while (typeof schema['$ref'] === 'string') schema = resolveRef(root, schema['$ref']);
  const at: At = { path, root, out };
  if (Array.isArray(schema['anyOf'])) checkAnyOf(schema['anyOf'] as JsonSchema[], value, at);
  if (!typeOk(schema, value)) {
    const t = schema['type'];
    const types = Array.isArray(t) ? (t as string[]) : [t as string];
    err(out, path, `Phải là ${types.map((x) => TYPE_NAMES[x] ?? x).join(' hoặc ')}`);
    return;
  }
  if (Array.isArray(schema['enum']) && !(schema['enum'] as unknown[]).some((e) => e === value)) {
    err(out, path, `Giá trị «${show(value)}» không hợp lệ; chỉ được là một trong: ${(schema['enum'] as unknown[]).map(String).join(', ')}`);
  }
  if ('const' in schema && schema['const'] !== value) err(out, path, `Phải là «${String(schema['const'])}»`);
  if (typeof value === 'string') checkString(schema, value, at);
  if (typeof value === 'number') {
    const min = schema['minimum'];
    const max = schema['maximum'];
    if (typeof min === 'number' && value < min) err(out, path, `Phải lớn hơn hoặc bằng ${min}`);
    if (typeof max === 'number' && value > max) err(out, path, `Phải nhỏ hơn hoặc bằng ${max}`);
  }
  if (Array.isArray(value)) {
    const min = schema['minItems'];
    const max = schema['maxItems'];
    if (typeof min === 'number' && value.length < min) err(out, path, `Cần ít nhất ${min} phần tử`);
    if (typeof max === 'number' && value.length > max) err(out, path, `Nhiều nhất ${max} phần tử`);
    const items = schema['items'];
    if (isPlainObject(items)) value.forEach((v, i) => validate(items, v, pointer(path, i), root, out));
  }
  if (isPlainObject(value)) checkObject(schema, value, at);
}

/** anyOf: one branch must hold; otherwise the findings of the branch whose type fits, or what was expected. */
function checkAnyOf(anyOf: JsonSchema[], value: unknown, { path, root, out }: At): void {
  const branches = anyOf.map((b) => {
    let s = b;
    while (typeof s['$ref'] === 'string') s = resolveRef(root, s['$ref']);
    return s;
  });
  const results = branches.map((b) => {
    const sub: Finding[] = [];
    validate(b, value, path, root, sub);
    return sub;
  });
  if (results.some((r) => r.length === 0)) return;
  const i = branches.findIndex((b) => typeOk(b, value, root));
  if (i >= 0) out.push(...results[i]!);
  else err(out, path, `Phải là ${branches.map((x) => describeSchema(x)).join(' hoặc ')}`);
}

/** Lengths and pattern; a guard or action name that looks like code says that code never runs. */
function checkString(schema: JsonSchema, value: string, { path, out }: At): void {
  const min = schema['minLength'];
  const max = schema['maxLength'];
  if (typeof min === 'number' && value.trim().length < min) err(out, path, min <= 1 ? 'Không được để trống' : `Cần ít nhất ${min} ký tự`);
  if (typeof max === 'number' && value.length > max) err(out, path, `Dài quá ${max} ký tự`);
  const pattern = schema['pattern'];
  if (typeof pattern !== 'string' || regex(pattern).test(value)) return;
  const kind = schema['x-kind'];
  if ((kind === 'guard' || kind === 'action') && looksLikeCode(value)) {
    err(
      out,
      path,
      `${kind === 'guard' ? 'Điều kiện' : 'Hành động'} «${show(value)}» chứa mã lệnh: chỉ được dùng tên có trong bộ từ vựng; mã lệnh không bao giờ được chạy`,
    );
  } else {
    const hint = typeof schema['description'] === 'string' ? `: ${schema['description']}` : '';
    err(out, path, `«${show(value)}» không hợp lệ${hint}`);
  }
}

/** Required properties, counts, property names, and each property against its schema (or additionalProperties). */
function checkObject(schema: JsonSchema, value: Record<string, unknown>, { path, root, out }: At): void {
  const keys = Object.keys(value);
  const props = isPlainObject(schema['properties']) ? (schema['properties'] as Record<string, JsonSchema>) : {};
  const required = Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];
  for (const r of required) if (!Object.prototype.hasOwnProperty.call(value, r)) err(out, path, `Thiếu thuộc tính bắt buộc «${r}»`);
  const min = schema['minProperties'];
  const max = schema['maxProperties'];
  if (typeof min === 'number' && keys.length < min) err(out, path, min <= 1 ? 'Không được để trống' : `Cần ít nhất ${min} mục`);
  if (typeof max === 'number' && keys.length > max) err(out, path, `Nhiều nhất ${max} mục`);
  const names = schema['propertyNames'];
  const additional = schema['additionalProperties'];
  for (const k of keys) {
    const p = pointer(path, k);
    if (isPlainObject(names)) {
      const sub: Finding[] = [];
      validate(names, k, p, root, sub);
      for (const f of sub) out.push({ ...f, message: `Tên «${show(k)}»: ${f.message}` });
    }
    if (Object.prototype.hasOwnProperty.call(props, k)) validate(props[k]!, value[k], p, root, out);
    else if (additional === false) err(out, p, `Không được có thuộc tính «${show(k)}»`);
    else if (isPlainObject(additional)) validate(additional, value[k], p, root, out);
  }
}

function describeSchema(s: JsonSchema): string {
  if (typeof s['title'] === 'string') return s['title'];
  const t = s['type'];
  const types = Array.isArray(t) ? (t as string[]) : typeof t === 'string' ? [t] : [];
  if (types.length === 0 && Array.isArray(s['anyOf']))
    return (s['anyOf'] as JsonSchema[]).map((b) => describeSchema(b)).join(' hoặc ');
  return types.map((x) => TYPE_NAMES[x] ?? x).join(' hoặc ') || 'một giá trị hợp lệ';
}
