/**
 * Live check of an x-computed expression while the admin types: syntax (balanced brackets,
 * operators between operands) and that every name refers to a numeric field. The evaluator
 * is @bdg/schemas (a safe expression library, never eval); this only gives early feedback.
 * Names follow the @bdg/schemas contract: `soNu` (a sibling in the same object or table row),
 * `a.b` (down into a child object), `$root.I.tongSo` (from the data root, not through a table).
 */
import type { FieldNode, TemplateModel } from './field-model';

const FUNCTIONS = new Set([
  'abs',
  'ceil',
  'floor',
  'round',
  'sqrt',
  'min',
  'max',
  'log',
  'log2',
  'log10',
  'exists',
  'empty',
]);
const KEYWORDS = new Set(['and', 'or', 'not', 'if', 'then', 'else', 'in', 'mod', 'true', 'false', 'null']);

export type ExpressionCheck = { ok: true; references: string[] } | { ok: false; message: string };

type Tok = { t: 'num' | 'name' | 'op' | 'lp' | 'rp' | 'comma' | 'str'; v: string };

function tokenize(src: string): Tok[] | string {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    const name = /^\$root(\.[A-Za-z_][A-Za-z0-9_]*)+|^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(
      src.slice(i),
    );
    if (name) {
      out.push({ t: 'name', v: name[0] });
      i += name[0].length;
      continue;
    }
    const op = /^(==|!=|<=|>=|&&|\|\||[-+*/%^<>?:])/.exec(src.slice(i));
    if (op) {
      out.push({ t: 'op', v: op[0] });
      i += op[0].length;
      continue;
    }
    if (c === '"' || c === "'") {
      const end = src.indexOf(c, i + 1);
      if (end < 0) return 'thiếu dấu nháy đóng chuỗi.';
      out.push({ t: 'str', v: src.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    if (c === '(') out.push({ t: 'lp', v: c });
    else if (c === ')') out.push({ t: 'rp', v: c });
    else if (c === ',') out.push({ t: 'comma', v: c });
    else return `ký tự “${c}” không được dùng trong công thức.`;
    i++;
  }
  return out;
}

function resolve(name: string, model: TemplateModel, siblings: FieldNode[]): FieldNode | null {
  const fromRoot = name.startsWith('$root.');
  const segs = (fromRoot ? name.slice(6) : name).split('.');
  let list = fromRoot ? model.fields : siblings;
  let node: FieldNode | null = null;
  for (const seg of segs) {
    node = list.find((n) => n.key === seg) ?? null;
    if (!node || (fromRoot && node.kind === 'table')) return null;
    list = node.children;
  }
  return node;
}

export function checkExpression(expr: string, model: TemplateModel, siblings: FieldNode[]): ExpressionCheck {
  if (!expr.trim()) return { ok: false, message: 'công thức đang trống.' };
  const toks = tokenize(expr);
  if (typeof toks === 'string') return { ok: false, message: toks };
  let depth = 0;
  let expectOperand = true;
  const refs: string[] = [];
  for (let i = 0; i < toks.length; i++) {
    const tk = toks[i]!;
    const isKw = tk.t === 'name' && KEYWORDS.has(tk.v);
    if (tk.t === 'lp') {
      depth++;
      expectOperand = true;
      continue;
    }
    if (tk.t === 'rp') {
      depth--;
      if (depth < 0) return { ok: false, message: 'thừa dấu “)”.' };
      if (expectOperand && toks[i - 1]?.t !== 'lp')
        return { ok: false, message: 'thiếu toán hạng trước “)”.' };
      expectOperand = false;
      continue;
    }
    if (tk.t === 'comma') {
      expectOperand = true;
      continue;
    }
    if (tk.t === 'op' || (isKw && ['and', 'or', 'then', 'else', 'in', 'mod'].includes(tk.v))) {
      if (expectOperand && !(tk.v === '-' || tk.v === '+'))
        return { ok: false, message: `thiếu toán hạng trước “${tk.v}”.` };
      expectOperand = true;
      continue;
    }
    if (isKw && (tk.v === 'not' || tk.v === 'if')) {
      expectOperand = true;
      continue;
    }
    // operand
    if (!expectOperand) return { ok: false, message: `thiếu phép tính trước “${tk.v}”.` };
    expectOperand = false;
    if (tk.t === 'name' && !isKw) {
      if (toks[i + 1]?.t === 'lp') {
        if (!FUNCTIONS.has(tk.v)) return { ok: false, message: `hàm “${tk.v}” không có sẵn.` };
        expectOperand = true;
        continue;
      }
      const node = resolve(tk.v, model, siblings);
      if (!node) return { ok: false, message: `không có trường “${tk.v}”.` };
      if (node.kind !== 'number' && node.kind !== 'integer' && node.kind !== 'boolean') {
        return { ok: false, message: `trường “${tk.v}” không phải là số.` };
      }
      refs.push(tk.v);
    }
  }
  if (depth > 0) return { ok: false, message: 'thiếu dấu “)”.' };
  if (expectOperand) return { ok: false, message: 'công thức kết thúc bằng một phép tính.' };
  return { ok: true, references: refs };
}
