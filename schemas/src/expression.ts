/**
 * Biểu thức x-computed: một chuỗi filtrex, kiểm tra trước khi biên dịch.
 *
 * Quy ước tham chiếu trường (hợp đồng với người soạn biểu mẫu):
 * - `soNu` — thuộc tính cùng cấp, trong đối tượng chứa trường tính toán
 *   (trong bảng: cột cùng dòng).
 * - `a.b` — đi xuống đối tượng con `a` của đối tượng chứa rồi lấy `b`.
 * - `$root.I.tongSo` — tính từ gốc dữ liệu (không đi qua mảng).
 * Phép toán: + - * / ^ mod, so sánh, and/or/not, if … then … else, hàm
 * abs ceil floor round sqrt min max log log2 log10 exists empty.
 * Chia cho 0, đầu vào thiếu hoặc không phải số → null (không bao giờ Infinity/NaN).
 * Không cho phép: toán tử `of`, ký hiệu trong nháy đơn, tên __proto__/prototype/constructor,
 * biểu thức dài quá 500 ký tự hoặc lồng ngoặc quá 16 mức.
 */
import { compileExpression } from 'filtrex';
import { FORBIDDEN_KEYS, isPlainObject } from './pointer.js';

export const MAX_EXPRESSION_LENGTH = 500;
export const MAX_EXPRESSION_DEPTH = 16;
const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'if', 'then', 'else', 'mod', 'true', 'false']);
const FUNCTIONS = new Set(['abs', 'ceil', 'floor', 'round', 'sqrt', 'min', 'max', 'log', 'log2', 'log10', 'exists', 'empty']);
const SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface ExpressionRef {
  /** Tên như viết trong biểu thức */
  name: string;
  /** true khi bắt đầu bằng $root */
  fromRoot: boolean;
  /** Các đoạn đường dẫn (bỏ $root) */
  segments: string[];
}

export interface CompiledExpression {
  source: string;
  refs: ExpressionRef[];
  /** Tính với bộ phân giải tên → giá trị; luôn trả number | string | boolean | null */
  evaluate(resolve: (ref: ExpressionRef) => unknown): number | string | boolean | null;
}

export type ParseResult = { ok: true; expression: CompiledExpression } | { ok: false; message: string };

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
const operators = {
  '+': (a: unknown, b: unknown) => (num(a) && num(b) ? finite(a + b) : null),
  '-': (a: unknown, b?: unknown) =>
    b === undefined ? (num(a) ? -a : null) : num(a) && num(b) ? finite(a - b) : null,
  '*': (a: unknown, b: unknown) => (num(a) && num(b) ? finite(a * b) : null),
  '/': (a: unknown, b: unknown) => (num(a) && num(b) && b !== 0 ? finite(a / b) : null),
  '%': (a: unknown, b: unknown) => (num(a) && num(b) && b !== 0 ? finite(a % b) : null),
  '^': (a: unknown, b: unknown) => (num(a) && num(b) ? finite(Math.pow(a, b)) : null),
  '==': (a: unknown, b: unknown) => a === b,
  '!=': (a: unknown, b: unknown) => a !== b,
};
const numFn =
  (f: (x: number) => number) =>
  (x: unknown): number | null =>
    num(x) ? finite(f(x)) : null;
const extraFunctions = {
  abs: numFn(Math.abs),
  ceil: numFn(Math.ceil),
  floor: numFn(Math.floor),
  round: (x: unknown, digits?: unknown): number | null => {
    if (!num(x)) return null;
    const d = num(digits) ? Math.max(0, Math.min(10, Math.trunc(digits))) : 0;
    const f = 10 ** d;
    return finite(Math.round(x * f) / f);
  },
  sqrt: numFn(Math.sqrt),
  log: numFn(Math.log),
  log2: numFn(Math.log2),
  log10: numFn(Math.log10),
  min: (...xs: unknown[]) => (xs.length > 0 && xs.every(num) ? Math.min(...(xs as number[])) : null),
  max: (...xs: unknown[]) => (xs.length > 0 && xs.every(num) ? Math.max(...(xs as number[])) : null),
};

const cache = new Map<string, ParseResult>();

/** Kiểm tra và biên dịch một biểu thức; không bao giờ chạy nó. Kết quả được nhớ đệm. */
export function parseExpression(source: unknown): ParseResult {
  if (typeof source !== 'string') return { ok: false, message: 'Biểu thức phải là một chuỗi.' };
  if (source.length > MAX_EXPRESSION_LENGTH)
    return { ok: false, message: `Biểu thức dài quá ${MAX_EXPRESSION_LENGTH} ký tự.` };
  const hit = cache.get(source);
  if (hit) return hit;
  const r = parseUncached(source);
  if (cache.size > 2000) cache.clear();
  cache.set(source, r);
  return r;
}

/** A token of an x-computed expression, as the checker reads it (white space dropped). */
export type ExpressionToken =
  | { t: 'number'; v: string }
  | { t: 'string'; v: string }
  | { t: 'keyword'; v: string }
  | { t: 'function'; v: string }
  | { t: 'ref'; v: string; ref: ExpressionRef }
  | { t: 'op'; v: string }
  | { t: 'lparen' | 'rparen' | 'comma'; v: string };

export type TokenizeResult = { ok: true; tokens: ExpressionToken[] } | { ok: false; message: string };

const OPERATOR = /^(==|!=|<=|>=|[+\-*/^<>=!~%])/;

/** Splits an expression into tokens and refuses what the grammar forbids; the phrase builder reads the same tokens. */
export function tokenizeExpression(source: string): TokenizeResult {
  const tokens: ExpressionToken[] = [];
  let depth = 0;
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < source.length && source[j] !== '"') j += source[j] === '\\' ? 2 : 1;
      if (j >= source.length) return { ok: false, message: 'Chuỗi trong biểu thức chưa đóng dấu ngoặc kép.' };
      tokens.push({ t: 'string', v: source.slice(i + 1, j) });
      i = j + 1;
      continue;
    }
    if (c === "'") return { ok: false, message: 'Không dùng tên trong dấu nháy đơn; hãy viết tên trường trực tiếp.' };
    if (c === '(' || c === ')' || c === ',') {
      if (c === '(' && ++depth > MAX_EXPRESSION_DEPTH) return { ok: false, message: `Biểu thức lồng ngoặc quá ${MAX_EXPRESSION_DEPTH} mức.` };
      if (c === ')') depth--;
      tokens.push({ t: c === '(' ? 'lparen' : c === ')' ? 'rparen' : 'comma', v: c });
      i++;
      continue;
    }
    if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(source.slice(i))!;
      tokens.push({ t: 'number', v: m[0] });
      i += m[0].length;
      continue;
    }
    const id = /^[A-Za-z$_][.A-Za-z0-9$_]*/.exec(source.slice(i));
    if (id) {
      const word = id[0];
      i += word.length;
      const tok = wordToken(word, source, i);
      if ('message' in tok) return { ok: false, message: tok.message };
      tokens.push(tok);
      continue;
    }
    const op = OPERATOR.exec(source.slice(i));
    if (op) {
      tokens.push({ t: 'op', v: op[0] });
      i += op[0].length;
      continue;
    }
    return { ok: false, message: `Ký tự "${c}" không được phép trong biểu thức.` };
  }
  if (depth !== 0) return { ok: false, message: 'Dấu ngoặc trong biểu thức không cân.' };
  return { ok: true, tokens };
}

/** A keyword, a function name (followed by "(") or a field reference. */
function wordToken(word: string, source: string, next: number): ExpressionToken | { message: string } {
  if (word === 'of') return { message: 'Không dùng toán tử "of"; hãy viết đường dẫn có dấu chấm (a.b).' };
  if (KEYWORDS.has(word)) return { t: 'keyword', v: word };
  let k = next;
  while (k < source.length && /\s/.test(source[k]!)) k++;
  if (source[k] === '(') {
    if (!FUNCTIONS.has(word)) return { message: `Hàm "${word}" không được hỗ trợ.` };
    return { t: 'function', v: word };
  }
  const parts = word.split('.');
  const fromRoot = parts[0] === '$root';
  const segments = fromRoot ? parts.slice(1) : parts;
  if (segments.length === 0) return { message: '"$root" phải đi kèm tên trường, ví dụ $root.I.tongSo.' };
  for (const p of segments) {
    if (!SEGMENT.test(p)) return { message: `Tên "${word}" không hợp lệ.` };
    if (FORBIDDEN_KEYS.has(p)) return { message: `Tên "${p}" bị cấm trong biểu thức.` };
  }
  return { t: 'ref', v: word, ref: { name: word, fromRoot, segments } };
}

function parseUncached(source: string): ParseResult {
  if (source.trim() === '') return { ok: false, message: 'Biểu thức rỗng.' };
  const scanned = tokenizeExpression(source);
  if (!scanned.ok) return scanned;
  const refs = scanned.tokens.flatMap((tok) => (tok.t === 'ref' ? [tok.ref] : []));
  const byName = new Map(refs.map((r) => [r.name, r]));
  let current: ((ref: ExpressionRef) => unknown) | null = null;
  let fn: (obj: unknown) => unknown;
  try {
    fn = compileExpression(source, {
      operators,
      extraFunctions,
      customProp: (name: string) => {
        const ref = byName.get(name);
        if (!ref || !current) return null;
        const v = current(ref);
        return v === undefined ? null : v;
      },
    });
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { ok: false, message: `Biểu thức không phân tích được: ${msg}` };
  }
  const uniqueRefs = [...byName.values()];
  return {
    ok: true,
    expression: {
      source,
      refs: uniqueRefs,
      evaluate(resolve) {
        current = resolve;
        try {
          const v = fn(null);
          if (typeof v === 'number') return Number.isFinite(v) ? v : null;
          if (typeof v === 'string' || typeof v === 'boolean') return v;
          return null;
        } catch {
          return null;
        } finally {
          current = null;
        }
      },
    },
  };
}

/** Đọc một giá trị theo tham chiếu, chỉ qua thuộc tính riêng của đối tượng thuần. */
export function readRef(container: unknown, root: unknown, ref: ExpressionRef): unknown {
  let cur: unknown = ref.fromRoot ? root : container;
  for (const seg of ref.segments) {
    if (!isPlainObject(cur) || !Object.prototype.hasOwnProperty.call(cur, seg)) return null;
    cur = cur[seg];
  }
  return cur === undefined ? null : cur;
}
