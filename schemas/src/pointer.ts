/** JSON Pointer (RFC 6901) và duyệt schema theo đường dẫn dữ liệu. */
import type { JsonSchema } from './types.js';

export function escapeSegment(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}
export function unescapeSegment(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}
export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return pointer === '/' ? [''] : [];
  if (!pointer.startsWith('/')) throw new Error(`JSON Pointer không hợp lệ: ${pointer}`);
  return pointer.slice(1).split('/').map(unescapeSegment);
}
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + escapeSegment(String(s))).join('');
}

/** Khoá không bao giờ được đọc/ghi như thuộc tính dữ liệu (chống ô nhiễm prototype). */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'prototype', 'constructor']);

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Đọc giá trị tại các đoạn đường dẫn, chỉ theo thuộc tính riêng. */
export function getAt(data: unknown, segments: readonly string[]): unknown {
  let cur: unknown = data;
  for (const seg of segments) {
    if (Array.isArray(cur)) {
      if (!/^(0|[1-9]\d*)$/.test(seg)) return undefined;
      cur = cur[Number(seg)];
    } else if (isPlainObject(cur)) {
      if (!Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
      cur = cur[seg];
    } else return undefined;
  }
  return cur;
}

/** Theo $ref nội bộ ("#/$defs/x"). */
export function deref(root: JsonSchema, s: JsonSchema | undefined): JsonSchema | undefined {
  let cur = s;
  for (let i = 0; cur && typeof cur.$ref === 'string' && i < 32; i++) {
    const ref = cur.$ref;
    if (!ref.startsWith('#')) return cur;
    const target = getAt(root, parsePointer(ref.slice(1)));
    cur = isPlainObject(target) ? (target as JsonSchema) : undefined;
  }
  return cur;
}

export function isArraySegment(seg: string): boolean {
  return seg === '*' || seg === '-' || /^(0|[1-9]\d*)$/.test(seg);
}

export interface SchemaStep {
  segment: string;
  schema: JsonSchema | undefined;
  /** true khi bước này đi vào một dòng của mảng */
  isItem: boolean;
}

/** Các bước từ gốc schema xuống tới con trỏ dữ liệu; schema undefined khi không có. */
export function schemaPath(root: JsonSchema, segments: readonly string[]): SchemaStep[] {
  const steps: SchemaStep[] = [];
  let cur: JsonSchema | undefined = deref(root, root);
  for (const seg of segments) {
    let next: JsonSchema | undefined;
    let isItem = false;
    if (cur) {
      const props = cur.properties;
      if (props && isPlainObject(props) && Object.prototype.hasOwnProperty.call(props, seg)) {
        next = deref(root, props[seg]);
      } else if (cur.items && isArraySegment(seg)) {
        next = deref(root, cur.items);
        isItem = true;
      }
    } else if (isArraySegment(seg)) isItem = true;
    steps.push({ segment: seg, schema: next, isItem });
    cur = next;
  }
  return steps;
}

export function schemaAt(root: JsonSchema, pointer: string | readonly string[]): JsonSchema | undefined {
  const segs = typeof pointer === 'string' ? parsePointer(pointer) : pointer;
  if (segs.length === 0) return deref(root, root);
  const steps = schemaPath(root, segs);
  return steps[steps.length - 1]?.schema;
}

/** Kiểu của một trường dưới dạng chuỗi so sánh được: "integer", "number|null", "string(date)". */
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
  /** Đoạn đường dẫn dữ liệu; "*" thay cho chỉ số dòng */
  segments: string[];
  schema: JsonSchema;
  parent: JsonSchema | undefined;
  /** Các bước tổ tiên (để lấy tiêu đề mục) */
  inArray: boolean;
}

/** Duyệt mọi trường (thuộc tính và dòng mảng) của schema, theo thứ tự khai báo. */
export function walkFields(root: JsonSchema, visit: (f: FieldVisit) => boolean | void): void {
  const seen = new Set<JsonSchema>();
  const rec = (s: JsonSchema, segs: string[], inArray: boolean, depth: number): void => {
    if (depth > 64 || seen.has(s)) return;
    seen.add(s);
    if (s.properties && isPlainObject(s.properties)) {
      for (const [k, raw] of Object.entries(s.properties)) {
        const child = deref(root, raw);
        if (!child || !isPlainObject(child)) continue;
        const childSegs = [...segs, k];
        const descend = visit({ segments: childSegs, schema: child, parent: s, inArray });
        if (descend !== false) rec(child, childSegs, inArray, depth + 1);
      }
    }
    if (s.items && isPlainObject(s.items)) {
      const item = deref(root, s.items);
      if (item) rec(item, [...segs, '*'], true, depth + 1);
    }
    seen.delete(s);
  };
  const r = deref(root, root);
  if (r) rec(r, [], false, 0);
}

export function isObjectSchema(s: JsonSchema | undefined): boolean {
  return !!s && (typesOf(s).includes('object') || !!s.properties);
}
export function isArraySchema(s: JsonSchema | undefined): boolean {
  return !!s && (typesOf(s).includes('array') || !!s.items);
}
/** Trường lá: không phải đối tượng có thuộc tính, không phải mảng. */
export function isLeaf(s: JsonSchema): boolean {
  return !isObjectSchema(s) && !isArraySchema(s);
}
