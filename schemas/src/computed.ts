/** Trường tính toán (x-computed): lập kế hoạch, phát hiện vòng, tính giá trị. */
import { parseExpression, readRef, type CompiledExpression } from './expression.js';
import { isPlainObject, toPointer } from './pointer.js';
import { schemaAt, walkFields } from './walker.js';
import type { JsonSchema } from './types.js';

export interface ComputedSlot {
  /** Đường dẫn trường tính toán, "*" thay cho chỉ số dòng */
  segments: string[];
  /** Đường dẫn đối tượng chứa */
  container: string[];
  name: string;
  source: string;
  expression?: CompiledExpression;
  /** Lỗi phân tích hoặc tham chiếu (tiếng Việt) */
  problems: string[];
  /** Con trỏ mẫu (với *) của các trường mà biểu thức đọc */
  deps: string[];
}

export interface ComputedPlan {
  /** Theo thứ tự tính (phụ thuộc trước) */
  slots: ComputedSlot[];
  /** Các vòng phụ thuộc, mỗi vòng là danh sách con trỏ */
  cycles: string[][];
}

const planCache = new WeakMap<JsonSchema, ComputedPlan>();

export function computedPlan(schema: JsonSchema): ComputedPlan {
  const hit = planCache.get(schema);
  if (hit) return hit;
  const slots: ComputedSlot[] = [];
  walkFields(schema, (f) => {
    const src = f.schema['x-computed'];
    if (src === undefined) return;
    const container = f.segments.slice(0, -1);
    const slot: ComputedSlot = {
      segments: f.segments,
      container,
      name: f.segments[f.segments.length - 1]!,
      source: typeof src === 'string' ? src : String(src),
      problems: [],
      deps: [],
    };
    const r = parseExpression(src);
    if (!r.ok) slot.problems.push(r.message);
    else {
      slot.expression = r.expression;
      for (const ref of r.expression.refs) {
        const target = ref.fromRoot ? ref.segments : [...container, ...ref.segments];
        if (ref.fromRoot && target.length === 0) continue;
        const ts = schemaAt(schema, target);
        if (!ts) {
          slot.problems.push(`Biểu thức tham chiếu "${ref.name}" nhưng không có trường ${toPointer(target)}.`);
        } else if (ref.fromRoot && target.includes('*')) {
          slot.problems.push(`"${ref.name}" đi qua một bảng; $root chỉ dùng cho trường ngoài bảng.`);
        } else slot.deps.push(toPointer(target));
      }
      // $root không được đi qua mảng: schemaAt với tên thuộc tính không vào items, nên trên đây đã báo thiếu.
    }
    slots.push(slot);
  });
  const byPtr = new Map(slots.map((s) => [toPointer(s.segments), s]));
  const order: ComputedSlot[] = [];
  const state = new Map<string, 1 | 2>();
  const cycles: string[][] = [];
  const stack: string[] = [];
  const visit = (p: string): void => {
    const st = state.get(p);
    if (st === 2) return;
    if (st === 1) {
      const i = stack.indexOf(p);
      cycles.push([...stack.slice(i), p]);
      return;
    }
    state.set(p, 1);
    stack.push(p);
    const slot = byPtr.get(p)!;
    for (const d of slot.deps) if (byPtr.has(d)) visit(d);
    stack.pop();
    state.set(p, 2);
    order.push(slot);
  };
  for (const p of byPtr.keys()) visit(p);
  const inCycle = new Set(cycles.flat());
  for (const s of order) if (inCycle.has(toPointer(s.segments))) s.expression = undefined;
  const plan = { slots: order, cycles };
  planCache.set(schema, plan);
  return plan;
}

function forEachContainer(
  node: unknown,
  segs: readonly string[],
  i: number,
  fn: (obj: Record<string, unknown>) => void,
): void {
  if (i === segs.length) {
    if (isPlainObject(node)) fn(node);
    return;
  }
  const seg = segs[i]!;
  if (seg === '*') {
    if (Array.isArray(node)) for (const row of node) forEachContainer(row, segs, i + 1, fn);
    return;
  }
  if (isPlainObject(node) && Object.prototype.hasOwnProperty.call(node, seg)) forEachContainer(node[seg], segs, i + 1, fn);
}

/** Điền các trường tính toán vào dữ liệu tại chỗ (dữ liệu phải là bản sao của người gọi). */
export function applyComputedInPlace(schema: JsonSchema, data: unknown): void {
  const plan = computedPlan(schema);
  for (const slot of plan.slots) {
    const expr = slot.expression;
    forEachContainer(data, slot.container, 0, (obj) => {
      const v = expr ? expr.evaluate((ref) => readRef(obj, data, ref)) : null;
      obj[slot.name] = v;
    });
  }
}

function cloneJson(v: unknown, depth = 0): unknown {
  if (depth > 200) throw new Error('Dữ liệu lồng quá sâu.');
  if (Array.isArray(v)) return v.map((x) => cloneJson(x, depth + 1));
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) {
      if (k === '__proto__') Object.defineProperty(out, k, { value: cloneJson(v[k], depth + 1), enumerable: true, writable: true, configurable: true });
      else out[k] = cloneJson(v[k], depth + 1);
    }
    return out;
  }
  return v;
}
export { cloneJson };

/** Trả về bản sao của dữ liệu với các trường x-computed đã điền (null khi chia cho 0 hoặc thiếu đầu vào). */
export function applyComputed(schema: JsonSchema, data: unknown): unknown {
  const copy = cloneJson(data);
  applyComputedInPlace(schema, copy);
  return copy;
}
