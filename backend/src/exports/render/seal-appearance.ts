/**
 * The agency's seal as Phụ lục I draws it: red, at actual size, over the left third of the competent
 * person's signature; the uploaded seal image, else a generated red ring with the agency's name.
 * Drawn inside the signer block when the seal is applied in the same step (pdf.renderer.ts), or as the
 * appearance of a later seal signature (a one-page PDF embedded in its widget, with the agency and the
 * time under it), placed where the signer block's widget sits.
 */
import { createRequire } from 'node:module';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { addVisiblePlaceholder, type VisiblePlaceholderOptions } from '../../signing/pades/visible-placeholder.js';
import { pdfFont, type PdfFontFaces } from './fonts.js';
import { upper } from './vi-format.js';

const PT_PER_MM = 72 / 25.4;
/** Seals are about 36 mm across (Phụ lục I: the seal image at its actual size). */
export const SEAL_PT = 36 * PT_PER_MM;
/** Height of the signature's visible appearance in the signer block, in pt. */
export const SIGNATURE_FIELD_HEIGHT = 74;
export const RED = '#C00000';
/** Room under a later seal for its caption: the agency, the time, "thử nghiệm". */
const CAPTION_PT = 24;

type Place = { relativePosition: { x: number; y: number } } | { absolutePosition: { x: number; y: number } };

/** The seal drawing: the image at actual size, or a red double ring with the agency's name. */
export function sealDrawing(seal: { image: string | null; agencyName: string }, place: Place): Content {
  // A seal image is drawn at the seal's size, its proportions kept (a scan need not be exactly square).
  if (seal.image) return { image: seal.image, fit: [SEAL_PT, SEAL_PT], ...place } as Content;
  const r = SEAL_PT / 2;
  return {
    ...place,
    stack: [
      { canvas: [{ type: 'ellipse', x: r, y: r, r1: r - 1, r2: r - 1, lineColor: RED, lineWidth: 1.6 }, { type: 'ellipse', x: r, y: r, r1: r - 5, r2: r - 5, lineColor: RED, lineWidth: 0.6 }] },
      { columns: [{ width: SEAL_PT - 20, text: upper(seal.agencyName), color: RED, bold: true, fontSize: 6.5, alignment: 'center', lineHeight: 1.1 }], relativePosition: { x: 10, y: -r - 10 } },
    ],
  } as Content;
}

/** Where the seal sits relative to the top left of the signature appearance's content (over its left third). */
export const SEAL_OFFSET = { x: -SEAL_PT / 3, y: (SIGNATURE_FIELD_HEIGHT - SEAL_PT) / 2 };
/** The signature field's rectangle reaches this far left of and above its content (cell margin and rule, pdf-signature-field.ts). */
const FIELD_INSET = { x: 5, y: 4 };

/** The later seal's widget rectangle, from the signer's widget rectangle (PDF points, origin bottom left). */
export function sealRect(signer: [number, number, number, number]): [number, number, number, number] {
  const left = signer[0] + FIELD_INSET.x + SEAL_OFFSET.x;
  const top = signer[3] - FIELD_INSET.y - SEAL_OFFSET.y;
  const r = (n: number) => Math.round(n * 100) / 100;
  return [r(left), r(top - SEAL_PT - CAPTION_PT), r(left + SEAL_PT), r(top)];
}

export interface LaterSeal {
  agencyName: string;
  /** The unit's seal image (PNG, base64), or null for the generated ring. */
  imagePng: string | null;
  /** ISO 8601 with +07:00. */
  signedAt: string;
  testOnly: boolean;
}

type Printer = new (fonts: Record<string, PdfFontFaces>) => {
  createPdfKitDocument(def: TDocumentDefinitions): { on(e: string, cb: (x?: unknown) => void): unknown; end(): void };
};
const PdfPrinter = createRequire(import.meta.url)('pdfmake') as Printer;

/** The later seal's appearance: a one-page PDF the size of its widget (sealRect). */
export function renderSealAppearance(s: LaterSeal): Promise<Buffer> {
  const font = pdfFont();
  const caption: Content[] = [];
  if (s.imagePng) caption.push({ text: upper(s.agencyName), bold: true });
  caption.push({ text: s.signedAt });
  if (s.testOnly) caption.push({ text: 'Dấu thử nghiệm, không có giá trị pháp lý', fontSize: 4.5 });
  const image = s.imagePng ? `data:image/png;base64,${s.imagePng}` : null;
  const def: TDocumentDefinitions = {
    pageSize: { width: SEAL_PT, height: SEAL_PT + CAPTION_PT },
    pageMargins: [0, 0, 0, 0],
    // The caption from the seal's left edge: clear of the signer's name, centred under the signature.
    defaultStyle: { font: font.family, fontSize: 5.5, color: RED, alignment: 'left', lineHeight: 1 },
    content: [sealDrawing({ image, agencyName: s.agencyName }, { absolutePosition: { x: 0, y: 0 } }), { stack: caption, absolutePosition: { x: 0, y: SEAL_PT + 1 } }],
  };
  const doc = new PdfPrinter({ [font.family]: font.faces }).createPdfKitDocument(def);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c) => chunks.push(c as Buffer));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', (e) => reject(e as Error));
    doc.end();
  });
}

/**
 * The later seal's placeholder over a signed PDF (an incremental update), its appearance over the first
 * visible signature (the competent person's); without one, the seal is invisible.
 */
export function laterSealPlaceholder(pdf: Uint8Array, seal: LaterSeal, placeholder: VisiblePlaceholderOptions): Promise<Buffer> {
  return addVisiblePlaceholder(pdf, placeholder, async (signed) => {
    const signer = signed[0];
    return signer ? { page: signer.page, rect: sealRect(signer.rect), pdf: await renderSealAppearance(seal) } : null;
  });
}
