import { create as contentDispositionHeader } from 'content-disposition';

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
 * `attachment; filename="<ASCII>"; filename*=UTF-8''<percent-encoded>` (RFC 6266 / 5987), built by the
 * `content-disposition` package: old clients take the ASCII slug, others the Vietnamese name.
 */
export function contentDisposition(fileName: string): string {
  // Control characters and path separators never reach the header, whatever the name holds.
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = fileName.normalize('NFC').replace(/[\u0000-\u001f\u007f"\\/]/g, '_').trim() || 'tep';
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 ? asciiSlug(clean.slice(dot + 1)) : '';
  const base = asciiSlug(dot > 0 ? clean.slice(0, dot) : clean) || 'tep';
  return contentDispositionHeader(clean, { fallback: ext ? `${base}.${ext}` : base });
}
