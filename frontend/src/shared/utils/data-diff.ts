/** Field-by-field difference between two versions of form data (conflicts, "changed since returned"). */
import { toPointer } from './json-pointer';

export interface FieldChange {
  path: string;
  title: string;
  before: unknown;
  after: unknown;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

/**
 * Every leaf that differs, in document order of `after` then `before`. Empty, null and missing count as equal,
 * so an untouched field does not show as a change. `titleOf` names the field (fieldTitle from @bdg/schemas).
 */
export function diffData(before: unknown, after: unknown, titleOf: (pointer: string) => string = (p) => p): FieldChange[] {
  const out: FieldChange[] = [];
  const walk = (a: unknown, b: unknown, path: (string | number)[]) => {
    if (isObject(a) || isObject(b)) {
      const ao = isObject(a) ? a : {};
      const bo = isObject(b) ? b : {};
      const keys = [...new Set([...Object.keys(bo), ...Object.keys(ao)])];
      for (const k of keys) walk(ao[k], bo[k], [...path, k]);
      return;
    }
    if (Array.isArray(a) || Array.isArray(b)) {
      const aa = Array.isArray(a) ? a : [];
      const ba = Array.isArray(b) ? b : [];
      const n = Math.max(aa.length, ba.length);
      const scalar = [...aa, ...ba].every((x) => !isObject(x) && !Array.isArray(x));
      if (scalar) {
        if (JSON.stringify(aa) !== JSON.stringify(ba)) {
          const pointer = toPointer(path);
          out.push({ path: pointer, title: titleOf(pointer), before: a, after: b });
        }
        return;
      }
      for (let i = 0; i < n; i++) walk(aa[i], ba[i], [...path, i]);
      return;
    }
    if (isEmpty(a) && isEmpty(b)) return;
    if (a !== b) {
      const pointer = toPointer(path);
      out.push({ path: pointer, title: titleOf(pointer), before: a, after: b });
    }
  };
  walk(before, after, []);
  return out;
}

/** Pointers that changed, for quick lookup beside each field. */
export function changedPaths(changes: readonly FieldChange[]): Set<string> {
  return new Set(changes.map((c) => c.path));
}
