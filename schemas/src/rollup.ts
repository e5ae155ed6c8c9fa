/**
 * Tổng hợp (x-aggregate): thuần, kiểu bộ tích luỹ (create → add(con) → finish), không giữ dữ liệu con.
 *
 * - sum, min, max: trên số (min/max cũng trên chuỗi như ngày); không ai nhập → sum 0, min/max null.
 * - count: số đơn vị có nhập giá trị; countTrue: số đơn vị trả lời "có" (true).
 *   Con đã là báo cáo tổng hợp (child.compiled = true) hoặc giá trị là số → cộng dồn số đó.
 * - concat: các đoạn văn xếp theo mã đơn vị, mỗi đoạn mở đầu bằng "Tên đơn vị:" trên một dòng;
 *   trên mảng không groupBy: nối các dòng theo thứ tự mã đơn vị.
 * - ratio: tính lại từ tổng tử số / tổng mẫu số × scale (không lấy trung bình tỷ lệ); mẫu số 0 → null.
 *   Con trỏ tính từ gốc dữ liệu; trong một dòng bảng, tính từ dòng.
 * - groupBy (trên mảng các dòng): gộp dòng theo khoá, mỗi cột theo quy tắc riêng; dòng xếp theo khoá.
 * - first: giá trị của đơn vị có mã nhỏ nhất (cột mô tả trong bảng groupBy).
 * - none hoặc không khai báo: không tổng hợp (đơn vị tổng hợp tự nhập).
 * - x-computed không có x-aggregate: tính lại trên số liệu đã tổng hợp.
 */
import { normalizeRule } from './aggregate-rule.js';
import { readRef } from './expression.js';
import { escapeSegment, FORBIDDEN_KEYS, getAt, isPlainObject, toPointer } from './pointer.js';
import { mapNode, plan, type LeafKind, type Node } from './rollup-plan.js';
import { deref, resolveSchema, typeLabel } from './walker.js';
import type { JsonSchema } from './types.js';

export interface RollUpChild {
  unitId: string;
  unitCode: string;
  unitName: string;
  data: unknown;
  /** true khi data là một báo cáo đã tổng hợp (count/countTrue được cộng dồn) */
  compiled?: boolean;
}
export interface ProvenanceEntry {
  unitId: string;
  value: unknown;
}
export interface RollUpResult {
  data: unknown;
  provenance: Record<string, ProvenanceEntry[]>;
  count: number;
}
export interface RollUp {
  add(child: RollUpChild): void;
  finish(): RollUpResult;
}

// ---- bộ tích luỹ ----
interface Ctx {
  unitId: string;
  unitCode: string;
  unitName: string;
  compiled: boolean;
}
interface Acc {
  add(v: unknown, row: unknown, ctx: Ctx): void;
  /** ghi kết quả vào out[name]; prov nhận mọi con trỏ */
  finish(path: string, prov: Record<string, ProvenanceEntry[]>): unknown;
}

const own = (o: unknown, k: string): unknown =>
  isPlainObject(o) && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const nonEmpty = (v: unknown): boolean =>
  v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

class LeafAcc implements Acc {
  private total = 0;
  private best: number | string | null = null;
  private firstCode: string | null = null;
  private ids: string[] = [];
  private vals: unknown[] = [];
  private parts: { code: string; name: string; text: string }[] = [];
  constructor(private readonly kind: LeafKind) {}
  add(v: unknown, _row: unknown, ctx: Ctx): void {
    switch (this.kind) {
      case 'sum':
        if (!isNum(v)) return;
        this.total += v;
        break;
      case 'count':
        if (ctx.compiled) {
          if (!isNum(v)) return;
          this.total += v;
        } else {
          if (!nonEmpty(v)) return;
          this.total += 1;
        }
        break;
      case 'countTrue':
        if (v === true) this.total += 1;
        else if (isNum(v)) this.total += v;
        else if (v !== false) return;
        break;
      case 'min':
      case 'max': {
        if (!(isNum(v) || (typeof v === 'string' && v !== ''))) return;
        const b = this.best;
        // Numbers outrank text (a stray word in a figure never wins, whichever unit comes first); text (dates,
        // codes) is compared as text when no number is there.
        if (b === null || (isNum(v) && typeof b === 'string')) this.best = v;
        else if (typeof b === typeof v && (this.kind === 'min' ? v < b : v > b)) this.best = v;
        break;
      }
      case 'first':
        if (!nonEmpty(v)) return;
        if (this.firstCode === null || compareCodes(ctx.unitCode, this.firstCode) < 0) {
          this.firstCode = ctx.unitCode;
          this.best = v as number | string;
        }
        break;
      case 'concat': {
        if (typeof v !== 'string' || v.trim() === '') return;
        this.parts.push({ code: ctx.unitCode, name: ctx.unitName, text: v.trim() });
        break;
      }
    }
    this.ids.push(ctx.unitId);
    this.vals.push(v);
  }
  finish(path: string, prov: Record<string, ProvenanceEntry[]>): unknown {
    prov[path] = this.ids.map((unitId, i) => ({ unitId, value: this.vals[i] }));
    switch (this.kind) {
      case 'sum':
      case 'count':
      case 'countTrue':
        return this.total;
      case 'min':
      case 'max':
      case 'first':
        return this.best;
      case 'concat':
        return [...this.parts]
          .sort((a, b) => compareCodes(a.code, b.code))
          .map((p) => `${p.name}:\n${p.text}`)
          .join('\n\n');
    }
  }
}

export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

class RatioAcc implements Acc {
  private ids: string[] = [];
  private vals: unknown[] = [];
  constructor(
    readonly node: { num: string[]; den: string[]; scale: number },
    private readonly fromRow: boolean,
  ) {}
  add(_v: unknown, rowOrRoot: unknown, ctx: Ctx): void {
    const n = getIn(rowOrRoot, this.node.num);
    const d = getIn(rowOrRoot, this.node.den);
    if (!isNum(n) && !isNum(d)) return;
    this.ids.push(ctx.unitId);
    this.vals.push({ numerator: isNum(n) ? n : null, denominator: isNum(d) ? d : null });
  }
  finish(path: string, prov: Record<string, ProvenanceEntry[]>): unknown {
    prov[path] = this.ids.map((unitId, i) => ({ unitId, value: this.vals[i] }));
    return null; // tính sau khi có tổng (resolveRatios)
  }
  get relative(): boolean {
    return this.fromRow;
  }
}

const getIn = getAt;

class ObjectAcc implements Acc {
  private readonly children: [string, Acc][];
  private readonly declared: Set<string>;
  /** keys of the map part, each with its own accumulator, created as units bring them */
  private readonly mapped = new Map<string, Acc>();
  constructor(
    private readonly node: Node & { t: 'object' },
    private readonly inRow: boolean,
  ) {
    this.children = node.props.map(([k, n]) => [k, makeAcc(n, inRow)]);
    this.declared = new Set(node.props.map(([k]) => k));
  }
  add(v: unknown, base: unknown, ctx: Ctx): void {
    if (!isPlainObject(v)) {
      // mục vắng mặt: ratio vẫn đọc tử/mẫu số từ gốc
      for (const [, a] of this.children) if (a instanceof RatioAcc || a instanceof ObjectAcc) a.add(undefined, base, ctx);
      return;
    }
    for (const [k, a] of this.children) a.add(own(v, k), base, ctx);
    const map = this.node.map;
    if (!map) return;
    for (const k of Object.keys(v)) {
      if (this.declared.has(k) || FORBIDDEN_KEYS.has(k)) continue;
      let a = this.mapped.get(k);
      if (!a) {
        const n = mapNode(map, k);
        if (!n) continue;
        a = makeAcc(n, this.inRow);
        this.mapped.set(k, a);
      }
      a.add(v[k], base, ctx);
    }
  }
  finish(path: string, prov: Record<string, ProvenanceEntry[]>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, a] of this.children) out[k] = a.finish(`${path}/${escapeSegment(k)}`, prov);
    for (const k of [...this.mapped.keys()].sort(compareKeys)) out[k] = this.mapped.get(k)!.finish(`${path}/${escapeSegment(k)}`, prov);
    return out;
  }
  /** Điền các ratio sau khi đã có tổng. */
  resolveRatios(out: Record<string, unknown>, base: unknown): void {
    for (const [k, a] of [...this.children, ...this.mapped]) {
      if (a instanceof RatioAcc) out[k] = ratioValue(a.node, a.relative ? out : base);
      else if (a instanceof ObjectAcc && isPlainObject(out[k])) a.resolveRatios(out[k] as Record<string, unknown>, base);
      else if (a instanceof TableAcc && Array.isArray(out[k])) a.resolveRatios(out[k] as unknown[]);
    }
  }
}

function ratioValue(node: { num: string[]; den: string[]; scale: number }, base: unknown): number | null {
  const n = getIn(base, node.num);
  const d = getIn(base, node.den);
  if (!isNum(n) || !isNum(d) || d === 0) return null;
  const r = (n / d) * node.scale;
  return Number.isFinite(r) ? r : null;
}

class TableAcc implements Acc {
  private readonly rows = new Map<string, { key: unknown; acc: ObjectAcc; ids: string[] }>();
  constructor(private readonly node: Node & { t: 'table' }) {}
  add(v: unknown, _row: unknown, ctx: Ctx): void {
    if (!Array.isArray(v)) return;
    for (const row of v) {
      const key = own(row, this.node.key);
      if (key === undefined || key === null || key === '') continue;
      const k = typeof key === 'string' ? key : JSON.stringify(key);
      let r = this.rows.get(k);
      if (!r) {
        r = { key, acc: new ObjectAcc(this.node.row, true), ids: [] };
        this.rows.set(k, r);
      }
      r.ids.push(ctx.unitId);
      r.acc.add(row, row, ctx);
    }
  }
  finish(path: string, prov: Record<string, ProvenanceEntry[]>): unknown[] {
    const keys = [...this.rows.keys()].sort(compareKeys);
    return keys.map((k, i) => {
      const r = this.rows.get(k)!;
      const rowPath = `${path}/${i}`;
      const out = r.acc.finish(rowPath, prov);
      out[this.node.key] = r.key;
      prov[`${rowPath}/${escapeSegment(this.node.key)}`] = r.ids.map((unitId) => ({ unitId, value: r.key }));
      return out;
    });
  }
  resolveRatios(rows: unknown[]): void {
    const keys = [...this.rows.keys()].sort(compareKeys);
    keys.forEach((k, i) => {
      const out = rows[i];
      if (isPlainObject(out)) this.rows.get(k)!.acc.resolveRatios(out, out);
    });
  }
}
const collator = new Intl.Collator('vi', { numeric: true });
function compareKeys(a: string, b: string): number {
  return collator.compare(a, b);
}

class RowsAcc implements Acc {
  private readonly parts: { code: string; id: string; rows: unknown[] }[] = [];
  add(v: unknown, _row: unknown, ctx: Ctx): void {
    if (!Array.isArray(v) || v.length === 0) return;
    this.parts.push({ code: ctx.unitCode, id: ctx.unitId, rows: v });
  }
  finish(path: string, prov: Record<string, ProvenanceEntry[]>): unknown[] {
    const out: unknown[] = [];
    for (const p of [...this.parts].sort((a, b) => compareCodes(a.code, b.code))) {
      for (const r of p.rows) {
        prov[`${path}/${out.length}`] = [{ unitId: p.id, value: r }];
        out.push(r);
      }
    }
    return out;
  }
}

function makeAcc(n: Node, inRow: boolean): Acc {
  switch (n.t) {
    case 'object':
      return new ObjectAcc(n, inRow);
    case 'leaf':
      return new LeafAcc(n.kind);
    case 'ratio':
      return new RatioAcc(n, inRow);
    case 'table':
      return new TableAcc(n);
    case 'rows':
      return new RowsAcc();
  }
}

/** Tạo bộ tích luỹ tổng hợp cho một schema (biểu mẫu gốc, hoặc rollUpSchema khi con đã tổng hợp). */
export function createRollUp(schema: JsonSchema): RollUp {
  const p = plan(schema);
  const root = new ObjectAcc(p.root, false);
  let count = 0;
  let done = false;
  return {
    add(child) {
      if (done) throw new Error('Đã kết thúc tổng hợp; không thể thêm đơn vị.');
      const ctx: Ctx = {
        unitId: String(child.unitId),
        unitCode: String(child.unitCode ?? ''),
        unitName: String(child.unitName ?? ''),
        compiled: child.compiled === true,
      };
      root.add(child.data, child.data, ctx);
      count++;
    },
    finish() {
      done = true;
      const provenance: Record<string, ProvenanceEntry[]> = {};
      const data = root.finish('', provenance);
      root.resolveRatios(data, data);
      for (const slot of p.slots) {
        const expr = slot.expression;
        forEach(data, slot.container, 0, (obj) => {
          obj[slot.name] = expr ? expr.evaluate((ref) => readRef(obj, data, ref)) : null;
        });
      }
      return { data, provenance, count };
    },
  };
}

function forEach(node: unknown, segs: readonly string[], i: number, fn: (o: Record<string, unknown>) => void): void {
  if (i === segs.length) {
    if (isPlainObject(node)) fn(node);
    return;
  }
  const s = segs[i]!;
  if (s === '*') {
    if (Array.isArray(node)) for (const r of node) forEach(r, segs, i + 1, fn);
  } else forEach(own(node, s), segs, i + 1, fn);
}

/** Tổng hợp một lần cả danh sách. */
export function rollUp(schema: JsonSchema, children: Iterable<RollUpChild>): RollUpResult {
  const r = createRollUp(schema);
  for (const c of children) r.add(c);
  return r.finish();
}

// ---- kế hoạch tổng hợp cho SQL ----
export interface AggregationPlanEntry {
  /** Con trỏ mẫu; "*" cho mọi dòng của bảng */
  pointer: string;
  /** sum | count | countTrue | min | max | concat | ratio | groupBy | computed */
  rule: string;
  /** Kiểu trường, ví dụ "integer", "number|null", "string(date)" */
  type: string;
  numerator?: string;
  denominator?: string;
  scale?: number;
  /** Với rule groupBy: cột khoá */
  groupBy?: string;
  /** Với cột của bảng groupBy: con trỏ của bảng và tên cột khoá */
  table?: string;
  tableKey?: string;
  /** Với rule computed: biểu thức */
  expression?: string;
  /** Con trỏ ratio có tính từ dòng (trong bảng) thay vì từ gốc không */
  relativeToRow?: boolean;
}

/** Danh sách phẳng {pointer, rule} để máy chủ tính tổng bằng SQL trên jsonb và đối chiếu. */
export function aggregationPlan(schema: JsonSchema): AggregationPlanEntry[] {
  const out: AggregationPlanEntry[] = [];
  const rec = (s: JsonSchema, segs: string[], table: { ptr: string; key: string } | undefined, depth: number): void => {
    if (depth > 64) return;
    const r = resolveSchema(schema, s) ?? s;
    for (const [k, raw] of Object.entries(r.properties ?? {})) {
      const c = resolveSchema(schema, raw);
      if (!c) continue;
      const cs = [...segs, k];
      const ptr = toPointer(cs);
      const rule = normalizeRule(c);
      const base = { pointer: ptr, type: typeLabel(c), ...(table ? { table: table.ptr, tableKey: table.key } : {}) };
      if (rule.kind === 'groupBy') {
        out.push({ ...base, rule: 'groupBy', groupBy: rule.groupBy });
        const item = deref(schema, c.items);
        if (item) rec(item, [...cs, '*'], { ptr, key: rule.groupBy }, depth + 1);
      } else if (rule.kind === 'ratio') {
        out.push({ ...base, rule: 'ratio', numerator: rule.numerator, denominator: rule.denominator, scale: rule.scale, relativeToRow: !!table });
      } else if (rule.kind === 'unset' && typeof c['x-computed'] === 'string') {
        out.push({ ...base, rule: 'computed', expression: c['x-computed'] });
      } else if (rule.kind === 'unset' && c.properties) rec(c, cs, table, depth + 1);
      else if (rule.kind !== 'unset' && rule.kind !== 'invalid' && rule.kind !== 'none') out.push({ ...base, rule: rule.kind });
    }
  };
  rec(deref(schema, schema) ?? schema, [], undefined, 0);
  return out;
}
