/**
 * Where a cross-field rule (x-rules) lives in the builder's model — the whole form, a section, or the row of a table
 * (where it applies to every row) — which fields it may name, and the check of its expression. The check is
 * @bdg/schemas' own (the one lint runs at publish), on the schema the builder writes, so the admin sees the same
 * verdict as lint while typing.
 */
import { checkRuleAssert, parseExpression, type JsonSchema } from '../../../../shared/schema-form/schema-lib';
import { modelToSchema, type FieldNode, type JsonObject, type TemplateModel } from './field-model';
import { locate } from './tree-ops';

export interface RuleValue {
  id: string;
  assert: string;
  message: string;
  severity: 'error' | 'warning';
}

/** A field a rule may name: the name written in the expression and the admin's words for it. */
export interface RuleField {
  name: string;
  title: string;
}

export interface RuleScope {
  /** Data path of the object the rules sit on ("*" for a table's rows). */
  container: string[];
  fields: RuleField[];
  rules: RuleValue[];
}

const isNumeric = (n: FieldNode) => n.kind === 'number' || n.kind === 'integer';

/** Numeric fields of an object and of its sub-sections (as `a.b`), never through a table. */
function ruleFields(children: FieldNode[], prefix = '', titlePrefix = ''): RuleField[] {
  return children.flatMap((n): RuleField[] => {
    const title = titlePrefix + (n.title || n.key);
    if (isNumeric(n)) return [{ name: prefix + n.key, title }];
    if (n.kind === 'section') return ruleFields(n.children, `${prefix}${n.key}.`, `${title} › `);
    return [];
  });
}

const rulesIn = (v: unknown): RuleValue[] => (Array.isArray(v) ? (v as RuleValue[]) : []);

/** The rules' home for the selected node, or for the whole form when `nodeId` is null. Null for plain fields. */
export function ruleScope(model: TemplateModel, nodeId: string | null): RuleScope | null {
  if (nodeId === null) return { container: [], fields: ruleFields(model.fields), rules: rulesIn(model.rootExtra['x-rules']) };
  const loc = locate(model, nodeId);
  if (!loc) return null;
  const n = loc.node;
  if (n.kind === 'section') return { container: loc.keys, fields: ruleFields(n.children), rules: rulesIn(n.extra['x-rules']) };
  if (n.kind === 'table') {
    const items = (n.extra['x-builder-items'] ?? {}) as JsonObject;
    return { container: [...loc.keys, '*'], fields: ruleFields(n.children), rules: rulesIn(items['x-rules']) };
  }
  return null;
}

/** The node's `extra` with its (row) rules replaced; an empty list removes the keyword. */
export function withRules(n: FieldNode, rules: RuleValue[]): JsonObject {
  if (n.kind === 'table') {
    const items = { ...((n.extra['x-builder-items'] ?? {}) as JsonObject) };
    if (rules.length) items['x-rules'] = rules;
    else delete items['x-rules'];
    const { 'x-builder-items': _old, ...rest } = n.extra;
    return Object.keys(items).length ? { ...rest, 'x-builder-items': items } : rest;
  }
  const extra = { ...n.extra };
  if (rules.length) extra['x-rules'] = rules;
  else delete extra['x-rules'];
  return extra;
}

/** Problems of an expression on this object, in lint's words; empty when it is sound. */
export function checkRule(model: TemplateModel, container: string[], assert: string): string[] {
  const { schema } = modelToSchema(model);
  return checkRuleAssert(schema as JsonSchema, container, assert, 'Biểu thức').problems;
}

/** The rule as a sentence with the fields' titles instead of their names. */
export function ruleInWords(assert: string, fields: RuleField[]): string {
  const parsed = parseExpression(assert);
  const names = parsed.ok ? [...new Set(parsed.expression.refs.map((r) => r.name))].sort((a, b) => b.length - a.length) : [];
  let out = assert;
  for (const name of names) {
    const f = fields.find((x) => x.name === name);
    const escaped = name.replace(/[.$]/g, (c) => `\\${c}`);
    if (f) out = out.replace(new RegExp(`(^|[^A-Za-z0-9_.$])${escaped}(?![A-Za-z0-9_.])`, 'g'), (_m, pre: string) => `${pre}«${f.title}»`);
  }
  return out.replace(/<=/g, '≤').replace(/>=/g, '≥').replace(/\*/g, '×');
}
