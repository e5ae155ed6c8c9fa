/**
 * A failed `oneOf`/`anyOf` named by what the person filling the form must change: the field that
 * tells the choices apart when there is one (a `const`/`enum` in every choice), else the choices
 * themselves with the fields each one needs.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import { escapeSegment, getAt, isPlainObject, parsePointer } from './pointer.js';
import type { JsonSchema } from './types.js';
import { deref } from './walker.js';

export interface ChoiceProblem {
  /** The data path the message is about (the discriminating field, or the object holding the choices) */
  path: string;
  /** The Vietnamese predicate, without the subject */
  predicate: string;
}

function alternatives(root: JsonSchema, e: ErrorObject): JsonSchema[] | undefined {
  const hash = e.schemaPath.indexOf('#');
  if (hash !== 0) return undefined; // inside a bundle resource: keep the generic message
  let node: unknown;
  try {
    node = getAt(root, parsePointer(e.schemaPath.slice(1)));
  } catch {
    return undefined;
  }
  if (!Array.isArray(node)) return undefined;
  return node.map((a) => (isPlainObject(a) ? (deref(root, a as JsonSchema) ?? {}) : {}));
}

const label = (s: JsonSchema | undefined, name: string): string => (s && typeof s.title === 'string' ? s.title : name);

export function choiceProblem(root: JsonSchema, e: ErrorObject, fieldProps: Record<string, JsonSchema>): ChoiceProblem | undefined {
  if (e.keyword !== 'oneOf' && e.keyword !== 'anyOf') return undefined;
  const alts = alternatives(root, e);
  if (!alts || alts.length === 0) return undefined;
  // choices between plain types ("a number or a yes/no") need no more than the generic sentence
  if (!alts.some((a) => typeof a.title === 'string' || isPlainObject(a.properties) || Array.isArray(a.required))) return undefined;
  const propsOf = (a: JsonSchema): Record<string, JsonSchema> => (isPlainObject(a.properties) ? (a.properties as Record<string, JsonSchema>) : {});
  const names = Object.keys(propsOf(alts[0]!)).filter((k) =>
    alts.every((a) => {
      const p = deref(root, propsOf(a)[k]);
      return !!p && (p.const !== undefined || Array.isArray(p.enum));
    }),
  );
  const discriminator = names[0];
  const several = isPlainObject(e.params) && Array.isArray((e.params as Record<string, unknown>).passingSchemas);
  if (discriminator && !several) {
    const values = alts.flatMap((a) => {
      const p = deref(root, propsOf(a)[discriminator])!;
      return p.const !== undefined ? [p.const] : (p.enum as unknown[]);
    });
    const shown = values.slice(0, 8).map((v) => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v)));
    return { path: `${e.instancePath}/${escapeSegment(discriminator)}`, predicate: `phải chọn một trong các giá trị: ${shown.join(', ')} (và điền các trường đi kèm lựa chọn đó)` };
  }
  const describe = alts.map((a, i) => {
    const req = Array.isArray(a.required) ? (a.required as string[]) : [];
    const fields = req.map((r) => `"${label(deref(root, propsOf(a)[r]) ?? deref(root, fieldProps[r]), r)}"`);
    const name = typeof a.title === 'string' ? `"${a.title}"` : `lựa chọn ${i + 1}`;
    return fields.length ? `${name} (cần ${fields.join(', ')})` : name;
  });
  const head = several
    ? e.keyword === 'oneOf'
      ? 'khớp cùng lúc nhiều lựa chọn trong khi chỉ được khớp đúng một'
      : 'không khớp lựa chọn nào cho phép'
    : e.keyword === 'oneOf'
      ? 'phải khớp đúng một lựa chọn'
      : 'phải khớp ít nhất một lựa chọn';
  return { path: e.instancePath, predicate: `${head}: ${describe.join(' hoặc ')}` };
}
