/**
 * Quy tắc giữa các trường (x-rules), hợp đồng với người soạn biểu mẫu:
 * `"x-rules": [{"id", "assert", "message", "severity": "error" | "warning"}]` trên bất kỳ đối tượng
 * nào của schema (gốc, một mục, hoặc đối tượng dòng của bảng — khi đó áp cho từng dòng).
 * `assert` viết bằng đúng ngôn ngữ x-computed (cùng bộ phân tích, expression.ts), tên trường
 * tính từ đối tượng mang quy tắc. Quy tắc đạt khi biểu thức cho `true`; bỏ qua khi một trường
 * nó nêu còn trống (thiếu dữ liệu là việc của `required`, không phải của quy tắc).
 */
import { parseExpression, readRef, type CompiledExpression } from './expression.js';
import { isPlainObject, toPointer } from './pointer.js';
import { deref, schemaAt } from './walker.js';
import { fieldTitle } from './titles.js';
import type { FieldError, JsonSchema } from './types.js';

export const RULE_SEVERITIES = ['error', 'warning'] as const;
export type RuleSeverity = (typeof RULE_SEVERITIES)[number];

export interface RuleDeclaration {
  id: string;
  assert: string;
  message: string;
  severity: RuleSeverity;
}

export interface RuleSlot {
  /** Đường dẫn đối tượng mang quy tắc ("*" thay cho chỉ số dòng) */
  container: string[];
  /** Vị trí của quy tắc trong mảng x-rules */
  index: number;
  id: string;
  message: string;
  severity: RuleSeverity;
  source: string;
  expression?: CompiledExpression;
  /** Đường dẫn mẫu (có "*") của từng trường biểu thức nêu, theo thứ tự xuất hiện */
  fields: string[][];
  /** Lỗi khai báo (tiếng Việt); quy tắc có lỗi không được chạy */
  problems: string[];
}

/** Một quy tắc không đạt trên dữ liệu cụ thể. */
export interface RuleFinding extends FieldError {
  keyword: 'x-rules';
  ruleId: string;
  severity: RuleSeverity;
}

/** Mọi đối tượng của schema (gốc, mục, dòng bảng) cùng đường dẫn của nó. */
export function walkObjects(root: JsonSchema, visit: (segments: string[], schema: JsonSchema) => void): void {
  const seen = new Set<JsonSchema>();
  const rec = (s: JsonSchema, segs: string[], depth: number): void => {
    if (depth > 64 || seen.has(s)) return;
    seen.add(s);
    if (s.properties || s['x-rules'] !== undefined) visit(segs, s);
    if (s.properties && isPlainObject(s.properties))
      for (const [k, raw] of Object.entries(s.properties)) {
        const child = deref(root, raw);
        if (child && isPlainObject(child)) rec(child, [...segs, k], depth + 1);
      }
    if (s.items && isPlainObject(s.items)) {
      const item = deref(root, s.items);
      if (item) rec(item, [...segs, '*'], depth + 1);
    }
    seen.delete(s);
  };
  const r = deref(root, root);
  if (r) rec(r, [], 0);
}

const planCache = new WeakMap<JsonSchema, RuleSlot[]>();

/** Các quy tắc của schema, đã phân tích và kiểm tra tên trường (có nhớ đệm theo đối tượng schema). */
export function rulesPlan(schema: JsonSchema): RuleSlot[] {
  const hit = planCache.get(schema);
  if (hit) return hit;
  const slots: RuleSlot[] = [];
  walkObjects(schema, (container, obj) => {
    const decl = obj['x-rules'];
    if (decl === undefined) return;
    if (!Array.isArray(decl)) {
      slots.push(broken(container, 0, 'x-rules phải là một danh sách quy tắc.'));
      return;
    }
    decl.forEach((raw, index) => slots.push(planRule(schema, container, index, raw)));
  });
  planCache.set(schema, slots);
  return slots;
}

function broken(container: string[], index: number, problem: string): RuleSlot {
  return { container, index, id: '', message: '', severity: 'error', source: '', fields: [], problems: [problem] };
}

function planRule(schema: JsonSchema, container: string[], index: number, raw: unknown): RuleSlot {
  if (!isPlainObject(raw)) return broken(container, index, `Quy tắc thứ ${index + 1} phải là một đối tượng {id, assert, message, severity}.`);
  const slot: RuleSlot = {
    container,
    index,
    id: typeof raw.id === 'string' ? raw.id : '',
    message: typeof raw.message === 'string' ? raw.message.trim() : '',
    severity: raw.severity === 'warning' ? 'warning' : 'error',
    source: typeof raw.assert === 'string' ? raw.assert : '',
    fields: [],
    problems: [],
  };
  const label = slot.id ? `Quy tắc "${slot.id}"` : `Quy tắc thứ ${index + 1}`;
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(slot.id))
    slot.problems.push(`${label}: mã (id) phải là chữ không dấu, số, "-" hoặc "_" (tối đa 64 ký tự).`);
  if (!slot.message) slot.problems.push(`${label}: chưa có thông báo (message) tiếng Việt cho người nhập.`);
  if (!(RULE_SEVERITIES as readonly unknown[]).includes(raw.severity))
    slot.problems.push(`${label}: mức độ (severity) phải là "error" (chặn gửi) hoặc "warning" (chỉ cảnh báo).`);
  for (const k of Object.keys(raw))
    if (!['id', 'assert', 'message', 'severity'].includes(k)) slot.problems.push(`${label}: thuộc tính "${k}" không được hỗ trợ.`);
  const checked = checkRuleAssert(schema, container, raw.assert, label);
  slot.problems.push(...checked.problems);
  slot.fields.push(...checked.fields);
  if (!checked.expression) return slot;
  if (slot.fields.length === 0 && !slot.problems.length) slot.problems.push(`${label}: biểu thức không nêu trường nào của biểu mẫu.`);
  if (!slot.problems.length) slot.expression = checked.expression;
  return slot;
}

/**
 * Biểu thức `assert` của một quy tắc đặt trên đối tượng `container` (đường dẫn, "*" cho dòng bảng): cú pháp và tên
 * trường. Lint và trình soạn biểu mẫu dùng chung hàm này, nên người soạn thấy đúng lỗi mà lint sẽ báo.
 */
export function checkRuleAssert(
  schema: JsonSchema,
  container: readonly string[],
  assert: unknown,
  label = 'Quy tắc',
): { problems: string[]; fields: string[][]; expression?: CompiledExpression } {
  const parsed = parseExpression(assert);
  if (!parsed.ok) return { problems: [`${label}: ${parsed.message}`], fields: [] };
  const problems: string[] = [];
  const fields: string[][] = [];
  for (const ref of parsed.expression.refs) {
    const target = ref.fromRoot ? ref.segments : [...container, ...ref.segments];
    const ts = schemaAt(schema, target);
    if (!ts) problems.push(`${label}: biểu thức nêu "${ref.name}" nhưng không có trường ${toPointer(target)}.`);
    else if (ref.fromRoot && target.includes('*')) problems.push(`${label}: "${ref.name}" đi qua một bảng; $root chỉ dùng cho trường ngoài bảng.`);
    else fields.push(target);
  }
  return { problems, fields, expression: parsed.expression };
}

/** Mỗi đối tượng cụ thể khớp đường dẫn mẫu, kèm đường dẫn thật (chỉ số dòng thay cho "*"). */
function forEachObject(
  node: unknown,
  segs: readonly string[],
  i: number,
  at: string[],
  fn: (obj: Record<string, unknown>, at: string[]) => void,
): void {
  if (i === segs.length) {
    if (isPlainObject(node)) fn(node, at);
    return;
  }
  const seg = segs[i]!;
  if (seg === '*') {
    if (Array.isArray(node)) node.forEach((row, r) => forEachObject(row, segs, i + 1, [...at, String(r)], fn));
    return;
  }
  if (isPlainObject(node) && Object.prototype.hasOwnProperty.call(node, seg)) forEachObject(node[seg], segs, i + 1, [...at, seg], fn);
}

const blank = (v: unknown): boolean => v === null || v === undefined || v === '';

export interface CheckRulesOptions {
  /** Dữ liệu tổng hợp: mọi quy tắc chỉ còn là cảnh báo (số liệu cấp dưới đã được duyệt). */
  asWarnings?: boolean;
}

/**
 * Chạy mọi quy tắc trên dữ liệu (nên là dữ liệu đã điền trường tính toán). Mỗi quy tắc không đạt cho
 * một kết quả với đường dẫn là trường đầu tiên nó nêu (trong bảng: trường đó ở đúng dòng).
 */
export function checkRules(schema: JsonSchema, data: unknown, opts: CheckRulesOptions = {}): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const slot of rulesPlan(schema)) {
    const expr = slot.expression;
    if (!expr) continue;
    forEachObject(data, slot.container, 0, [], (obj, at) => {
      const rowOf = (tpl: string[]): string[] => tpl.map((s, i) => (s === '*' && i < at.length ? at[i]! : s));
      // Bỏ qua khi một trường được nêu còn trống: quy tắc không thay cho "bắt buộc nhập".
      if (expr.refs.some((ref) => blank(readRef(obj, data, ref)))) return;
      if (expr.evaluate((ref) => readRef(obj, data, ref)) === true) return;
      const path = toPointer(rowOf(slot.fields[0]!));
      out.push({
        keyword: 'x-rules',
        ruleId: slot.id,
        severity: opts.asWarnings ? 'warning' : slot.severity,
        path,
        title: fieldTitle(schema, path),
        message: slot.message,
      });
    });
  }
  return out;
}

/** Chỉ các lỗi chặn gửi. */
export function ruleErrors(findings: readonly RuleFinding[]): RuleFinding[] {
  return findings.filter((f) => f.severity === 'error');
}
