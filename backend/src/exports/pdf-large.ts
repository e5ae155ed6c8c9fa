import { createRequire } from 'node:module';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { type DocModel, pdfFont, renderPdfModel } from './render/index.js';
import { pdfDefinition } from './render/pdf.renderer.js';

/** Above this many body blocks (a consolidation of ~1,000 units has ~12,000), the PDF skips pdfmake's pageBreakBefore. */
export const LARGE_PDF_BLOCKS = 1500;

type Printer = new (fonts: Record<string, unknown>) => {
  createPdfKitDocument(def: TDocumentDefinitions): {
    on(e: 'data', cb: (c: Buffer) => void): void;
    on(e: 'end', cb: () => void): void;
    on(e: 'error', cb: (e: Error) => void): void;
    end(): void;
  };
};
const PdfPrinter = createRequire(import.meta.url)('pdfmake') as Printer;

/**
 * The PDF of a model. pdfmake's pageBreakBefore callback (keep a heading off the foot of a page)
 * is quadratic in the number of blocks: measured on a 1,200-school consolidation, 8 s without it
 * against 58 s with it. For a very large document the renderer's own grouping (a heading kept with
 * its first block in one unbreakable stack) is kept, and the callback dropped. Small documents go
 * through the renderer unchanged. (To move into render/pdf.renderer.ts by its owner.)
 */
export async function renderPdfFor(m: DocModel): Promise<Buffer> {
  if (m.body.length <= LARGE_PDF_BLOCKS) return renderPdfModel(m);
  const def = pdfDefinition(m);
  delete def.pageBreakBefore;
  const font = pdfFont();
  const doc = new PdfPrinter({ [font.family]: font.faces }).createPdfKitDocument(def);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
