/** So sánh hai phiên bản biểu mẫu và mang số liệu năm trước sang phiên bản mới. */
import { cloneJson } from './computed.js';
import { getAt, isPlainObject, parsePointer, toPointer } from './pointer.js';
import { typeLabel, walkFields } from './walker.js';
import type { JsonSchema } from './types.js';
import { getValidator } from './validation.js';

export interface TemplateChange {
  kind: 'added' | 'removed' | 'retyped' | 'retitled';
  /** Con trỏ dữ liệu, "*" thay cho mọi dòng của bảng */
  path: string;
  from?: string;
  to?: string;
}

interface FieldInfo {
  type: string;
  title: string | undefined;
  schema: JsonSchema;
}

function fieldMap(schema: JsonSchema): Map<string, FieldInfo> {
  const m = new Map<string, FieldInfo>();
  walkFields(schema, (f) => {
    m.set(toPointer(f.segments), {
      type: typeLabel(f.schema),
      title: typeof f.schema.title === 'string' ? f.schema.title : undefined,
      schema: f.schema,
    });
  });
  return m;
}

/** Trường thêm, bớt, đổi kiểu, đổi tiêu đề, theo đường dẫn. */
export function diffTemplates(from: JsonSchema, to: JsonSchema): TemplateChange[] {
  const a = fieldMap(from);
  const b = fieldMap(to);
  const out: TemplateChange[] = [];
  for (const [p, fa] of a) {
    const fb = b.get(p);
    if (!fb) {
      out.push({ kind: 'removed', path: p, ...(fa.title ? { from: fa.title } : {}) });
      continue;
    }
    if (fa.type !== fb.type) out.push({ kind: 'retyped', path: p, from: fa.type, to: fb.type });
    if (fa.title !== fb.title) out.push({ kind: 'retitled', path: p, from: fa.title ?? '', to: fb.title ?? '' });
  }
  for (const [p, fb] of b) if (!a.has(p)) out.push({ kind: 'added', path: p, ...(fb.title ? { to: fb.title } : {}) });
  return out;
}

const TYPE_VI: Record<string, string> = {
  integer: 'số nguyên',
  number: 'số',
  string: 'văn bản',
  boolean: 'có/không',
  object: 'nhóm',
  array: 'bảng',
  null: 'trống',
};
function typeVi(label: string): string {
  return label.replace(/[a-z]+/g, (t) => TYPE_VI[t] ?? t).replace(/\|/g, ' hoặc ');
}

/** Kiểu cũ có mang sang kiểu mới được không (số nguyên → số thì được). */
function compatible(from: string, to: string): boolean {
  if (from === to) return true;
  const fa = from.split('|');
  const tb = to.replace('number', 'number|integer').split('|');
  return fa.every((t) => tb.includes(t) || (t === 'null' && tb.includes('null')));
}

export interface CarryForwardResult {
  data: unknown;
  notCarried: { path: string; reason: string }[];
}

/**
 * Mang câu trả lời của phiên bản cũ sang phiên bản mới ở những chỗ đường dẫn và kiểu còn khớp.
 * Trường tính toán không mang (sẽ tính lại); giá trị không còn hợp lệ với ràng buộc mới bị bỏ, kèm lý do.
 */
export function carryForward(fromSchema: JsonSchema, toSchema: JsonSchema, data: unknown): CarryForwardResult {
  const a = fieldMap(fromSchema);
  const b = fieldMap(toSchema);
  const notCarried: { path: string; reason: string }[] = [];
  const skip = (path: string, reason: string): void => {
    notCarried.push({ path, reason });
  };

  const copyObject = (segs: string[], src: unknown, real: string[]): unknown => {
    if (!isPlainObject(src)) return undefined;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(src)) {
      const pattern = [...segs, k];
      const realPath = [...real, k];
      const pp = toPointer(pattern);
      const rp = toPointer(realPath);
      const fa = a.get(pp);
      const fb = b.get(pp);
      const v = src[k];
      if (!fb && fa) {
        if (v !== undefined && v !== null && v !== '') skip(rp, `Trường "${fa.title ?? k}" không còn trong mẫu mới.`);
        continue;
      }
      if (!fb) {
        // a key the template does not name (a map part, or an object open to any key): kept as it
        // is; the validation below drops it, with its reason, if the new version refuses it
        out[k] = cloneJson(v);
        continue;
      }
      if (fb.schema['x-computed'] !== undefined) continue; // tính lại
      const typeFrom = fa ? fa.type : 'unknown';
      if (fa && !compatible(typeFrom, fb.type)) {
        skip(rp, `Trường "${fb.title ?? k}" đổi kiểu từ ${typeVi(typeFrom)} sang ${typeVi(fb.type)}.`);
        continue;
      }
      if (Array.isArray(v)) {
        out[k] = v.map((row, i) => (isPlainObject(row) ? copyObject([...pattern, '*'], row, [...realPath, String(i)]) : row));
      } else if (isPlainObject(v)) {
        out[k] = copyObject(pattern, v, realPath);
      } else out[k] = cloneJson(v);
    }
    return out;
  };

  const carried = isPlainObject(data) ? (copyObject([], data, []) as Record<string, unknown>) : {};
  // Bỏ những giá trị không hợp lệ với ràng buộc mới (enum, độ dài, khoảng giá trị…)
  const errors = getValidator(toSchema).validateDraft(carried);
  const removed = new Set<string>();
  for (const e of errors) {
    if (removed.has(e.path) || e.path === '') continue;
    const segs = parsePointer(e.path);
    const parent = getAt(carried, segs.slice(0, -1));
    const key = segs[segs.length - 1]!;
    if (Array.isArray(parent)) continue;
    if (isPlainObject(parent) && Object.prototype.hasOwnProperty.call(parent, key)) {
      delete parent[key];
      removed.add(e.path);
      skip(e.path, `Không hợp lệ với mẫu mới: ${e.message}`);
    }
  }
  return { data: carried, notCarried };
}
