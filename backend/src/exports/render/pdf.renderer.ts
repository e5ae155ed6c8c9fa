/**
 * PDF of the official document: the same DocModel as the DOCX, laid out with pdfmake 0.2 on the
 * server (PdfPrinter) with fonts read from npm packages (see fonts.ts), never from the system.
 */
import { createRequire } from 'node:module';
import type { Content, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { buildDocumentModel } from './document-model.js';
import { estimateTextTwips } from './docx.renderer.js';
import { pdfFont, type PdfFontFaces } from './fonts.js';
import type { DocBlock, DocModel, DocumentInput } from './types.js';
import { RED, SEAL_OFFSET, sealDrawing, SIGNATURE_FIELD_HEIGHT } from './seal-appearance.js';

export { SIGNATURE_FIELD_HEIGHT };

const PT_PER_MM = 72 / 25.4;
const mmToPt = (mm: number): number => mm * PT_PER_MM;

/** pdfmake 0.2's server API (the installed @types/pdfmake describe 0.3's browser-style API). */
export interface PdfKitDocument {
  on(event: 'data', cb: (chunk: Buffer) => void): unknown;
  on(event: 'end', cb: () => void): unknown;
  on(event: 'error', cb: (e: Error) => void): unknown;
  end(): void;
}
type PdfPrinterCtor = new (fonts: Record<string, PdfFontFaces>) => {
  createPdfKitDocument(def: TDocumentDefinitions, options?: Record<string, unknown>): PdfKitDocument;
};

const require = createRequire(import.meta.url);
const PdfPrinter = require('pdfmake') as PdfPrinterCtor;

const NO_LINES: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

const GRID: CustomTableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/** A centred horizontal rule of `width` pt in a box `boxWidth` pt wide. */
function rule(boxWidth: number, width: number, margin: [number, number, number, number] = [0, 1, 0, 3]): Content {
  const w = Math.min(width, boxWidth);
  const x1 = (boxWidth - w) / 2;
  return { canvas: [{ type: 'line', x1, y1: 0, x2: x1 + w, y2: 0, lineWidth: 0.6 }], margin };
}

/** Font size at most `pt` at which `text` fits in `width` pt on one line. */
function fit(text: string, pt: number, width: number, bold: boolean, factor: number): number {
  const w = (estimateTextTwips(text, pt, bold) / 20) * factor;
  return w <= width ? pt : Math.max(8, Math.floor(((pt * width) / w) * 10) / 10);
}

function headerBlock(m: DocModel, textWidth: number, factor: number): Content {
  const leftW = textWidth * 0.4;
  const rightW = textWidth - leftW;
  const f = m.font;
  const ruleWidth = (text: string, pt: number): number => (estimateTextTwips(text, pt, true) / 20) * factor;
  const left: Content[] = [];
  if (m.header.parentBody) {
    left.push({ text: m.header.parentBody, fontSize: fit(m.header.parentBody, f.headerPt, leftW, false, factor), alignment: 'center' });
  }
  const issuerPt = fit(m.header.issuingBody, f.headerPt, leftW, true, factor);
  left.push({ text: m.header.issuingBody, bold: true, fontSize: issuerPt, alignment: 'center' });
  left.push(rule(leftW, Math.min(ruleWidth(m.header.issuingBody, issuerPt), leftW) * 0.4));
  left.push({ text: m.header.numberLine, fontSize: f.mottoPt, alignment: 'center', margin: [0, 2, 0, 0] });
  const titlePt = fit(m.header.nationalTitle, f.headerPt, rightW, true, factor);
  const mottoPt = fit(m.header.motto, f.mottoPt, rightW, true, factor);
  const right: Content[] = [
    { text: m.header.nationalTitle, bold: true, fontSize: titlePt, alignment: 'center' },
    { text: m.header.motto, bold: true, fontSize: mottoPt, alignment: 'center' },
    rule(rightW, ruleWidth(m.header.motto, mottoPt)),
    { text: m.header.placeDate, italics: true, fontSize: f.mottoPt, alignment: 'center', margin: [0, 4, 0, 0] },
  ];
  return {
    table: { widths: [leftW, rightW], body: [[{ stack: left }, { stack: right }]] },
    layout: NO_LINES,
    margin: [0, 0, 0, 18],
  };
}

function bodyBlock(b: DocBlock, m: DocModel, textWidth: number): Content[] {
  const indent = mmToPt(10);
  const para = { alignment: 'justify' as const, leadingIndent: indent, margin: [0, 0, 0, 6] as [number, number, number, number] };
  switch (b.kind) {
    case 'heading':
      return [
        {
          ...para,
          text: `${b.number} ${b.text}`,
          bold: b.level <= 3,
          italics: b.level >= 3,
          margin: [0, b.level === 1 ? 6 : 3, 0, 6],
          headlineLevel: b.level,
        },
      ];
    case 'field':
      return [{ ...para, text: [`- ${b.label}: `, b.value] }];
    case 'paragraph':
      return [{ ...para, text: b.text }];
    case 'list':
      return b.items.map((item) => ({ ...para, text: `- ${item}` }));
    case 'table': {
      const tpt = b.columns.length > 6 ? m.font.tablePt - 2 : m.font.tablePt;
      const head: TableCell[] = b.columns.map((c) => ({ text: c.title, bold: true, alignment: 'center' }));
      const rows: TableCell[][] = b.rows.map((r) =>
        b.columns.map((c, i) => ({ text: r[i] ?? '', alignment: i === 0 ? 'center' : c.numeric ? 'right' : 'left' })),
      );
      return [
        {
          table: { headerRows: 1, dontBreakRows: true, widths: columnWidths(b.columns, textWidth), body: [head, ...rows] },
          layout: GRID,
          fontSize: tpt,
          margin: [0, 0, 0, 8],
        },
      ];
    }
  }
}

/**
 * The body, keeping each run of headings on one page with the first short block after it (a
 * field, a paragraph of up to 600 characters, a table of up to 15 rows)
 * (pdfmake's pageBreakBefore alone misses headings that moved after its first pass).
 */
function bodyContent(m: DocModel, textWidth: number): Content[] {
  const out: Content[] = [];
  const body = m.body;
  for (let i = 0; i < body.length; ) {
    if (body[i]!.kind !== 'heading') {
      out.push(...bodyBlock(body[i]!, m, textWidth));
      i += 1;
      continue;
    }
    const group: Content[] = [];
    while (i < body.length && body[i]!.kind === 'heading') group.push(...bodyBlock(body[i++]!, m, textWidth));
    const next = body[i];
    const short =
      next &&
      (next.kind === 'field' ||
        next.kind === 'list' ||
        (next.kind === 'paragraph' && next.text.length <= 600) ||
        (next.kind === 'table' && next.rows.length <= 15));
    if (next && short) group.push(...bodyBlock(body[i++]!, m, textWidth));
    out.push(group.length === 1 ? group[0]! : { stack: group, unbreakable: true });
  }
  return out;
}

/** Column widths in pt by weight; the TT column (weight 0) gets a fixed 24 pt. Cell paddings and rules are taken off. */
function columnWidths(columns: { weight: number }[], textWidth: number): number[] {
  const tt = 24;
  const chrome = columns.length * 9 + 1; // 2 × 4 pt padding + 0.5 pt rule per column
  const free = textWidth - chrome - columns.filter((c) => c.weight === 0).length * tt;
  const total = columns.reduce((sum, c) => sum + c.weight, 0) || 1;
  return columns.map((c) => (c.weight === 0 ? tt : Math.floor((free * c.weight) / total)));
}

/** The image key of the mark whose place on the page is the PAdES signature's widget (see pdf-signature-field.ts). */
export const SIGNATURE_FIELD_ID = 'bdg-signature-field';
/** The mark's link (pdfmake draws an image's `link` as a link annotation where the image lands). */
export const SIGNATURE_MARK_URI = 'urn:bdg:signature-field';
/** A 1×1 transparent PNG. */
const MARK_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR4nGNgAAIAAAUAAXpeqz8AAAAASUVORK5CYII=';
const SIGNATURE_FIELD_WIDTH = 190;
const BLUE = '#1F3BB3';

/**
 * The visible appearance of the PAdES signature (Phụ lục I): the signer's signature image (blue), or a
 * generated blue frame with who signed and when; the seal over its left third. Its place on the page is
 * the signature field's widget rectangle.
 */
function digitalAppearance(d: NonNullable<DocModel['signature']['digital']>): Content {
  const text = d.lines.map((l): Content => ({ text: l, fontSize: d.image ? 7 : 8.5, color: d.testOnly && l.startsWith('Chữ ký thử') ? RED : BLUE }));
  const inner: Content[] = [];
  if (d.seal) inner.push(sealDrawing(d.seal, { relativePosition: SEAL_OFFSET }));
  if (d.image) inner.push({ image: d.image, fit: [SIGNATURE_FIELD_WIDTH - 10, SIGNATURE_FIELD_HEIGHT - 10 * text.length], alignment: 'center' });
  inner.push(...text);
  // A transparent 1 pt mark at the field's top left, with a link: where pdfmake draws its link annotation is
  // where the widget goes (pdf-signature-field.ts), wherever pdfmake moved the signer block.
  inner.unshift({ image: SIGNATURE_FIELD_ID, width: 1, height: 1, link: SIGNATURE_MARK_URI });
  return {
    table: { widths: [SIGNATURE_FIELD_WIDTH], heights: [SIGNATURE_FIELD_HEIGHT], body: [[{ stack: inner, margin: [4, 3, 4, 3] }]] },
    // The generated appearance is framed in blue; an uploaded signature image stands alone.
    layout: d.image
      ? NO_LINES
      : { hLineWidth: () => 0.8, vLineWidth: () => 0.8, hLineColor: () => BLUE, vLineColor: () => BLUE },
    margin: [0, 4, 0, 6],
    alignment: 'left',
  } as Content;
}

function signatureBlock(m: DocModel): Content {
  const f = m.font;
  const s = m.signature;
  const right: Content[] = [];
  for (const line of s.authority?.split('\n') ?? []) right.push({ text: line, bold: true });
  right.push({ text: s.title, bold: true });
  right.push({ text: s.note ?? ' ', italics: true });
  if (s.digital) right.push({ columns: [{ width: '*', text: '' }, { width: 'auto', stack: [digitalAppearance(s.digital)] }, { width: '*', text: '' }] });
  else right.push({ text: ' ', margin: [0, 0, 0, 48] });
  right.push({ text: s.fullName || ' ', bold: true });
  return {
    unbreakable: true,
    margin: [0, 12, 0, 0],
    columns: [
      {
        width: '50%',
        stack: [
          { text: m.recipients.heading, bold: true, italics: true, fontSize: f.recipientsHeadingPt },
          ...m.recipients.items.map((r): Content => ({ text: r, fontSize: f.recipientsPt })),
        ],
      },
      { width: '50%', stack: right, alignment: 'center', fontSize: f.bodyPt },
    ],
  };
}

/**
 * A heading with nothing but headings after it on its page moves to the next one. pdfmake 0.2 calls this with
 * (node, followingNodesOnPage, …) and looks at the function's arity, so both parameters stay;
 * the installed @types/pdfmake describe 0.3's signature, hence the cast.
 */
const keepHeadingsWithNext = ((node: { headlineLevel?: number }, followingNodesOnPage: { headlineLevel?: number }[]): boolean =>
  Boolean(node.headlineLevel) && followingNodesOnPage.every((n) => Boolean(n.headlineLevel))) as unknown as TDocumentDefinitions['pageBreakBefore'];

/** The pdfmake document definition of a model (exported for tests and previews). */
export function pdfDefinition(m: DocModel): TDocumentDefinitions {
  const font = pdfFont();
  const margins = m.page.marginsMm;
  const textWidth = mmToPt(m.page.widthMm - margins.left - margins.right);
  const stamp: Content | null = m.stamp
    ? { text: m.stamp, bold: true, color: '#C00000', fontSize: 14, alignment: 'right', margin: [0, mmToPt(6), mmToPt(margins.right), 0] }
    : null;
  const content: Content[] = [headerBlock(m, textWidth, font.widthFactor)];
  if (m.stamp) content.push({ text: m.stamp, bold: true, color: '#C00000', fontSize: m.font.bodyPt + 4, alignment: 'center', margin: [0, 0, 0, 6] });
  content.push({ text: m.documentType, bold: true, alignment: 'center', fontSize: m.font.bodyPt });
  content.push({ text: m.subject, bold: true, alignment: 'center', fontSize: m.font.bodyPt });
  content.push(rule(textWidth, mmToPt(30), [0, 4, 0, 3]));
  content.push({ text: ' ', fontSize: 6 });
  const body = bodyContent(m, textWidth);
  // Keep-with-next: the last body block travels with the signer block, unless it could not fit on one
  // page with it (a long table or text): an unbreakable group taller than a page would be cut.
  const last = body.length ? body[body.length - 1]! : null;
  if (last && travelsWithSigner(m.body[m.body.length - 1])) {
    content.push(...body.slice(0, -1));
    content.push({ stack: [last, signatureBlock(m)], unbreakable: true });
  } else {
    content.push(...body);
    content.push(signatureBlock(m));
  }
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [mmToPt(margins.left), mmToPt(margins.top), mmToPt(margins.right), mmToPt(margins.bottom)],
    info: {
      title: `${m.documentType} ${m.subject}`.trim(),
      creator: 'Báo cáo BĐG',
      subject: `${m.meta.templateCode} v${m.meta.templateVersion}`,
    },
    defaultStyle: { font: font.family, fontSize: m.font.bodyPt, lineHeight: 1.1 },
    // Nghị định 30: page numbers centred at the top from page 2 on.
    header: (currentPage: number): Content => {
      const parts: Content[] = [];
      if (currentPage > 1) parts.push({ text: String(currentPage), alignment: 'center', fontSize: m.font.bodyPt, margin: [0, mmToPt(8), 0, 0] });
      if (stamp) parts.push(stamp);
      return { stack: parts };
    },
    footer: m.footer
      ? { text: m.footer, fontSize: 7, color: '#595959', margin: [mmToPt(margins.left), 0, mmToPt(margins.right), 0] }
      : undefined,
    pageBreakBefore: keepHeadingsWithNext,
    images: { [SIGNATURE_FIELD_ID]: MARK_PNG },
    watermark: m.stamp ? { text: m.stamp, color: '#C00000', opacity: 0.08, bold: true, font: font.family } : undefined,
    content,
  };
}

/** The PDF a pdfmake document writes, as one buffer. */
export function pdfToBuffer(doc: PdfKitDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** Lays out a built model; exported so callers that already built it reuse it. */
export async function renderPdfModel(m: DocModel): Promise<Buffer> {
  const font = pdfFont();
  const printer = new PdfPrinter({ [font.family]: font.faces });
  const doc = printer.createPdfKitDocument(pdfDefinition(m));
  return pdfToBuffer(doc);
}

export async function renderPdf(input: DocumentInput): Promise<Buffer> {
  return renderPdfModel(buildDocumentModel(input));
}

/** About a third of a page of text: more, with the signer block, may not fit on one page. */
const KEEP_WITH_SIGNER_MAX_CHARS = 1200;

function travelsWithSigner(block: DocModel['body'][number] | undefined): boolean {
  if (!block) return false;
  if (block.kind === 'table') return block.rows.length <= 15;
  const text = (block as { text?: unknown }).text;
  return typeof text !== 'string' || text.length <= KEEP_WITH_SIGNER_MAX_CHARS;
}
