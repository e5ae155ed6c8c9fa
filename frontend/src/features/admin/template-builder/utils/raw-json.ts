/** Parsing what an admin pastes or imports: size, JSON syntax, then the shape of a template. */
import type { JsonObject } from './field-model';

export const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;

export type ParseResult =
  | { ok: true; schema: JsonObject; uiSchema: JsonObject | null; meta: JsonObject }
  | { ok: false; message: string; line?: number; column?: number };

export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

function lineCol(text: string, pos: number): { line: number; column: number } {
  const before = text.slice(0, pos);
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** Where JSON.parse stopped, from its message (V8: "at position 12" or "(line 2 column 5)"). */
function errorPosition(text: string, err: Error): { line?: number; column?: number } {
  const lc = /line (\d+) column (\d+)/.exec(err.message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const p = /position (\d+)/.exec(err.message);
  if (p) return lineCol(text, Number(p[1]));
  return {};
}

const JSON_TYPES = new Set(['object', 'array', 'string', 'number', 'integer', 'boolean', 'null']);

/** Structural problems that make a document unusable as a form schema. */
export function schemaShapeProblems(schema: unknown, at = ''): string[] {
  const out: string[] = [];
  const where = at || '(gốc)';
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    return [`${where}: mỗi lược đồ phải là một đối tượng JSON { … }.`];
  }
  const s = schema as JsonObject;
  const types = Array.isArray(s.type) ? s.type : s.type === undefined ? [] : [s.type];
  for (const t of types) {
    if (typeof t !== 'string' || !JSON_TYPES.has(t))
      out.push(`${where}: kiểu “${String(t)}” không phải kiểu của JSON Schema.`);
  }
  for (const k of ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems']) {
    if (s[k] !== undefined && typeof s[k] !== 'number') out.push(`${where}: “${k}” phải là một số.`);
  }
  for (const k of ['title', 'description', 'x-computed', 'x-unit']) {
    if (s[k] !== undefined && typeof s[k] !== 'string') out.push(`${where}: “${k}” phải là chuỗi ký tự.`);
  }
  if (s.enum !== undefined && !Array.isArray(s.enum)) out.push(`${where}: “enum” phải là một danh sách.`);
  if (
    s.required !== undefined &&
    (!Array.isArray(s.required) || s.required.some((r) => typeof r !== 'string'))
  ) {
    out.push(`${where}: “required” phải là danh sách tên trường.`);
  }
  if (s.properties !== undefined) {
    if (typeof s.properties !== 'object' || s.properties === null || Array.isArray(s.properties)) {
      out.push(`${where}: “properties” phải là một đối tượng.`);
    } else {
      for (const [k, v] of Object.entries(s.properties)) out.push(...schemaShapeProblems(v, `${at}/${k}`));
    }
  }
  if (s.items !== undefined && !Array.isArray(s.items))
    out.push(...schemaShapeProblems(s.items, `${at}/items`));
  return out;
}

/**
 * Raw editor text → a template. Accepts `{schema, uiSchema, title?, periodKind?}` (the export
 * format) or a bare JSON Schema. Nothing is returned unless every check passes.
 */
export function parseTemplateText(text: string): ParseResult {
  const size = byteLength(text);
  if (size > MAX_TEMPLATE_BYTES) {
    return {
      ok: false,
      message: `Nội dung quá lớn (${(size / 1024 / 1024).toFixed(1)} MB); một biểu mẫu tối đa 5 MB. Không có gì được lưu.`,
    };
  }
  if (!text.trim()) return { ok: false, message: 'Nội dung trống: hãy dán một lược đồ JSON.' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const pos = errorPosition(text, e as Error);
    return {
      ok: false,
      message: `Không phải JSON hợp lệ${pos.line ? ` (dòng ${pos.line}, cột ${pos.column})` : ''}: kiểm tra dấu phẩy, ngoặc và dấu nháy kép.`,
      ...pos,
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      message: 'Lược đồ phải là một đối tượng JSON { … }, không phải danh sách hay giá trị đơn.',
    };
  }
  const v = value as JsonObject;
  const wrapped = typeof v.schema === 'object' && v.schema !== null && !Array.isArray(v.schema);
  const schema = (wrapped ? v.schema : v) as JsonObject;
  const uiSchema =
    wrapped && typeof v.uiSchema === 'object' && v.uiSchema !== null ? (v.uiSchema as JsonObject) : null;
  const meta: JsonObject = {};
  if (wrapped)
    for (const k of ['title', 'periodKind', 'document', 'code']) if (v[k] !== undefined) meta[k] = v[k];
  if (schema.type !== 'object' || typeof schema.properties !== 'object' || schema.properties === null) {
    return {
      ok: false,
      message: 'Không phải lược đồ biểu mẫu hợp lệ: gốc phải có "type": "object" và "properties": { … }.',
    };
  }
  const problems = schemaShapeProblems(schema);
  if (problems.length) {
    return {
      ok: false,
      message: `Không phải lược đồ JSON Schema hợp lệ: ${problems.slice(0, 5).join(' ')}${problems.length > 5 ? ` (và ${problems.length - 5} lỗi khác)` : ''}`,
    };
  }
  return { ok: true, schema, uiSchema, meta };
}

/** The export/import file format. */
export function templateToText(doc: {
  schema: JsonObject;
  uiSchema: JsonObject;
  title?: string;
  periodKind?: string;
  code?: string;
}): string {
  return JSON.stringify(doc, null, 2);
}
