/**
 * Prints a pdfmake definition to PDF with what the official record needs before it is signed:
 * the data file attached inside the PDF (Nghị định 09/2019: a report is sent with its data file;
 * EmbeddedFiles + AF, so the signature covers it) and the PAdES signature field whose widget sits on
 * the signer block's visible appearance (@signpdf's PDFKit placeholder, on the page where pdfmake put
 * that block). The bytes are then signed by @signpdf/signpdf in the API thread.
 */
import { createRequire } from 'node:module';
import { pdfkitAddPlaceholder } from '@signpdf/placeholder-pdfkit010';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { pdfFont } from './fonts.js';
import { SIGNATURE_FIELD_HEIGHT, SIGNATURE_FIELD_ID } from './pdf.renderer.js';

export interface PdfAttachment {
  name: string;
  mimeType: string;
  description: string;
  content: Uint8Array;
}

export interface PdfExtras {
  /** Files attached inside the PDF (AFRelationship Data). */
  attachments?: PdfAttachment[];
  /** A signature placeholder (ASCII strings: the verifier reads /Reason for the integrity code). */
  signatureField?: { name: string; reason: string; location: string; signingTime: Date; signatureLength: number } | null;
}

/** Where the visible appearance landed: page index (0-based) and the rectangle in PDF points (origin bottom left). */
export interface FieldPlace {
  page: number;
  rect: [number, number, number, number];
}

interface PdfKitDoc {
  on(event: 'data', cb: (chunk: Buffer) => void): this;
  on(event: 'end', cb: () => void): this;
  on(event: 'error', cb: (e: Error) => void): this;
  end(): void;
  switchToPage(n: number): void;
  endAcroForm: () => PdfKitDoc;
  file(src: Buffer, o: { name: string; type: string; description: string; relationship: string; creationDate?: Date; modifiedDate?: Date }): unknown;
  page: { height: number };
}
type Printer = new (fonts: Record<string, unknown>) => {
  createPdfKitDocument(def: TDocumentDefinitions, options: { bufferPages: boolean }): PdfKitDoc;
};
const PdfPrinter = createRequire(import.meta.url)('pdfmake') as Printer;

/**
 * Where PDFKit draws the field's mark (pdf.renderer.ts puts it at the appearance's top left). pdfmake lays
 * out and draws in one call, and its recorded node positions miss the moves of unbreakable blocks, so the
 * engine it creates documents with is wrapped once to see the drawing itself. Rendering is synchronous
 * and each worker thread has its own module state.
 */
let markSeen: { page: number; x: number; y: number } | null = null;
const engine = createRequire(import.meta.url)('pdfmake/src/pdfKitEngine') as { createPdfDocument(o: unknown): PdfKitDoc };
const createPdfDocument = engine.createPdfDocument.bind(engine);
engine.createPdfDocument = (o: unknown) => {
  const doc = createPdfDocument(o) as PdfKitDoc & { image(src: unknown, x: number, y: number, opts: unknown): unknown; bufferedPageRange(): { start: number; count: number } };
  const image = doc.image.bind(doc);
  doc.image = (src, x, y, opts) => {
    if (src === SIGNATURE_FIELD_ID) markSeen = { page: doc.bufferedPageRange().count - 1, x, y };
    return image(src, x, y, opts);
  };
  return doc;
};

const round = (n: number): number => Math.round(n * 100) / 100;

/** Signature field width in pt (as laid out in pdf.renderer.ts: 190 pt plus the frame). */
const FIELD_WIDTH = 192;

export async function printPdf(def: TDocumentDefinitions, extras: PdfExtras = {}): Promise<{ pdf: Buffer; field: FieldPlace | null }> {
  markSeen = null;
  const font = pdfFont();
  const doc = new PdfPrinter({ [font.family]: font.faces }).createPdfKitDocument(def, { bufferPages: true });
  const mark = markSeen as { page: number; x: number; y: number } | null;
  for (const a of extras.attachments ?? [])
    doc.file(Buffer.from(a.content), { name: a.name, type: a.mimeType, description: a.description, relationship: 'Data', creationDate: extras.signatureField?.signingTime, modifiedDate: extras.signatureField?.signingTime });
  let field: FieldPlace | null = null;
  if (extras.signatureField) {
    const f = extras.signatureField;
    if (mark) {
      doc.switchToPage(mark.page);
      const h = doc.page.height;
      // The mark sits inside the frame: the cell's margin (4 pt, 3 pt) and the frame's rule.
      const x = mark.x - 5;
      const top = h - (mark.y - 4);
      field = { page: mark.page, rect: [round(x), round(top - SIGNATURE_FIELD_HEIGHT - 8), round(x + FIELD_WIDTH), round(top)] };
    }
    const refs = pdfkitAddPlaceholder({
      pdf: doc,
      pdfBuffer: Buffer.alloc(0),
      reason: f.reason,
      contactInfo: '',
      name: f.name,
      location: f.location,
      signingTime: f.signingTime,
      signatureLength: f.signatureLength,
      subFilter: SUBFILTER_ETSI_CADES_DETACHED,
      widgetRect: field?.rect ?? [0, 0, 0, 0],
      appName: 'BaoCaoBDG',
    }) as Record<string, { end(): void }>;
    // PDFKit writes only the references it made itself: these three are ended here (as @signpdf documents).
    for (const r of Object.values(refs)) r.end();
    // The AcroForm is @signpdf's and already written; PDFKit's own form machinery (fillable fields, which
    // this document has none of) would try to end it again with its fonts.
    doc.endAcroForm = () => doc;
  }
  const pdf = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
  return { pdf, field };
}
