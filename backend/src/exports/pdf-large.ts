import { createRequire } from 'node:module';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { type DocBlock, type DocModel, pdfFont, renderPdfModel } from './render/index.js';
import { pdfDefinition, type PdfKitDocument, pdfToBuffer } from './render/pdf.renderer.js';

/**
 * Above this many laid-out nodes (body blocks, table rows, list items; a consolidation of ~1,000 units
 * has ~12,000), the PDF skips pdfmake's pageBreakBefore.
 */
export const LARGE_PDF_BLOCKS = 1500;

const ZWSP = '\u200B';
/** Runs of more than this many non-space characters get a break opportunity every this many. */
export const LONGEST_UNBROKEN = 40;
const LONG_WORD = new RegExp(`(\\S{${LONGEST_UNBROKEN}})(?=\\S)`, 'g');

/**
 * pdfmake breaks a word wider than the line character by character, quadratically: a 2,000-character
 * "word" took 5.8 s, 8,000 took 30 s, 50,000 never ended. A zero-width space every 40 characters gives
 * it break opportunities (50,000 characters: 6.8 s, whole document); the text reads and copies the same.
 */
export function withBreakableWords(m: DocModel): DocModel {
  const fix = (t: string): string => (t.length > LONGEST_UNBROKEN ? t.replace(LONG_WORD, `$1${ZWSP}`) : t);
  const body = m.body.map((b): DocBlock => {
    switch (b.kind) {
      case 'heading':
        return { ...b, text: fix(b.text) };
      case 'field':
        return { ...b, value: fix(b.value) };
      case 'paragraph':
        return { ...b, text: fix(b.text) };
      case 'list':
        return { ...b, items: b.items.map(fix) };
      case 'table':
        return { ...b, rows: b.rows.map((r) => r.map(fix)) };
      default:
        return b;
    }
  });
  return { ...m, body };
}

/** What pdfmake's pageBreakBefore pass is quadratic in: every block, every table row, every list item. */
export function pdfWeight(m: DocModel): number {
  let n = 0;
  for (const b of m.body) n += 1 + (b.kind === 'table' ? b.rows.length : b.kind === 'list' ? b.items.length : 0);
  return n;
}

type Printer = new (fonts: Record<string, unknown>) => {
  createPdfKitDocument(def: TDocumentDefinitions): PdfKitDocument;
};
const PdfPrinter = createRequire(import.meta.url)('pdfmake') as Printer;

/**
 * The PDF of a model. pdfmake's pageBreakBefore callback (keep a heading off the foot of a page)
 * is quadratic in the number of nodes — table rows included: measured on a 1,200-school consolidation,
 * 8 s without it against 58 s with it; one table of 1,000 / 2,000 rows took 14 s / 52 s with it,
 * 10 s / 21 s without (4,000 rows: 193 s against 22 s). Splitting a large table into chunks changed
 * nothing measurable once the callback is gone (4,000 rows in chunks of 200: 22 s), so rendering is
 * linear without it. For a large document the renderer's own grouping (a heading kept with its first
 * block in one unbreakable stack) is kept, and the callback dropped. Small documents go through the
 * renderer unchanged. (To move into render/pdf.renderer.ts by its owner.)
 */
export async function renderPdfFor(model: DocModel): Promise<Buffer> {
  const m = withBreakableWords(model);
  if (pdfWeight(m) <= LARGE_PDF_BLOCKS) return renderPdfModel(m);
  const def = pdfDefinition(m);
  delete def.pageBreakBefore;
  const font = pdfFont();
  const doc = new PdfPrinter({ [font.family]: font.faces }).createPdfKitDocument(def);
  return pdfToBuffer(doc);
}
