/**
 * Text a person can see. Control characters (Cc), format characters (Cf: zero-width spaces and
 * joiners, bidirectional overrides and isolates such as U+202E, the BOM, the soft hyphen),
 * separators (Z) and the Hangul/Braille fillers render as nothing: a comment made only of them
 * is empty, and a file name must not carry them (U+202E makes "gpj.exe" read "exe.jpg").
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Z}\u115F\u1160\u3164\uFFA0\u2800]/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');
const INVISIBLE_EDGES = new RegExp(`^${INVISIBLE.source}+|${INVISIBLE.source}+$`, 'gu');
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}]/gu;

/** True when the string shows at least one visible character. */
export function hasVisibleText(s: unknown): s is string {
  return typeof s === 'string' && s.replace(INVISIBLE_ALL, '').length > 0;
}

/** The string without invisible characters at either end (inner spaces kept). */
export function trimInvisible(s: string): string {
  return s.replace(INVISIBLE_EDGES, '');
}

/** The string without any control or format character (for names shown to others, such as file names). */
export function stripControlAndFormat(s: string): string {
  return s.replace(CONTROL_OR_FORMAT, '');
}
