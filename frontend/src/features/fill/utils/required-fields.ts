/**
 * The form's required fields and which are still missing, by title: the progress bar ("Còn 7 trường bắt buộc") and
 * its jump list. The fields come from the schema walker of @bdg/schemas; what is missing from its complete check.
 */
import { fieldTitle, toPointer, walkFields, type FieldError, type JsonSchema } from '../../../shared/schema-form/schema-lib';

export interface MissingField {
  path: string;
  title: string;
}

const cache = new WeakMap<JsonSchema, string[]>();

/** Pointers of the leaves a complete form must have: required all the way up, outside table rows, not computed. */
export function requiredLeaves(schema: JsonSchema): string[] {
  const hit = cache.get(schema);
  if (hit) return hit;
  const required = new Set<string>(['']);
  const out: string[] = [];
  walkFields(schema, (f) => {
    if (f.inArray || f.inMap) return false;
    const key = f.segments[f.segments.length - 1]!;
    const parentPtr = toPointer(f.segments.slice(0, -1));
    const req = required.has(parentPtr) && Array.isArray(f.parent?.required) && (f.parent.required as string[]).includes(key);
    if (!req) return false;
    const ptr = toPointer(f.segments);
    required.add(ptr);
    const t = f.schema.type;
    const container = !!f.schema.properties || t === 'object' || t === 'array' || !!f.schema.items;
    if (!container && typeof f.schema['x-computed'] !== 'string') out.push(ptr);
    return true;
  });
  cache.set(schema, out);
  return out;
}

/** The missing required fields: a whole untouched section is named field by field, not "Mục … chưa được nhập". */
export function missingRequired(schema: JsonSchema, errors: readonly FieldError[]): MissingField[] {
  const leaves = requiredLeaves(schema);
  const seen = new Set<string>();
  const out: MissingField[] = [];
  const add = (path: string, title?: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    out.push({ path, title: title ?? fieldTitle(schema, path) });
  };
  for (const e of errors) {
    if (e.keyword !== 'required') continue;
    const under = leaves.filter((l) => l.startsWith(`${e.path}/`) || (e.path === '' && l !== ''));
    if (under.length && !leaves.includes(e.path)) under.forEach((l) => add(l));
    else add(e.path, e.title);
  }
  return out;
}

/** Required errors on a section become one error per missing field, each naming it. */
export function expandSectionErrors(schema: JsonSchema, errors: FieldError[]): FieldError[] {
  const leaves = requiredLeaves(schema);
  return errors.flatMap((e) => {
    if (e.keyword !== 'required' || leaves.includes(e.path)) return [e];
    const under = leaves.filter((l) => l.startsWith(`${e.path}/`));
    if (!under.length) return [e];
    return under.map((path) => {
      const title = fieldTitle(schema, path);
      return { path, title, keyword: 'required', message: `Trường "${title}" chưa được nhập (bắt buộc).` };
    });
  });
}
