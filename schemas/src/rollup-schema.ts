/** Schema mà một báo cáo tổng hợp được kiểm tra theo. */
import { normalizeRule } from './aggregate-rule.js';
import { markDerivedSchema } from './bounds.js';
import { isPlainObject } from './pointer.js';
import { walkObjects } from './rules.js';
import { deref, inlineRefs, resolveSchema } from './walker.js';
import type { JsonSchema } from './types.js';

const DROP_ON_SUM = ['maximum', 'exclusiveMaximum'];
/**
 * Keywords a compiled report cannot promise: the branches are merged (units may have chosen
 * differently), so choices, conditions and cross-field requirements of one unit's form no longer apply.
 */
const DROP_ALWAYS = ['allOf', 'anyOf', 'oneOf', 'if', 'then', 'else', 'not', 'dependentSchemas', 'dependentRequired', 'dependencies', 'unevaluatedProperties', 'minProperties', 'maxProperties'];
/** Rows of several units put together may repeat and exceed any count. */
const DROP_ON_ROWS = ['minItems', 'maxItems', 'uniqueItems', 'contains', 'minContains', 'maxContains', 'unevaluatedItems'];

function withoutApplicators(s: JsonSchema): JsonSchema {
  // shallow: nested schemas keep their identity, so $refs inside them still resolve from their base
  const out = { ...s };
  for (const k of DROP_ALWAYS) if (!(k === 'oneOf' || k === 'anyOf') || !isChoices(out[k])) delete out[k];
  return out;
}
function isChoices(v: unknown): boolean {
  return Array.isArray(v) && v.every((a) => isPlainObject(a) && a.const !== undefined && !a.properties);
}

function keepAnnotations(s: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const k of ['title', 'description', 'x-unit', 'readOnly', '$comment'])
    if (s[k] !== undefined) out[k] = s[k];
  return out;
}

/**
 * countTrue/count → số nguyên ≥ 0 (quy tắc sum, để cấp trên cộng dồn); concat → chuỗi tự do;
 * ratio → number|null; sum bỏ giới hạn trên; min/max cho phép null; bảng bỏ minItems/maxItems;
 * trường không tổng hợp (none, không khai báo) giữ nguyên để đơn vị tổng hợp tự nhập;
 * required bỏ cho các trường mà kết quả tổng hợp có thể không có (mảng dòng, không khai báo,
 * cột none của bảng groupBy — trừ cột khoá).
 */
export function rollUpSchema(schema: JsonSchema): JsonSchema {
  const root = schema;
  const clone = (v: unknown) => inlineRefs(root, v) as JsonSchema;
  const tx = (s0: JsonSchema, depth: number, inRow = false): JsonSchema => {
    const s = withoutApplicators(resolveSchema(root, s0) ?? deref(root, s0) ?? s0);
    if (depth > 64) return clone(s);
    return rollUpField({ root, clone, next: (c, row) => tx(c, depth + 1, row) }, s, inRow);
  };
  // everything is inlined: the compiled report's schema carries no $ref, $defs or bundle $id
  const out = tx(schema, 0);
  delete out.$id;
  delete out.$defs;
  delete out.definitions;
  // The children's figures were each checked and accepted: on their roll-up a rule only warns.
  walkObjects(out, (_segs, obj) => {
    if (Array.isArray(obj['x-rules']))
      obj['x-rules'] = obj['x-rules'].map((r) => (isPlainObject(r) ? { ...r, severity: 'warning' as const } : r));
  });
  // concatenated answers of many units: the product's default sizes do not apply
  return markDerivedSchema(out);
}

/** What each step of the roll-up needs: the root (for $ref), a deep copy with refs inlined, and the step for a child. */
interface RollUp {
  root: JsonSchema;
  clone(v: unknown): JsonSchema;
  next(child: JsonSchema, inRow: boolean): JsonSchema;
}

/** One field's schema on the compiled report, by its aggregate rule. */
function rollUpField(x: RollUp, s: JsonSchema, inRow: boolean): JsonSchema {
  const rule = normalizeRule(s);
  switch (rule.kind) {
    case 'count':
    case 'countTrue':
      return { ...keepAnnotations(s), type: 'integer', minimum: 0, 'x-aggregate': 'sum' };
    case 'concat':
      if (s.items) {
        const out = x.clone(s);
        for (const k of DROP_ON_ROWS) delete out[k];
        return out;
      }
      return { ...keepAnnotations(s), type: 'string', 'x-aggregate': 'concat' };
    case 'ratio':
      return {
        ...keepAnnotations(s),
        type: ['number', 'null'],
        'x-aggregate': x.clone(s['x-aggregate']) as unknown as JsonSchema['x-aggregate'],
        ...(typeof s['x-computed'] === 'string' ? { 'x-computed': s['x-computed'] } : {}),
      };
    case 'sum':
      return rollUpSum(x.clone(s));
    case 'min':
    case 'max':
    case 'first': {
      const out = x.clone(s);
      const types = Array.isArray(out.type) ? (out.type as string[]) : typeof out.type === 'string' ? [out.type] : [];
      if (types.length && !types.includes('null')) out.type = [...types, 'null'];
      return out;
    }
    case 'groupBy': {
      const out: JsonSchema = {};
      for (const [k, v] of Object.entries(s)) if (k !== 'items' && !DROP_ON_ROWS.includes(k)) out[k] = x.clone(v);
      const item = deref(x.root, s.items);
      if (item) out.items = x.next(item, true);
      return out;
    }
    default:
      if ((s.properties && isPlainObject(s.properties)) || isPlainObject(s.patternProperties) || isPlainObject(s.additionalProperties))
        return rollUpObject(x, s, inRow);
      return x.clone(s);
  }
}

/** A sum has no upper bound and no fixed value; a negative lower bound goes (a sum of values ≥ −5 can be below −5). */
function rollUpSum(out: JsonSchema): JsonSchema {
  for (const k of DROP_ON_SUM) delete out[k];
  if (typeof out.minimum === 'number' && out.minimum < 0) delete out.minimum;
  if (typeof out.exclusiveMinimum === 'number' && out.exclusiveMinimum < 0) delete out.exclusiveMinimum;
  delete out.const;
  delete out.enum;
  return out;
}

/** An object: each property rolled up; required only where the roll-up always has a value. */
function rollUpObject(x: RollUp, s: JsonSchema, inRow: boolean): JsonSchema {
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(s)) if (k !== 'properties' && k !== 'required') out[k] = x.clone(v);
  if (isPlainObject(s.patternProperties))
    out.patternProperties = Object.fromEntries(Object.entries(s.patternProperties).map(([p, v]) => [p, x.next(v as JsonSchema, inRow)]));
  if (isPlainObject(s.additionalProperties)) out.additionalProperties = x.next(s.additionalProperties as JsonSchema, inRow);
  const props: Record<string, JsonSchema> = {};
  const req: string[] = [];
  const required = Array.isArray(s.required) ? s.required : [];
  for (const [k, v] of Object.entries(s.properties ?? {})) {
    props[k] = x.next(v, inRow);
    const c = deref(x.root, v);
    const r = c ? normalizeRule(c) : { kind: 'unset' as const };
    const keep = c && ((r.kind === 'none' && !inRow) || (r.kind !== 'unset' && r.kind !== 'none' && !(c.items && r.kind === 'concat')) || c.properties || c['x-computed'] !== undefined);
    if (required.includes(k) && keep) req.push(k);
  }
  out.properties = props;
  if (req.length) out.required = req;
  return out;
}
