/**
 * Raw inputs: what a clerk typed that cannot be the value its field declares (a letter in a number box).
 * They are kept beside the data as `{pointer: text}`, never inside it, so the rest of a draft saves and the text
 * opens the same on another PC. One implementation for the browser (split before saving, merge on opening) and
 * the server (check what it is sent).
 */
import { fieldTitle } from './titles.js';
import { getAt, isPlainObject, parsePointer, toPointer } from './pointer.js';
import type { JsonSchema } from './types.js';
import { schemaAt, typesOf } from './walker.js';

export type RawInputs = Record<string, string>;

export const MAX_RAW_INPUTS = 200;
export const MAX_RAW_INPUT_LENGTH = 500;

/** A field whose values are numbers or booleans only: text there is a typo, not a value. */
function refusesText(s: JsonSchema | undefined): boolean {
  const t = typesOf(s);
  return t.length > 0 && !t.includes('string') && t.some((x) => x === 'number' || x === 'integer' || x === 'boolean');
}

/** Takes text out of number fields: `data` without it, and the text by the field's pointer. */
export function splitRawInputs(schema: JsonSchema, data: Record<string, unknown>): { data: Record<string, unknown>; rawInputs: RawInputs } {
  const rawInputs: RawInputs = {};
  const rec = (v: unknown, segs: string[]): unknown => {
    if (Array.isArray(v)) {
      let changed = false;
      const out = v.map((x, i) => {
        const y = rec(x, [...segs, String(i)]);
        if (y !== x) changed = true;
        return y === REMOVE ? null : y;
      });
      return changed ? out : v;
    }
    if (isPlainObject(v)) {
      let out: Record<string, unknown> | null = null;
      for (const [k, x] of Object.entries(v)) {
        const y = rec(x, [...segs, k]);
        if (y === x) continue;
        out ??= { ...v };
        if (y === REMOVE) delete out[k];
        else out[k] = y;
      }
      return out ?? v;
    }
    if (typeof v === 'string' && segs.length && refusesText(schemaAt(schema, segs, data))) {
      rawInputs[toPointer(segs)] = v;
      return REMOVE;
    }
    return v;
  };
  return { data: rec(data, []) as Record<string, unknown>, rawInputs };
}
const REMOVE = Symbol('remove');

/** Puts the kept text back at its fields (the form shows it, flagged by the type check), where no value is. */
export function mergeRawInputs(data: Record<string, unknown>, rawInputs: RawInputs | null | undefined): Record<string, unknown> {
  if (!rawInputs || !Object.keys(rawInputs).length) return data;
  const root = structuredClone(data);
  for (const [pointer, text] of Object.entries(rawInputs)) {
    const segs = parsePointer(pointer);
    if (!segs.length || getAt(root, segs) !== undefined) continue;
    let cur: Record<string, unknown> | unknown[] = root;
    for (let i = 0; i < segs.length - 1; i++) {
      const seg = segs[i]!;
      const nextIsIndex = /^(0|[1-9]\d*)$/.test(segs[i + 1]!);
      const existing: unknown = Array.isArray(cur) ? cur[Number(seg)] : cur[seg];
      const next = isPlainObject(existing) || Array.isArray(existing) ? existing : nextIsIndex ? [] : {};
      if (Array.isArray(cur)) cur[Number(seg)] = next;
      else cur[seg] = next;
      cur = next as Record<string, unknown> | unknown[];
    }
    const last = segs[segs.length - 1]!;
    if (Array.isArray(cur)) cur[Number(last)] = text;
    else cur[last] = text;
  }
  return root;
}

/** What is wrong with raw inputs sent by a client: each problem names the field by its title. */
export function rawInputProblems(schema: JsonSchema, rawInputs: RawInputs): { path: string; title: string; message: string }[] {
  const entries = Object.entries(rawInputs);
  if (entries.length > MAX_RAW_INPUTS)
    return [{ path: '', title: 'Biểu mẫu', message: `Có quá nhiều ô nhập chưa đúng kiểu (tối đa ${MAX_RAW_INPUTS}).` }];
  const out: { path: string; title: string; message: string }[] = [];
  for (const [pointer, text] of entries) {
    let field: JsonSchema | undefined;
    try {
      field = /^(\/[^/]{1,100}){1,12}$/.test(pointer) ? schemaAt(schema, pointer) : undefined;
    } catch {
      field = undefined;
    }
    if (!field || !refusesText(field)) {
      out.push({ path: pointer, title: pointer, message: `Biểu mẫu không có ô số tại ${pointer}.` });
      continue;
    }
    if (typeof text !== 'string' || text.length > MAX_RAW_INPUT_LENGTH)
      out.push({ path: pointer, title: fieldTitle(schema, pointer), message: `${fieldTitle(schema, pointer)}: nội dung nhập quá dài.` });
  }
  return out;
}

/** The message a step that hands the report in gives while typos remain: every field by its title. */
export function rawInputsMessage(schema: JsonSchema, rawInputs: RawInputs): { message: string; problems: { path: string; title: string; message: string }[] } {
  const problems = Object.entries(rawInputs).map(([path, text]) => {
    const title = fieldTitle(schema, path);
    return { path, title, message: `${title}: "${text}" chưa phải là số; hãy sửa trước khi gửi.` };
  });
  const titles = problems.map((p) => p.title).join('; ');
  return { message: `Còn ${problems.length} ô nhập chưa đúng kiểu: ${titles}.`, problems };
}
