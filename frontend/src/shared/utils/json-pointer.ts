/** JSON Pointers (RFC 6901) as the UI needs them: RJSF ids, ErrorSchema, reading data. */
import type { ErrorSchema } from '@rjsf/utils';
import { getAt, parsePointerStrict, toPointer } from '../schema-form/schema-lib';

/** RFC 6901 through @bdg/schemas' one implementation; lenient here ("" and "/" are the root, a bad pointer reads nothing). */
export function parsePointer(pointer: string): string[] {
  if (!pointer || pointer === '/') return [];
  try {
    return parsePointerStrict(pointer.startsWith('/') ? pointer : `/${pointer}`);
  } catch {
    return [];
  }
}

export { toPointer };

const UNSAFE = new Set(['__proto__', 'prototype', 'constructor']);

export function getAtPointer(data: unknown, pointer: string): unknown {
  const segs = parsePointer(pointer);
  return segs.some((s) => UNSAFE.has(s)) ? undefined : getAt(data, segs);
}

/** The DOM id RJSF gives the input at this pointer (idPrefix "root", idSeparator "_"). */
export function pointerToId(pointer: string): string {
  return ['root', ...parsePointer(pointer)].join('_');
}

/** The first segment: which top-level section a field lives in. */
export function sectionOf(pointer: string): string | undefined {
  return parsePointer(pointer)[0];
}

/** Field errors with pointers → RJSF's nested ErrorSchema (shown beside each field). */
export function errorsToErrorSchema(errors: readonly { path: string; message: string }[]): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const e of errors) {
    let node = root;
    for (const seg of parsePointer(e.path)) {
      if (UNSAFE.has(seg)) break;
      node[seg] ??= {};
      node = node[seg] as Record<string, unknown>;
    }
    const list = (node.__errors ??= []) as string[];
    if (!list.includes(e.message)) list.push(e.message);
  }
  return root as ErrorSchema;
}
