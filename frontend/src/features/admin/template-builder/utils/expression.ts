/**
 * Live check of an x-computed expression while the admin types. The grammar, its Vietnamese messages and the
 * names it reads are @bdg/schemas' (`parseExpression`, the same check lint runs on the server); this adds only
 * what the builder knows and the server learns at publish: that every name is a numeric field of the model.
 * Names: `soNu` (a sibling in the same object or table row), `a.b` (down into a child object), `$root.I.tongSo`
 * (from the data root, not through a table).
 */
import { parseExpression, type ExpressionRef } from '@bdg/schemas';
import type { FieldNode, TemplateModel } from './field-model';

export type ExpressionCheck = { ok: true; references: string[] } | { ok: false; message: string };

function resolve(ref: ExpressionRef, model: TemplateModel, siblings: FieldNode[]): FieldNode | null {
  let list = ref.fromRoot ? model.fields : siblings;
  let node: FieldNode | null = null;
  for (const seg of ref.segments) {
    node = list.find((n) => n.key === seg) ?? null;
    if (!node || (ref.fromRoot && node.kind === 'table')) return null;
    list = node.children;
  }
  return node;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export function checkExpression(expr: string, model: TemplateModel, siblings: FieldNode[]): ExpressionCheck {
  if (!expr.trim()) return { ok: false, message: 'công thức đang trống.' };
  const parsed = parseExpression(expr);
  if (!parsed.ok) return { ok: false, message: lowerFirst(parsed.message) };
  for (const ref of parsed.expression.refs) {
    const node = resolve(ref, model, siblings);
    if (!node) return { ok: false, message: `không có trường “${ref.name}”.` };
    if (node.kind !== 'number' && node.kind !== 'integer' && node.kind !== 'boolean') return { ok: false, message: `trường “${ref.name}” không phải là số.` };
  }
  return { ok: true, references: parsed.expression.refs.map((r) => r.name) };
}
