import { describe, expect, it } from 'vitest';
import { parseExpression, tokenizeExpression } from './index.js';
import { expressionShapeProblem } from './expression-shape.js';

const shape = (src: string) => {
  const t = tokenizeExpression(src);
  if (!t.ok) throw new Error(t.message);
  return expressionShapeProblem(t.tokens);
};

describe('expressionShapeProblem', () => {
  it.each(['soNu / tongSo * 100', 'round(soNu / tongSo * 100, 1)', '-soNu + 1', 'if a > 0 then b else 0', 'not a and b', 'max(a, b, 3)', 'f()'.replace('f', 'min')])(
    'accepts %s',
    (src) => expect(shape(src)).toBeNull(),
  );
  it.each([
    ['soNu /', 'Biểu thức kết thúc bằng một phép tính.'],
    ['soNu tongSo', 'Thiếu phép tính trước “tongSo”.'],
    ['a * / b', 'Thiếu toán hạng trước “/”.'],
    ['(a +)', 'Thiếu toán hạng trước “)”.'],
  ])('names the fault of %s in Vietnamese, and parseExpression gives the same message', (src, message) => {
    expect(shape(src)).toBe(message);
    expect(parseExpression(src)).toEqual({ ok: false, message });
  });
});
