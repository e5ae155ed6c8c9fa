/**
 * Tổng hợp lại mà không xoá công sức của đơn vị tổng hợp: trường nào đơn vị đã tự sửa (giá trị hiện
 * tại khác kết quả tổng hợp lần trước) được giữ, trừ khi người dùng chọn thay; các trường còn lại lấy
 * kết quả mới. Bảng (mảng dòng) được xem như một trường.
 */
import { applyComputed, cloneJson } from './computed.js';
import { canonicalJson } from './signing.js';
import { isPlainObject, toPointer } from './pointer.js';
import { schemaAt } from './walker.js';
import { fieldTitle } from './titles.js';
import type { JsonSchema } from './types.js';

export interface RecompileChange {
  /** JSON Pointer của trường */
  path: string;
  title: string;
  old: unknown;
  new: unknown;
  /** Đơn vị tổng hợp đã tự sửa trường này sau lần tổng hợp trước */
  edited: boolean;
  /** Giá trị mới sẽ thay giá trị cũ (false: giữ bản tự sửa) */
  replaced: boolean;
}

export interface RecompileResult {
  data: Record<string, unknown>;
  changes: RecompileChange[];
}

const same = (a: unknown, b: unknown): boolean => canonicalJson(a ?? null) === canonicalJson(b ?? null);

function leaves(v: unknown, segs: string[], out: string[][]): string[][] {
  if (isPlainObject(v)) for (const [k, x] of Object.entries(v)) leaves(x, [...segs, k], out);
  else out.push(segs);
  return out;
}

function getIn(v: unknown, segs: readonly string[]): unknown {
  let cur = v;
  for (const s of segs) {
    if (!isPlainObject(cur) || !Object.prototype.hasOwnProperty.call(cur, s)) return undefined;
    cur = cur[s];
  }
  return cur;
}

function setIn(target: Record<string, unknown>, segs: readonly string[], value: unknown): void {
  let cur = target;
  for (const s of segs.slice(0, -1)) {
    if (!isPlainObject(cur[s])) cur[s] = {};
    cur = cur[s] as Record<string, unknown>;
  }
  cur[segs[segs.length - 1]!] = value;
}

/**
 * @param schema   schema của báo cáo tổng hợp (rollUpSchema)
 * @param current  dữ liệu đang lưu (có thể đã được đơn vị tự sửa)
 * @param previous kết quả tổng hợp lần trước (undefined: chưa từng tổng hợp, hoặc không lưu)
 * @param next     kết quả tổng hợp mới
 * @param overwrite đường dẫn các trường tự sửa mà người dùng chọn thay bằng số liệu mới ("*" = tất cả)
 */
export function mergeRecompile(
  schema: JsonSchema,
  current: Record<string, unknown>,
  previous: Record<string, unknown> | undefined,
  next: Record<string, unknown>,
  overwrite: readonly string[] = [],
): RecompileResult {
  const data = cloneJson(current) as Record<string, unknown>;
  const changes: RecompileChange[] = [];
  const all = overwrite.includes('*');
  for (const segs of leaves(next, [], [])) {
    if (!segs.length) continue;
    const path = toPointer(segs);
    const cur = getIn(current, segs);
    const nv = getIn(next, segs);
    const field = schemaAt(schema, segs);
    // Computed fields follow their inputs (recomputed below); never reported as a choice.
    if (field?.['x-computed'] !== undefined) continue;
    const edited = previous !== undefined && !same(cur, getIn(previous, segs)) && cur !== undefined;
    const replaced = !edited || all || overwrite.includes(path);
    if (replaced) setIn(data, segs, cloneJson(nv));
    if (!same(cur, nv)) changes.push({ path, title: fieldTitle(schema, path), old: cur ?? null, new: nv ?? null, edited, replaced });
  }
  return { data: applyComputed(schema, data) as Record<string, unknown>, changes };
}
