/**
 * The order of an expression's tokens (operand, operator, operand…), checked before the parser library sees it so
 * that a wrong formula is named in Vietnamese ("thiếu toán hạng trước “/”") on the server's lint and in the builder
 * alike; the library's own messages are English.
 */
import type { ExpressionToken } from './expression.js';

/** Keywords between two operands (binary) and keywords before one (prefix). */
const BINARY_WORDS = new Set(['and', 'or', 'then', 'else', 'in', 'mod']);
const PREFIX_WORDS = new Set(['not', 'if']);

/** The first fault in the order of the tokens, or null when operands and operators alternate. */
export function expressionShapeProblem(tokens: ExpressionToken[]): string | null {
  let expectOperand = true;
  for (let i = 0; i < tokens.length; i++) {
    const tk = tokens[i]!;
    if (tk.t === 'lparen' || tk.t === 'comma' || tk.t === 'function' || (tk.t === 'keyword' && PREFIX_WORDS.has(tk.v))) {
      expectOperand = true;
      continue;
    }
    if (tk.t === 'rparen') {
      if (expectOperand && tokens[i - 1]?.t !== 'lparen') return 'Thiếu toán hạng trước “)”.';
      expectOperand = false;
      continue;
    }
    if (tk.t === 'op' || (tk.t === 'keyword' && BINARY_WORDS.has(tk.v))) {
      const unary = tk.v === '-' || tk.v === '+' || tk.v === '!';
      if (expectOperand && !unary) return `Thiếu toán hạng trước “${tk.v}”.`;
      expectOperand = true;
      continue;
    }
    if (!expectOperand) return `Thiếu phép tính trước “${tk.v}”.`;
    expectOperand = false;
  }
  return expectOperand && tokens.length ? 'Biểu thức kết thúc bằng một phép tính.' : null;
}
