/**
 * Vietnamese text as ASCII words joined by `separator`: marks dropped, đ → d, lower case, any other run of
 * characters → one separator, none at either end. "Tỷ lệ nữ CBQL" → "ty-le-nu-cbql" (file names, codes).
 */
export function asciiSlug(text: string, separator = '-'): string {
  const folded = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
  const words = folded.split(/[^a-z0-9]+/).filter(Boolean);
  return words.join(separator);
}
