import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LARGE_PDF_BLOCKS, pdfWeight, renderPdfFor, withBreakableWords } from './pdf-large.js';
import { input } from './render/__fixtures__/render-input.js';
import { buildDocumentModel, type DocBlock, type DocModel } from './render/index.js';

const tableOf = (n: number): DocBlock => ({
  kind: 'table',
  path: '/bang',
  columns: [
    { key: 'tt', title: 'TT', numeric: false, weight: 0 },
    { key: 'ten', title: 'Tên đơn vị', numeric: false, weight: 3 },
    { key: 'so', title: 'Số', numeric: true, weight: 1 },
  ],
  rows: Array.from({ length: n }, (_, i) => [String(i + 1), `Trường số ${i + 1}`, String(i * 3)]),
});

describe('renderPdfFor', () => {
  const base = buildDocumentModel(input());

  it('weighs a document by its laid-out nodes: a table counts its rows', () => {
    const m: DocModel = { ...base, body: [...base.body, tableOf(2000)] };
    expect(pdfWeight(m)).toBe(pdfWeight(base) + 2001);
    expect(pdfWeight(m)).toBeGreaterThan(LARGE_PDF_BLOCKS);
  });

  it('renders one table of 2,000 rows (the path without the quadratic pageBreakBefore), every row present', async () => {
    const m: DocModel = { ...base, body: [...base.body, tableOf(2000)] };
    const { pdf } = await renderPdfFor(m);
    const dir = mkdtempSync(path.join(tmpdir(), 'bdg-pdf-'));
    writeFileSync(path.join(dir, 'a.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Trường số 1 ');
    expect(text).toContain('Trường số 2000');
    expect(text).toContain('5997');
  }, 120_000);

  it('renders a 50,000-character word (quadratic in pdfmake without break opportunities), text intact', async () => {
    const word = 'a'.repeat(49_999) + 'Z';
    const m: DocModel = { ...base, body: [...base.body, { kind: 'paragraph', text: word, path: '/dai', missing: false }] };
    expect((withBreakableWords(m).body.at(-1) as { text: string }).text.replace(/\u200B/g, '')).toBe(word);
    const t = performance.now();
    const { pdf } = await renderPdfFor(m);
    expect(performance.now() - t).toBeLessThan(60_000);
    const dir = mkdtempSync(path.join(tmpdir(), 'bdg-pdf-'));
    writeFileSync(path.join(dir, 'a.pdf'), pdf);
    const text = execFileSync('pdftotext', [path.join(dir, 'a.pdf'), '-'], { encoding: 'utf8' }).replace(/[\s\u200B]/g, '');
    // page headers and numbers interleave with the text: count the runs of 40 "a"s instead
    expect((text.match(/a{40}/g) ?? []).length).toBeGreaterThanOrEqual(Math.floor(49_999 / 40));
    expect(text).toContain('aZ');
  }, 120_000);
});
