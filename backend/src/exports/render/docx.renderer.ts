/**
 * DOCX of the official document (Nghị định 30/2020/NĐ-CP, Phụ lục I): the DocModel laid out with
 * the `docx` library. Text only from the model, so the PDF shows the same words.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { buildDocumentModel } from './document-model.js';
import type { DocBlock, DocModel, DocumentInput } from './types.js';

/** 1 mm in twips (1/1440 inch). */
export const TWIPS_PER_MM = 1440 / 25.4;
export const mmToTwips = (mm: number): number => Math.round(mm * TWIPS_PER_MM);
const half = (pt: number): number => pt * 2; // docx run sizes are half-points

const NO_BORDERS = TableBorders.NONE;
const NO_CELL_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 };
/** Nghị định 30/2020: a new paragraph is indented 1–1,27 cm. */
const FIRST_LINE = mmToTwips(10);
/** Spacing between paragraphs at least 6 pt; line spacing between single and 1,5 lines. */
const BODY_SPACING = { before: 0, after: 120, line: 288 };

/**
 * Rough width of a line of Times New Roman in twips, to size the short rules under the issuing
 * body and the tiêu ngữ (Word has no "rule as long as the text above" of its own).
 */
export function estimateTextTwips(text: string, pt: number, bold: boolean): number {
  let em = 0;
  for (const ch of text) {
    if (ch === ' ') em += 0.25;
    else if (/[-.,:;()]/.test(ch)) em += 0.3;
    else if (ch === ch.toUpperCase() && ch !== ch.toLowerCase()) em += bold ? 0.72 : 0.68;
    else if (/\d/.test(ch)) em += 0.5;
    else em += bold ? 0.5 : 0.46;
  }
  return Math.round(em * pt * 20);
}

function run(text: string, pt: number, opts: { bold?: boolean; italics?: boolean; color?: string } = {}): TextRun {
  return new TextRun({ text, size: half(pt), bold: opts.bold, italics: opts.italics, color: opts.color });
}

/** An empty, 1 pt high paragraph whose top border draws a centred rule `width` twips long. */
function rule(cellWidth: number, width: number): Paragraph {
  const w = Math.max(200, Math.min(width, cellWidth));
  const side = Math.max(0, Math.round((cellWidth - w) / 2));
  return new Paragraph({
    children: [run('', 1)],
    run: { size: 2 },
    indent: { left: side, right: side },
    spacing: { before: 80, after: 0, line: 20, lineRule: 'exact' },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
  });
}

function centered(children: TextRun[], after = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after }, children });
}

function headerTable(m: DocModel, textWidth: number): Table {
  const leftW = Math.round(textWidth * 0.4);
  const rightW = textWidth - leftW;
  const f = m.font;
  const left: Paragraph[] = [];
  if (m.header.parentBody) left.push(centered([run(m.header.parentBody, f.headerPt)]));
  left.push(centered([run(m.header.issuingBody, f.headerPt, { bold: true })]));
  // Nghị định 30: a rule 1/3 to 1/2 as long as the issuing body's line, centred under it.
  left.push(rule(leftW, Math.round(estimateTextTwips(m.header.issuingBody, f.headerPt, true) * 0.4)));
  left.push(centered([run(m.header.numberLine, f.mottoPt)]));
  const right: Paragraph[] = [
    centered([run(m.header.nationalTitle, f.headerPt, { bold: true })]),
    centered([run(m.header.motto, f.mottoPt, { bold: true })]),
    // ... and a rule as long as the tiêu ngữ.
    rule(rightW, estimateTextTwips(m.header.motto, f.mottoPt, true)),
    centered([run(m.header.placeDate, f.mottoPt + 1, { italics: true })]),
  ];
  const cell = (children: Paragraph[], width: number): TableCell =>
    new TableCell({ children, width: { size: width, type: WidthType.DXA }, margins: NO_CELL_MARGINS, borders: NO_BORDERS });
  return new Table({
    rows: [new TableRow({ children: [cell(left, leftW), cell(right, rightW)] })],
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [leftW, rightW],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: NO_CELL_MARGINS,
  });
}

function headingParagraph(b: Extract<DocBlock, { kind: 'heading' }>, pt: number): Paragraph {
  const italics = b.level >= 3;
  const bold = b.level <= 3;
  return new Paragraph({
    keepNext: true,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE },
    spacing: { ...BODY_SPACING, before: b.level === 1 ? 120 : 60 },
    children: [run(`${b.number} ${b.text}`, pt, { bold, italics })],
  });
}

function bodyParagraph(children: TextRun[], keepNext = false): Paragraph {
  return new Paragraph({ keepNext, alignment: AlignmentType.JUSTIFIED, indent: { firstLine: FIRST_LINE }, spacing: BODY_SPACING, children });
}

function dataTable(b: Extract<DocBlock, { kind: 'table' }>, textWidth: number, basePt: number): Table {
  const pt = b.columns.length > 6 ? basePt - 2 : basePt;
  const ttW = mmToTwips(10);
  const weights = b.columns.reduce((sum, c) => sum + c.weight, 0) || 1;
  const widths = b.columns.map((c) => (c.weight === 0 ? ttW : Math.floor(((textWidth - ttW) * c.weight) / weights)));
  const restW = Math.floor((textWidth - ttW) / Math.max(1, b.columns.length - 1));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const margins = { top: 40, bottom: 40, left: 80, right: 80 };
  const cell = (text: string, i: number, header: boolean, numeric: boolean): TableCell =>
    new TableCell({
      width: { size: widths[i] ?? restW, type: WidthType.DXA },
      margins,
      borders,
      verticalAlign: VerticalAlignTable.CENTER,
      children: [
        new Paragraph({
          alignment: header || i === 0 ? AlignmentType.CENTER : numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
          spacing: { before: 0, after: 0 },
          children: [run(text, pt, { bold: header })],
        }),
      ],
    });
  const head = new TableRow({ tableHeader: true, children: b.columns.map((c, i) => cell(c.title, i, true, false)) });
  const rows = b.rows.map(
    // No cantSplit here: LibreOffice drops a row that cannot split at a page break under a repeated header row.
    (r) => new TableRow({ children: b.columns.map((c, i) => cell(r[i] ?? '', i, false, c.numeric)) }),
  );
  return new Table({
    rows: [head, ...rows],
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
  });
}

function bodyChildren(m: DocModel, textWidth: number): (Paragraph | Table)[] {
  const pt = m.font.bodyPt;
  const out: (Paragraph | Table)[] = [];
  // The last paragraph keeps with the signer block (keep-with-next), so the block never stands alone on a page.
  const lastIndex = m.body.length - 1;
  for (const [i, b] of m.body.entries()) {
    const last = i === lastIndex;
    switch (b.kind) {
      case 'heading':
        out.push(headingParagraph(b, pt));
        break;
      case 'field':
        out.push(bodyParagraph([run(`- ${b.label}: `, pt), run(b.value, pt)], last));
        break;
      case 'paragraph':
        out.push(bodyParagraph([run(b.text, pt)], last));
        break;
      case 'list':
        for (const item of b.items) out.push(bodyParagraph([run(`- ${item}`, pt)], last));
        break;
      case 'table':
        out.push(dataTable(b, textWidth, m.font.tablePt));
        out.push(new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }));
        break;
    }
  }
  return out;
}

function signatureTable(m: DocModel, textWidth: number): Table {
  const leftW = Math.round(textWidth * 0.5);
  const rightW = textWidth - leftW;
  const f = m.font;
  const left: Paragraph[] = [
    new Paragraph({
      spacing: { before: 0, after: 0 },
      children: [run(m.recipients.heading, f.recipientsHeadingPt, { bold: true, italics: true })],
    }),
    ...m.recipients.items.map((r) => new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(r, f.recipientsPt)] })),
  ];
  const s = m.signature;
  const right: Paragraph[] = [];
  for (const line of s.authority?.split('\n') ?? []) right.push(centered([run(line, f.bodyPt, { bold: true })]));
  right.push(centered([run(s.title, f.bodyPt, { bold: true })]));
  right.push(centered(s.note ? [run(s.note, f.bodyPt, { italics: true })] : []));
  // Room for the handwritten signature and the seal.
  for (let i = 0; i < 3; i++) right.push(centered([]));
  right.push(centered([run(s.fullName, f.bodyPt, { bold: true })]));
  const cell = (children: Paragraph[], width: number): TableCell =>
    new TableCell({ children, width: { size: width, type: WidthType.DXA }, margins: NO_CELL_MARGINS, borders: NO_BORDERS });
  return new Table({
    rows: [new TableRow({ cantSplit: true, children: [cell(left, leftW), cell(right, rightW)] })],
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [leftW, rightW],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: NO_CELL_MARGINS,
  });
}

function stampParagraph(stamp: string): Paragraph {
  const border = { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 2 };
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: { before: 0, after: 0 },
    border: { top: border, bottom: border, left: border, right: border },
    indent: { left: mmToTwips(120) },
    children: [run(stamp, 16, { bold: true, color: 'C00000' })],
  });
}

/** Lays out a built model; exported so callers that already built it (and logged its warnings) reuse it. */
export async function renderDocxModel(m: DocModel): Promise<Buffer> {
  const margins = m.page.marginsMm;
  const textWidth = mmToTwips(m.page.widthMm - margins.left - margins.right);
  const pt = m.font.bodyPt;

  // Nghị định 30: page numbers centred in the top margin, from page 2 on.
  const pageNumber = new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: half(pt) })] });
  const firstHeader = new Header({ children: m.stamp ? [stampParagraph(m.stamp)] : [new Paragraph({ children: [] })] });
  const otherHeader = new Header({ children: m.stamp ? [pageNumber, stampParagraph(m.stamp)] : [pageNumber] });
  const footerChildren = m.footer
    ? [new Paragraph({ alignment: AlignmentType.LEFT, children: [run(m.footer, 8, { color: '595959' })] })]
    : [new Paragraph({ children: [] })];
  const footer = new Footer({ children: footerChildren });

  const children: (Paragraph | Table)[] = [
    headerTable(m, textWidth),
    new Paragraph({ spacing: { before: 0, after: 240 }, children: [] }),
  ];
  if (m.stamp) {
    children.push(centered([run(m.stamp, pt + 4, { bold: true, color: 'C00000' })], 120));
  }
  children.push(centered([run(m.documentType, pt, { bold: true })]));
  children.push(centered([run(m.subject, pt, { bold: true })]));
  // Nghị định 30: a short rule under the trích yếu of a document with a type name.
  children.push(rule(textWidth, mmToTwips(30)));
  children.push(new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }));
  children.push(...bodyChildren(m, textWidth));
  children.push(new Paragraph({ keepNext: true, spacing: { before: 0, after: 120 }, children: [] }));
  children.push(signatureTable(m, textWidth));

  const doc = new Document({
    creator: 'Báo cáo BĐG',
    title: `${m.documentType} ${m.subject}`.trim(),
    description: `${m.meta.templateCode} v${m.meta.templateVersion}`,
    styles: {
      default: {
        document: { run: { font: m.font.family, size: half(pt) }, paragraph: { spacing: { before: 0, after: 0 } } },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: mmToTwips(m.page.widthMm), height: mmToTwips(m.page.heightMm), orientation: PageOrientation.PORTRAIT },
            margin: {
              top: mmToTwips(margins.top),
              bottom: mmToTwips(margins.bottom),
              left: mmToTwips(margins.left),
              right: mmToTwips(margins.right),
              header: mmToTwips(8),
              footer: mmToTwips(8),
            },
          },
        },
        headers: { first: firstHeader, default: otherHeader },
        footers: { first: footer, default: footer },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export async function renderDocx(input: DocumentInput): Promise<Buffer> {
  return renderDocxModel(buildDocumentModel(input));
}
