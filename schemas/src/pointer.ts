/** JSON Pointer (RFC 6901): the one implementation; reading schemas by pointer lives in walker.ts. */

export function escapeSegment(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}
export function unescapeSegment(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}
export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return pointer === '/' ? [''] : [];
  if (!pointer.startsWith('/')) throw new Error(`JSON Pointer không hợp lệ: ${pointer}`);
  return pointer.slice(1).split('/').map(unescapeSegment);
}
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + escapeSegment(String(s))).join('');
}

/** Khoá không bao giờ được đọc/ghi như thuộc tính dữ liệu (chống ô nhiễm prototype). */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'prototype', 'constructor']);

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Đọc giá trị tại các đoạn đường dẫn, chỉ theo thuộc tính riêng. */
export function getAt(data: unknown, segments: readonly string[]): unknown {
  let cur: unknown = data;
  for (const seg of segments) {
    if (Array.isArray(cur)) {
      if (!/^(0|[1-9]\d*)$/.test(seg)) return undefined;
      cur = cur[Number(seg)];
    } else if (isPlainObject(cur)) {
      if (!Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
      cur = cur[seg];
    } else return undefined;
  }
  return cur;
}

export function isArraySegment(seg: string): boolean {
  return seg === '*' || seg === '-' || /^(0|[1-9]\d*)$/.test(seg);
}
