/**
 * How a field's value is obtained, in the clerk's words: "Tự tính: Số nữ / Tổng số × 100" for an
 * x-computed field, "Tổng hợp: cộng số liệu của các đơn vị cấp dưới" for a rolled-up one. Built
 * from the expression's tokens (the checker's own tokenizer) and the fields' titles, never from
 * a second reading of the grammar.
 */
import { normalizeRule } from './aggregate-rule.js';
import { tokenizeExpression, type ExpressionRef, type ExpressionToken } from './expression.js';
import { formatNumberVi } from './number-vi.js';
import { parsePointer, toPointer } from './pointer.js';
import { schemaAt, walkFields } from './walker.js';
import type { JsonSchema } from './types.js';

const KEYWORD_WORDS: Record<string, string> = {
  and: 'và',
  or: 'hoặc',
  not: 'không',
  in: 'thuộc',
  if: 'nếu',
  then: 'thì',
  else: 'ngược lại',
  mod: 'chia lấy dư',
  true: 'đúng',
  false: 'sai',
};
const FUNCTION_WORDS: Record<string, string> = {
  abs: 'trị tuyệt đối',
  ceil: 'làm tròn lên',
  floor: 'làm tròn xuống',
  round: 'làm tròn',
  sqrt: 'căn bậc hai',
  min: 'nhỏ nhất',
  max: 'lớn nhất',
  log: 'ln',
  log2: 'log₂',
  log10: 'log₁₀',
  exists: 'có nhập',
  empty: 'để trống',
};
const OPERATOR_SIGNS: Record<string, string> = { '*': '×', '==': '=', '=': '=', '!=': '≠', '<=': '≤', '>=': '≥', '%': 'chia lấy dư', '~': '≈' };

/** After these a "-" is a sign, not a subtraction. */
const BEFORE_SIGN = new Set<ExpressionToken['t']>(['op', 'lparen', 'comma', 'keyword', 'function']);

function word(tok: ExpressionToken, titleOf: (ref: ExpressionRef) => string): string {
  switch (tok.t) {
    case 'number':
      return formatNumberVi(Number(tok.v), 10);
    case 'string':
      return `“${tok.v}”`;
    case 'keyword':
      return KEYWORD_WORDS[tok.v] ?? tok.v;
    case 'function':
      return FUNCTION_WORDS[tok.v] ?? tok.v;
    case 'ref':
      return titleOf(tok.ref);
    case 'op':
      return OPERATOR_SIGNS[tok.v] ?? tok.v;
    case 'comma':
      // the comma is the Vietnamese decimal mark: arguments are separated by ";"
      return ';';
    default:
      return tok.v;
  }
}

/** An expression in words, fields named by `titleOf`; null when the expression does not parse. */
export function expressionPhrase(source: string, titleOf: (ref: ExpressionRef) => string): string | null {
  const scanned = tokenizeExpression(source);
  if (!scanned.ok || scanned.tokens.length === 0) return null;
  let out = '';
  let prev: ExpressionToken | undefined;
  let prevSign = false;
  for (const tok of scanned.tokens) {
    const w = word(tok, titleOf);
    const glued = !prev || prevSign || prev.t === 'lparen' || tok.t === 'rparen' || tok.t === 'comma';
    out += glued ? w : ` ${w}`;
    prevSign = tok.t === 'op' && tok.v === '-' && (!prev || BEFORE_SIGN.has(prev.t));
    prev = tok;
  }
  return out;
}

function titleAt(schema: JsonSchema, segments: readonly string[]): string {
  const s = schemaAt(schema, segments);
  const t = typeof s?.title === 'string' ? s.title.trim() : '';
  return t || segments[segments.length - 1] || '';
}

/** A referenced field's title; a path into a child object names each step ("Mục I › Tổng số"). */
function refTitle(schema: JsonSchema, container: readonly string[], ref: ExpressionRef): string {
  const base = ref.fromRoot ? [] : [...container];
  const names: string[] = [];
  for (let i = 1; i <= ref.segments.length; i++) names.push(titleAt(schema, [...base, ...ref.segments.slice(0, i)]));
  return names.join(' › ');
}

/** "Tự tính: Số nữ / Tổng số × 100" for the x-computed field at `segments` ("*" for rows); null otherwise. */
export function computedHelp(schema: JsonSchema, segments: readonly string[], prefix = 'Tự tính'): string | null {
  const src = schemaAt(schema, segments)?.['x-computed'];
  if (typeof src !== 'string') return null;
  const container = segments.slice(0, -1);
  const phrase = expressionPhrase(src, (ref) => refTitle(schema, container, ref));
  return phrase === null ? null : `${prefix}: ${phrase}`;
}

const ROLL_UP_WORDS: Record<string, string> = {
  sum: 'cộng số liệu của các đơn vị cấp dưới',
  count: 'đếm số đơn vị cấp dưới đã nhập',
  countTrue: 'đếm số đơn vị cấp dưới chọn “Có”',
  min: 'giá trị nhỏ nhất trong các đơn vị cấp dưới',
  max: 'giá trị lớn nhất trong các đơn vị cấp dưới',
  concat: 'ghép nội dung của các đơn vị cấp dưới, mỗi đơn vị một đoạn',
  first: 'lấy theo đơn vị cấp dưới có mã nhỏ nhất',
};

/** A ratio's pointer is from the data root, or from the row inside a table. */
function pointerTitle(schema: JsonSchema, segments: readonly string[], pointer: string): string {
  let segs: string[];
  try {
    segs = parsePointer(pointer);
  } catch {
    return pointer;
  }
  const row = segments.lastIndexOf('*');
  const base = row >= 0 && schemaAt(schema, [...segments.slice(0, row + 1), ...segs]) ? segments.slice(0, row + 1) : [];
  return titleAt(schema, [...base, ...segs]);
}

/** How a consolidated report obtains the field at `segments`; null when the consolidating unit enters it itself. */
export function rollUpHelp(schema: JsonSchema, segments: readonly string[]): string | null {
  const s = schemaAt(schema, segments);
  if (!s) return null;
  const rule = normalizeRule(s);
  if (rule.kind === 'ratio') {
    const scale = rule.scale !== 1 ? ` × ${formatNumberVi(rule.scale, 10)}` : '';
    const num = pointerTitle(schema, segments, rule.numerator);
    const den = pointerTitle(schema, segments, rule.denominator);
    return `Tổng hợp: tổng ${num} / tổng ${den}${scale} của các đơn vị cấp dưới`;
  }
  if (rule.kind === 'groupBy') return `Tổng hợp: gộp các dòng cùng ${titleAt(schema, [...segments, '*', rule.groupBy])} của các đơn vị cấp dưới`;
  const words = ROLL_UP_WORDS[rule.kind];
  if (words) return `Tổng hợp: ${words}`;
  if (rule.kind === 'unset' && typeof s['x-computed'] === 'string') return computedHelp(schema, segments, 'Tự tính lại trên số liệu tổng hợp');
  return null;
}

/**
 * Every help line of a template, by pointer ("*" for rows): x-computed fields on a unit's own
 * report ("fill"), rolled-up and re-computed fields on a consolidated one ("compile").
 */
export function derivationHelps(schema: JsonSchema, mode: 'fill' | 'compile'): Map<string, string> {
  const out = new Map<string, string>();
  walkFields(schema, (f) => {
    const help = mode === 'fill' ? computedHelp(schema, f.segments) : rollUpHelp(schema, f.segments);
    if (help) out.set(toPointer(f.segments), help);
  });
  return out;
}
