/** Seal red on a rendered page: pdftoppm (poppler-utils) renders it at 72 dpi (1 px = 1 pt), as PPM. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The rectangle [x1, y1, x2, y2] (PDF points, origin bottom left) of the last widget whose /Rect is not empty. */
export function lastWidgetRect(pdf: Buffer): [number, number, number, number] | null {
  const rects = [...pdf.toString('latin1').matchAll(/\/Rect\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/g)].map((m) => m.slice(1, 5).map(Number) as [number, number, number, number]);
  return rects.filter(([x1, y1, x2, y2]) => x2 - x1 > 1 && y2 - y1 > 1).at(-1) ?? null;
}

/**
 * How many pixels are seal red (strong red, little green and blue) on page `page` (1-based, or 'last')
 * inside `rect`, as poppler draws the page with its annotations' appearances.
 */
export function redPixels(pdf: Buffer, page: number | 'last', rect: [number, number, number, number]): number {
  const dir = mkdtempSync(path.join(tmpdir(), 'red-'));
  const file = path.join(dir, 'doc.pdf');
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', file], { encoding: 'utf8' });
  const n = page === 'last' ? Number(/Pages:\s+(\d+)/.exec(info)![1]) : page;
  const height = Number(new RegExp(`Page\\s+${n} size:\\s+[\\d.]+ x ([\\d.]+)`).exec(info)![1]);
  const [x1, y1, x2, y2] = rect.map(Math.round) as [number, number, number, number];
  const ppm = execFileSync('pdftoppm', ['-r', '72', '-f', String(n), '-l', String(n), '-x', String(x1), '-y', String(Math.round(height) - y2), '-W', String(x2 - x1), '-H', String(y2 - y1), file], {
    maxBuffer: 64 * 1024 * 1024,
  });
  // P6 header: "P6\n<w> <h>\n255\n", then RGB triples.
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not answer a PPM image');
  let red = 0;
  for (let i = header[0].length; i + 2 < ppm.length; i += 3) if (ppm[i]! > 150 && ppm[i + 1]! < 110 && ppm[i + 2]! < 110) red += 1;
  return red;
}
