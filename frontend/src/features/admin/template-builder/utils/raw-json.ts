/** Parsing what an admin pastes or imports: size, JSON syntax, then the shape of a template (@bdg/schemas' rule). */
import { isPlainObject, schemaShapeProblems } from '@bdg/schemas';
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
  if (!isPlainObject(value)) {
    return {
      ok: false,
      message: 'Lược đồ phải là một đối tượng JSON { … }, không phải danh sách hay giá trị đơn.',
    };
  }
  const v = value as JsonObject;
  const wrapped = isPlainObject(v.schema);
  const schema = (wrapped ? v.schema : v) as JsonObject;
  const uiSchema = wrapped && isPlainObject(v.uiSchema) ? v.uiSchema : null;
  const meta: JsonObject = {};
  if (wrapped)
    for (const k of ['title', 'periodKind', 'document', 'code']) if (v[k] !== undefined) meta[k] = v[k];
  if (schema.type !== 'object' || !isPlainObject(schema.properties)) {
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
