/**
 * The built SPA, served light: hashed assets (frontend/dist/assets) are immutable for a year and
 * sent pre-compressed (brotli or gzip files written next to them by scripts/build.mjs) when the
 * browser accepts it; index.html is revalidated on every load so a deploy is seen at once.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NextFunction, Request, Response } from 'express';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};
const ENCODINGS = [
  { token: 'br', ext: '.br' },
  { token: 'gzip', ext: '.gz' },
] as const;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** Which pre-compressed variant of `file` to send for this Accept-Encoding, if any. */
export function precompressedVariant(file: string, acceptEncoding: string | undefined): { file: string; encoding: string } | null {
  const accepted = new Set((acceptEncoding ?? '').split(',').map((e) => e.split(';')[0]!.trim().toLowerCase()));
  for (const e of ENCODINGS) if (accepted.has(e.token) && existsSync(file + e.ext)) return { file: file + e.ext, encoding: e.token };
  return null;
}

/** Serves /assets/* from their .br/.gz twins; everything else goes on to express.static. */
export function precompressedAssets(dist: string) {
  const assets = path.join(dist, 'assets');
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.path.startsWith('/assets/')) return next();
    const file = path.join(dist, path.normalize(req.path));
    const type = TYPES[path.extname(file)];
    if (!file.startsWith(assets + path.sep) || !type) return next();
    const variant = precompressedVariant(file, req.headers['accept-encoding']);
    if (!variant) return next();
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Encoding', variant.encoding);
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Cache-Control', IMMUTABLE);
    res.sendFile(variant.file, { cacheControl: false });
  };
}

/** express.static's setHeaders: hashed assets forever, the rest (index.html, favicon) revalidated. */
export function cacheHeaders(res: Response, file: string) {
  res.setHeader('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? IMMUTABLE : REVALIDATE);
}
