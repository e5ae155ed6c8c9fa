/** ASCII slug: Vietnamese letters without their marks, đ → d, anything else → "-". */
export function asciiSlug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/**
 * `attachment; filename="<ASCII>"; filename*=UTF-8''<percent-encoded>` (RFC 6266 / 5987): old
 * clients take the ASCII name, others the Vietnamese one. No quote, backslash or control
 * character reaches the header.
 */
export function contentDisposition(fileName: string): string {
  const clean =
    [...fileName.normalize('NFC')].map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || '"\\/'.includes(c) ? '_' : c)).join('').trim() ||
    'tep';
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 ? asciiSlug(clean.slice(dot + 1)) : '';
  const base = asciiSlug(dot > 0 ? clean.slice(0, dot) : clean) || 'tep';
  const ascii = ext ? `${base}.${ext}` : base;
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
