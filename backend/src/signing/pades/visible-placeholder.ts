/**
 * Signature placeholders made with @cantoo/pdf-lib (the maintained pdf-lib fork, which also saves
 * incrementally), in the form @signpdf/signpdf fills, as @signpdf/placeholder-pdf-lib writes it (that
 * package needs the upstream pdf-lib, which cannot save incrementally):
 * - the first signature of a document just rendered: its widget where the renderer left its mark;
 * - a later signature with a visible appearance (a one-page PDF embedded as the widget's /AP /N form
 *   XObject), as an incremental update: the earlier revisions stay byte for byte, so every earlier
 *   signature stays valid.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFInvalidObject,
  PDFName,
  PDFNumber,
  type PDFPage,
  PDFRef,
  PDFString,
} from '@cantoo/pdf-lib';
import { ANNOTATION_FLAGS, DEFAULT_BYTE_RANGE_PLACEHOLDER, SIG_FLAGS, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';

/** Where a signature's widget sits: page index (0-based) and its rectangle in PDF points (origin bottom left). */
export interface WidgetPlace {
  page: number;
  rect: [number, number, number, number];
}

/** The visible appearance: a one-page PDF drawn at the rectangle's size, placed at `rect` on `page`. */
export interface VisibleAppearance extends WidgetPlace {
  pdf: Uint8Array;
}

export interface VisiblePlaceholderOptions {
  /** ASCII strings (the verifier reads the integrity code from /Reason). */
  name: string;
  reason: string;
  location: string;
  signingTime: Date;
  signatureLength: number;
}

/**
 * Adds the placeholder; `appearance` is asked where to draw, knowing where the earlier signatures' widgets
 * sit, and may answer null (an invisible signature, its widget on the first page).
 */
export async function addVisiblePlaceholder(
  pdf: Uint8Array,
  o: VisiblePlaceholderOptions,
  appearance: (signed: WidgetPlace[]) => Promise<VisibleAppearance | null>,
): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { forIncrementalUpdate: true, updateMetadata: false });
  const pages = doc.getPages();
  const ap = await appearance(signatureWidgets(doc, pages));
  const normal = ap ? (await doc.embedPdf(ap.pdf, [0]))[0]!.ref : null;
  addSignatureField(doc, pages[ap?.page ?? 0] ?? pages[0]!, ap?.rect ?? [0, 0, 0, 0], normal, o);
  return Buffer.from(await doc.commit({ useObjectStreams: false }));
}

/**
 * The first signature of a PDF just rendered (nothing signed yet, so the file is rewritten): the link
 * annotation whose URI is `markUri` (drawn by the renderer where the appearance sits) is replaced by the
 * signature field, its widget at `rectFor(the mark's rectangle)`. Without the mark the signature is
 * invisible; without options (nothing to sign) the mark is only removed.
 */
export async function placeholderAtMark(
  pdf: Uint8Array,
  markUri: string,
  o: VisiblePlaceholderOptions | null,
  rectFor: (mark: [number, number, number, number]) => [number, number, number, number],
): Promise<{ pdf: Buffer; place: WidgetPlace | null }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const pages = doc.getPages();
  const mark = takeMark(doc, pages, markUri);
  const place = mark ? { page: mark.page, rect: rectFor(mark.rect) } : null;
  if (o) addSignatureField(doc, pages[place?.page ?? 0]!, place?.rect ?? [0, 0, 0, 0], null, o);
  return { pdf: Buffer.from(await doc.save({ useObjectStreams: false })), place: o ? place : null };
}

/** Finds the mark (a link annotation with that URI), removes it, and tells where it was. */
function takeMark(doc: PDFDocument, pages: PDFPage[], uri: string): WidgetPlace | null {
  // The signer block is at the end: the last pages first.
  for (let p = pages.length - 1; p >= 0; p--) {
    const annots = pages[p]!.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const a = annots!.lookupMaybe(i, PDFDict);
      const target = a?.lookupMaybe(PDFName.of('A'), PDFDict)?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString);
      if (!a || target?.decodeText() !== uri) continue;
      const r = a.lookup(PDFName.of('Rect'), PDFArray).asRectangle();
      // The annotation and its action (PDFKit writes both as objects of their own) go.
      for (const ref of [annots!.get(i), a.get(PDFName.of('A'))]) if (ref instanceof PDFRef) doc.context.delete(ref);
      annots!.remove(i);
      return { page: p, rect: [r.x, r.y, r.x + r.width, r.y + r.height] };
    }
  }
  return null;
}

/** The signature field: its widget (with `normal` as its appearance, or an empty one) on `page`, in the AcroForm. */
function addSignatureField(doc: PDFDocument, page: PDFPage, rect: [number, number, number, number], normal: PDFRef | null, o: VisiblePlaceholderOptions): void {
  // An empty appearance still goes in (PDF/A wants one; Acrobat wants its Resources).
  const ap = normal ?? doc.context.register(doc.context.formXObject([], { BBox: [0, 0, rect[2] - rect[0], rect[3] - rect[1]], Resources: {} }));
  const acroForm = acroFormOf(doc);
  const fields = acroForm.lookup(PDFName.of('Fields'), PDFArray);
  const widget = doc.context.register(
    doc.context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      Rect: rect,
      V: signatureDictionary(doc, o),
      T: PDFString.of(`Signature${fields.size() + 1}`),
      F: ANNOTATION_FLAGS.PRINT,
      P: page.ref,
      AP: { N: ap },
    }),
  );
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (annots) annots.push(widget);
  else page.node.set(PDFName.of('Annots'), doc.context.obj([widget]));
  fields.push(widget);
  const flags = acroForm.lookupMaybe(PDFName.of('SigFlags'), PDFNumber)?.asNumber() ?? 0;
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(flags | SIG_FLAGS.SIGNATURES_EXIST | SIG_FLAGS.APPEND_ONLY));
}

/** The signature dictionary, kept out of object streams (its bytes are what @signpdf/signpdf fills). */
function signatureDictionary(doc: PDFDocument, o: VisiblePlaceholderOptions): PDFRef {
  const placeholder = PDFName.of(DEFAULT_BYTE_RANGE_PLACEHOLDER);
  const dict = doc.context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: SUBFILTER_ETSI_CADES_DETACHED,
    ByteRange: [PDFNumber.of(0), placeholder, placeholder, placeholder],
    Contents: PDFHexString.of('00'.repeat(o.signatureLength)),
    Reason: PDFString.of(o.reason),
    M: PDFString.fromDate(o.signingTime),
    ContactInfo: PDFString.of(''),
    Name: PDFString.of(o.name),
    Location: PDFString.of(o.location),
    Prop_Build: { Filter: { Name: 'Adobe.PPKLite' }, App: { Name: 'BaoCaoBDG' } },
  });
  const bytes = new Uint8Array(dict.sizeInBytes());
  dict.copyBytesInto(bytes, 0);
  return doc.context.register(PDFInvalidObject.of(bytes));
}

function acroFormOf(doc: PDFDocument): PDFDict {
  let form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  if (!form) {
    form = doc.context.obj({ Fields: [] });
    doc.catalog.set(PDFName.of('AcroForm'), doc.context.register(form));
  }
  if (!(form.lookupMaybe(PDFName.of('Fields'), PDFArray))) form.set(PDFName.of('Fields'), doc.context.obj([]));
  return form;
}

/** The visible widgets of the signature fields already in the document, in field order. */
function signatureWidgets(doc: PDFDocument, pages: PDFPage[]): WidgetPlace[] {
  const fields = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict)?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  const out: WidgetPlace[] = [];
  for (let i = 0; i < (fields?.size() ?? 0); i++) {
    const field = fields!.lookupMaybe(i, PDFDict);
    if (field?.lookupMaybe(PDFName.of('FT'), PDFName) !== PDFName.of('Sig')) continue;
    const r = field.lookupMaybe(PDFName.of('Rect'), PDFArray)?.asRectangle();
    const p = field.get(PDFName.of('P'));
    const page = pages.findIndex((pg) => p instanceof PDFRef && pg.ref === p);
    if (r && r.width > 0 && r.height > 0 && page >= 0) out.push({ page, rect: [r.x, r.y, r.x + r.width, r.y + r.height] });
  }
  return out;
}
