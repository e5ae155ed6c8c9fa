/**
 * The schema a draft save is checked against: the same shapes (types, formats, ranges, lengths),
 * none of the completeness (required fields, minimum rows).
 *
 * Stripping `required` makes choices that differ only by their `required` lists identical, so a
 * `oneOf` would say "matches several" for correct data: in a draft, `oneOf` becomes `anyOf` (the
 * data must have the shape of at least one choice; "exactly one" is checked on SUBMIT). The
 * conditions of `if` and `not` are kept whole: stripping them would change which branch applies.
 */
import { isPlainObject } from './pointer.js';
import type { JsonSchema } from './types.js';

const DRAFT_DROPPED = new Set(['required', 'minItems', 'minContains', 'dependentRequired', 'minProperties']);
const VALUE_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'x-aggregate', 'x-rules']);
const KEPT_WHOLE = new Set(['if', 'not']);
const SCHEMA_MAPS = new Set(['properties', '$defs', 'definitions', 'patternProperties', 'dependentSchemas']);

export function draftSchema(schema: JsonSchema): JsonSchema {
  const strip = (v: unknown, depth: number): unknown => {
    if (depth > 100) return v;
    if (Array.isArray(v)) return v.map((x) => strip(x, depth + 1));
    if (!isPlainObject(v)) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (VALUE_KEYWORDS.has(k) || KEPT_WHOLE.has(k)) out[k] = x;
      else if (SCHEMA_MAPS.has(k) && isPlainObject(x)) {
        const m: Record<string, unknown> = {};
        for (const [pk, px] of Object.entries(x)) m[pk] = strip(px, depth + 1);
        out[k] = m;
      } else if (k === 'dependencies' && isPlainObject(x)) {
        // RJSF's `dependencies`: lists of names are completeness (dropped), schemas are shapes
        const m: Record<string, unknown> = {};
        for (const [pk, px] of Object.entries(x)) if (!Array.isArray(px)) m[pk] = strip(px, depth + 1);
        if (Object.keys(m).length) out[k] = m;
      } else if (k === 'oneOf' && Array.isArray(x)) {
        const alts = strip(x, depth + 1);
        if (Array.isArray(v.anyOf)) out.allOf = [...(Array.isArray(out.allOf) ? out.allOf : []), { anyOf: alts }];
        else out.anyOf = alts;
      } else if (DRAFT_DROPPED.has(k)) continue;
      else if (k === 'anyOf' && out.anyOf !== undefined) out.allOf = [...(Array.isArray(out.allOf) ? out.allOf : []), { anyOf: strip(x, depth + 1) }];
      else out[k] = strip(x, depth + 1);
    }
    return out;
  };
  return strip(schema, 0) as JsonSchema;
}
