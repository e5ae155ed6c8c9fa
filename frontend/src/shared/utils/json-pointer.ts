/** JSON Pointers (RFC 6901) as the UI needs them: RJSF ids, ErrorSchema, reading data. */
import type { ErrorSchema } from '@rjsf/utils';

export function parsePointer(pointer: string): string[] {
  if (!pointer || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function toPointer(path: readonly (string | number)[]): string {
  return path.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

const UNSAFE = new Set(['__proto__', 'prototype', 'constructor']);

export function getAtPointer(data: unknown, pointer: string): unknown {
  let cur: unknown = data;
  for (const seg of parsePointer(pointer)) {
    if (cur === null || typeof cur !== 'object' || UNSAFE.has(seg)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
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
