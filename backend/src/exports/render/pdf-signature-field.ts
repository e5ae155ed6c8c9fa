/**
 * Prints a pdfmake definition to PDF with what the official record needs before it is signed:
 * the data file attached inside the PDF (Nghị định 09/2019: a report is sent with its data file;
 * EmbeddedFiles + AF, so the signature covers it) and the PAdES signature field whose widget sits on
 * the signer block's visible appearance, on the page where pdfmake put that block. The bytes are then
 * signed by @signpdf/signpdf in the API thread.
 */
import { createRequire } from 'node:module';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { placeholderAtMark } from '../../signing/pades/visible-placeholder.js';
import { pdfFont } from './fonts.js';
import { SIGNATURE_FIELD_HEIGHT, SIGNATURE_MARK_URI } from './pdf.renderer.js';

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
  file(src: Buffer, o: { name: string; type: string; description: string; relationship: string; creationDate?: Date; modifiedDate?: Date }): unknown;
}
type Printer = new (fonts: Record<string, unknown>) => {
  createPdfKitDocument(def: TDocumentDefinitions): PdfKitDoc;
};
const PdfPrinter = createRequire(import.meta.url)('pdfmake') as Printer;

const round = (n: number): number => Math.round(n * 100) / 100;

/** Signature field width in pt (as laid out in pdf.renderer.ts: 190 pt plus the frame). */
const FIELD_WIDTH = 192;

/**
 * The field's rectangle from its mark's (pdf.renderer.ts draws the 1 pt mark, with its link, at the
 * appearance's top left): the cell's margin (4 pt, 3 pt) and the frame's rule around it.
 */
function fieldRect(mark: [number, number, number, number]): [number, number, number, number] {
  const x = mark[0] - 5;
  const top = mark[3] + 4;
  return [round(x), round(top - SIGNATURE_FIELD_HEIGHT - 8), round(x + FIELD_WIDTH), round(top)];
}

/**
 * Prints with pdfmake's public API (PDFKit's for the attached files). The signature field's place is
 * read back from the printed PDF: pdfmake draws the mark's link annotation where it finally put the
 * signer block (its recorded node positions miss the moves of unbreakable blocks), and the placeholder
 * replaces it.
 */
export async function printPdf(def: TDocumentDefinitions, extras: PdfExtras = {}): Promise<{ pdf: Buffer; field: FieldPlace | null }> {
  const font = pdfFont();
  const doc = new PdfPrinter({ [font.family]: font.faces }).createPdfKitDocument(def);
  const f = extras.signatureField;
  for (const a of extras.attachments ?? [])
    doc.file(Buffer.from(a.content), { name: a.name, type: a.mimeType, description: a.description, relationship: 'Data', creationDate: f?.signingTime, modifiedDate: f?.signingTime });
  const pdf = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
  // Annotations are written uncompressed: a PDF without the mark is returned as printed.
  if (!f && !pdf.includes(SIGNATURE_MARK_URI, 0, 'latin1')) return { pdf, field: null };
  const placed = await placeholderAtMark(pdf, SIGNATURE_MARK_URI, f ?? null, fieldRect);
  return { pdf: placed.pdf, field: placed.place };
}
