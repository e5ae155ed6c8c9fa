import express from 'express';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { cacheHeaders, IMMUTABLE, precompressedAssets, precompressedVariant } from './static-assets.js';

function dist() {
  const dir = mkdtempSync(path.join(tmpdir(), 'bdg-dist-'));
  mkdirSync(path.join(dir, 'assets'));
  const js = 'export const x = 1;\n'.repeat(200);
  writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), js);
  writeFileSync(path.join(dir, 'assets', 'app-abc123.js.br'), brotliCompressSync(js));
  writeFileSync(path.join(dir, 'assets', 'app-abc123.js.gz'), gzipSync(js));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Báo cáo BĐG</title>');
  const app = express();
  app.use(precompressedAssets(dir));
  app.use(express.static(dir, { index: false, cacheControl: false, setHeaders: cacheHeaders }));
  return { dir, app, js };
}

describe('static assets', () => {
  it('prefers brotli, then gzip, by Accept-Encoding; nothing when neither is accepted', () => {
    const { dir } = dist();
    const file = path.join(dir, 'assets', 'app-abc123.js');
    expect(precompressedVariant(file, 'gzip, deflate, br')).toEqual({ file: `${file}.br`, encoding: 'br' });
    expect(precompressedVariant(file, 'gzip;q=1.0')).toEqual({ file: `${file}.gz`, encoding: 'gzip' });
    expect(precompressedVariant(file, 'identity')).toBeNull();
    expect(precompressedVariant(file, undefined)).toBeNull();
  });

  it('sends the brotli twin of a hashed asset with its type, encoding, Vary and a year-long immutable cache', async () => {
    const { app, js } = dist();
    const res = await request(app).get('/assets/app-abc123.js').set('Accept-Encoding', 'br').buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['vary']).toMatch(/Accept-Encoding/);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(Number(res.headers['content-length'])).toBeLessThan(js.length / 10);
  });

  it('without compression support: the plain file, still immutable; index.html is revalidated', async () => {
    const { app } = dist();
    const plain = await request(app).get('/assets/app-abc123.js').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
    const index = await request(app).get('/index.html');
    expect(index.headers['cache-control']).toBe('no-cache');
  });

  it('never serves outside dist/assets', async () => {
    const { app } = dist();
    expect((await request(app).get('/assets/../../etc/passwd').set('Accept-Encoding', 'br')).status).toBe(404);
  });
});
