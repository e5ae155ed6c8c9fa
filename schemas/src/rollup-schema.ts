/** Schema mà một báo cáo tổng hợp được kiểm tra theo (DESIGN.md, ý 6). */
import { normalizeRule } from './aggregate-rule.js';
import { markDerivedSchema } from './bounds.js';
import { cloneJson } from './computed.js';
import { isPlainObject } from './pointer.js';
import { deref } from './walker.js';
import type { JsonSchema } from './types.js';

const DROP_ON_SUM = ['maximum', 'exclusiveMaximum'];

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
  const tx = (s0: JsonSchema, depth: number, inRow = false): JsonSchema => {
    const s = deref(root, s0) ?? s0;
    if (depth > 64) return cloneJson(s) as JsonSchema;
    const rule = normalizeRule(s);
    switch (rule.kind) {
      case 'count':
      case 'countTrue':
        return { ...keepAnnotations(s), type: 'integer', minimum: 0, 'x-aggregate': 'sum' };
      case 'concat':
        if (s.items) {
          const out = cloneJson(s) as JsonSchema;
          delete out.minItems;
          delete out.maxItems;
          return out;
        }
        return { ...keepAnnotations(s), type: 'string', 'x-aggregate': 'concat' };
      case 'ratio':
        return {
          ...keepAnnotations(s),
          type: ['number', 'null'],
          'x-aggregate': cloneJson(s['x-aggregate']) as JsonSchema['x-aggregate'],
          ...(typeof s['x-computed'] === 'string' ? { 'x-computed': s['x-computed'] } : {}),
        };
      case 'sum': {
        const out = cloneJson(s) as JsonSchema;
        for (const k of DROP_ON_SUM) delete out[k];
        return out;
      }
      case 'min':
      case 'max':
      case 'first': {
        const out = cloneJson(s) as JsonSchema;
        const types = Array.isArray(out.type) ? (out.type as string[]) : typeof out.type === 'string' ? [out.type] : [];
        if (types.length && !types.includes('null')) out.type = [...types, 'null'];
        return out;
      }
      case 'groupBy': {
        const out: JsonSchema = {};
        for (const [k, v] of Object.entries(s)) if (k !== 'items' && k !== 'minItems' && k !== 'maxItems') out[k] = cloneJson(v);
        const item = deref(root, s.items);
        if (item) out.items = tx(item, depth + 1, true);
        return out;
      }
      default: {
        if (s.properties && isPlainObject(s.properties)) {
          const out: JsonSchema = {};
          for (const [k, v] of Object.entries(s)) if (k !== 'properties' && k !== 'required') out[k] = cloneJson(v);
          const props: Record<string, JsonSchema> = {};
          const req: string[] = [];
          const required = Array.isArray(s.required) ? s.required : [];
          for (const [k, v] of Object.entries(s.properties)) {
            props[k] = tx(v, depth + 1, inRow);
            const c = deref(root, v);
            const r = c ? normalizeRule(c) : { kind: 'unset' as const };
            const keep = c && ((r.kind === 'none' && !inRow) || (r.kind !== 'unset' && r.kind !== 'none' && !(c.items && r.kind === 'concat')) || c.properties || c['x-computed'] !== undefined);
            if (required.includes(k) && keep) req.push(k);
          }
          out.properties = props;
          if (req.length) out.required = req;
          return out;
        }
        return cloneJson(s) as JsonSchema;
      }
    }
  };
  const out = tx(schema, 0);
  if (schema.$defs) out.$defs = cloneJson(schema.$defs) as Record<string, JsonSchema>;
  // concatenated answers of many units: the product's default sizes do not apply
  return markDerivedSchema(out);
}
