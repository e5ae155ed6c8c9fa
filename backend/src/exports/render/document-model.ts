/**
 * The official document as data (DocModel), built purely from a template version, the form data
 * and the unit. The DOCX and PDF renderers only lay this model out, so both show the same text.
 * Layout comes from the template's `document` section; this file only supplies defaults (with a
 * warning each) and the fixed rules of Nghị định 30/2020/NĐ-CP (A4, margins, fonts).
 */
import { walkBody } from './body-walk.js';
import { withCoverage } from './coverage-blocks.js';
import type { DocModel, DocumentInput, DocumentLayout } from './types.js';
import { getAtPointer, isObj, type Json } from './schema-walk.js';
import { signerBlock } from './signer-block.js';
import { EMPTY, dateInWords, parseDateValue, upper, vnParts } from './vi-format.js';

export { outlineNumber, toRoman } from './body-walk.js';

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
export const DRAFT_STAMP = 'DỰ THẢO';

/** Nghị định 30/2020, Phụ lục I: A4; top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const PAGE = {
  size: 'A4' as const,
  widthMm: 210,
  heightMm: 297,
  marginsMm: { top: 20, bottom: 20, left: 30, right: 15 },
};
/**
 * Times New Roman; body 13–14 pt; quốc hiệu and cơ quan 12–13 pt (12 so that the quốc hiệu keeps
 * to one line in its column); tiêu ngữ 13–14 pt; "Nơi nhận:" 12 pt and its list 11 pt.
 */
export const FONT = {
  family: 'Times New Roman',
  bodyPt: 14,
  headerPt: 12,
  mottoPt: 13,
  recipientsHeadingPt: 12,
  recipientsPt: 11,
  tablePt: 12,
};

/** Abbreviations of document types (Nghị định 30/2020, Phụ lục III) for a default ký hiệu. */
const TYPE_ABBR: Record<string, string> = {
  'BÁO CÁO': 'BC',
  'KẾ HOẠCH': 'KH',
  'TỜ TRÌNH': 'TTr',
  'THÔNG BÁO': 'TB',
  'QUYẾT ĐỊNH': 'QĐ',
  'BIÊN BẢN': 'BB',
  'CHƯƠNG TRÌNH': 'CTr',
  'HƯỚNG DẪN': 'HD',
  'ĐỀ ÁN': 'ĐA',
  'PHƯƠNG ÁN': 'PA',
  'CÔNG VĂN': 'CV',
};


function nonBlank(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}


/** Fills the {unitName}, {parentUnitName}, {governingBody}, {shortName}, {year}, {period}, {placeName} placeholders. */
function fill(text: string, vars: Record<string, string | null>, warnings: string[], where: string): string {
  return text.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => {
    if (!(name in vars)) {
      warnings.push(`Mục văn bản "${where}" có chỗ giữ chỗ không biết: ${whole}; để nguyên.`);
      return whole;
    }
    const v = vars[name];
    if (v === null || v === undefined || v === '') {
      warnings.push(`Mục văn bản "${where}" dùng ${whole} nhưng chưa có giá trị; để trống "${EMPTY}".`);
      return EMPTY;
    }
    return v;
  });
}

/** The template's `document` section with defaults for whatever it lacks, and one warning each. */
export function resolveLayout(
  doc: Partial<DocumentLayout> | undefined,
  input: Pick<DocumentInput, 'unit' | 'template' | 'receivers'>,
  warnings: string[],
): DocumentLayout {
  const d: Record<string, unknown> = isObj(doc) ? doc : {};
  if (!isObj(doc)) warnings.push('Biểu mẫu chưa có mục "document" (bố cục văn bản): dùng bố cục mặc định theo Nghị định 30/2020.');
  const missing = (key: string, label: string, fallback: string): void => {
    if (isObj(doc)) warnings.push(`Mục "document" thiếu ${label} (${key}): dùng mặc định "${fallback}".`);
  };
  const str = (key: keyof DocumentLayout, label: string, fallback: string): string => {
    const v = d[key];
    if (nonBlank(v)) return v.trim();
    missing(key, label, fallback);
    return fallback;
  };
  const documentType = str('documentType', 'loại văn bản', 'BÁO CÁO');
  const abbr = TYPE_ABBR[upper(documentType)] ?? 'BC';
  const code = (nonBlank(input.unit?.shortName) ? input.unit.shortName : String(input.unit?.code ?? '')).trim().replace(/[\s/]+/g, '') || 'ĐV';
  const recipients = Array.isArray(d.recipients) ? d.recipients.filter(nonBlank).map((r) => r.trim()) : [];
  if (recipients.length === 0) {
    const fallback = [input.unit.parentName && !input.receivers?.length ? '{parentUnitName}' : null, 'Lưu: VT.'].filter(nonBlank);
    missing('recipients', 'nơi nhận', fallback.join('; '));
    recipients.push(...fallback);
  }
  const bindings = isObj(d.bindings) ? d.bindings : {};
  if (isObj(doc) && !isObj(d.bindings)) {
    warnings.push('Mục "document" thiếu vị trí của số, ngày, người ký trong dữ liệu (bindings): chỉ dùng giá trị được truyền vào.');
  }
  const ptr = (k: string): string => {
    const v = bindings[k];
    return typeof v === 'string' && v.startsWith('/') ? v : '';
  };
  const authority = d.signerAuthority;
  return {
    parentBody: nonBlank(d.parentBody) ? d.parentBody.trim() : (missing('parentBody', 'cơ quan chủ quản', '{parentUnitName}'), '{parentUnitName}'),
    issuingBody: str('issuingBody', 'cơ quan ban hành', '{unitName}'),
    documentType,
    symbol: str('symbol', 'ký hiệu', `${abbr}-${upper(code)}`),
    subject: str('subject', 'trích yếu', input.template.title),
    recipients,
    ...(nonBlank(authority) ? { signerAuthority: authority.trim() } : {}),
    signerTitle: str('signerTitle', 'chức danh người ký', 'THỦ TRƯỞNG ĐƠN VỊ'),
    placeName: nonBlank(d.placeName) ? d.placeName.trim() : '',
    bindings: { number: ptr('number'), date: ptr('date'), signerName: ptr('signerName') },
  };
}


type Fill = (text: string, where: string) => string;

/** The placeholders' values ({unitName}, {year}…) and the filler that warns about each missing one. */
function filler(input: DocumentInput, date: Date, warnings: string[]): Fill {
  const vars: Record<string, string | null> = {
    unitName: nonBlank(input.unit?.name) ? input.unit.name.trim() : null,
    parentUnitName: nonBlank(input.unit?.parentName) ? input.unit.parentName.trim() : null,
    governingBody: nonBlank(input.unit?.governingBody) ? input.unit.governingBody.trim() : null,
    shortName: nonBlank(input.unit?.shortName) ? input.unit.shortName.trim() : null,
    year: String(vnParts(date).year),
    period: nonBlank(input.period) ? input.period.trim() : null,
    placeName: nonBlank(input.place) ? input.place.trim() : null,
  };
  return (text, where) => fill(text, vars, warnings, where);
}

/**
 * The caller's date wins; the data's bound date fills in. For a draft the caller passes today, so a date
 * the editor typed into the form is the better guess.
 */
function issueDate(input: DocumentInput, bound: Date | null, warnings: string[]): Date {
  const inputDate = input.date instanceof Date && !Number.isNaN(input.date.getTime()) ? input.date : null;
  if (!inputDate && !bound) warnings.push('Thiếu ngày ban hành: dùng ngày hiện tại.');
  return (input.draft ? (bound ?? inputDate) : (inputDate ?? bound)) ?? new Date();
}

/** Quốc hiệu side and issuer side of the letterhead: governing body, issuer, số ký hiệu, địa danh and date. */
function header(input: DocumentInput, layout: DocumentLayout, f: Fill, date: Date, boundNumber: unknown, warnings: string[]): DocModel['header'] {
  const placeFilled = nonBlank(input.place) ? input.place.trim() : layout.placeName ? f(layout.placeName, 'địa danh') : '';
  const place = placeFilled === EMPTY ? '' : placeFilled;
  if (place === '') warnings.push('Thiếu địa danh (place / document.placeName): để trống "……".');
  const number = nonBlank(input.number) ? input.number.trim() : typeof boundNumber === 'number' || nonBlank(boundNumber) ? String(boundNumber).trim() : null;
  // The governing body comes from the unit's data whenever the caller passes it (even as null: none).
  const governingBody = nonBlank(input.unit?.governingBody) ? input.unit.governingBody.trim() : null;
  const fromData = input.unit && 'governingBody' in input.unit;
  const parentBodyText = fromData ? (governingBody ?? '') : f(layout.parentBody, 'cơ quan chủ quản').replace(EMPTY, '').trim();
  return {
    parentBody: parentBodyText === '' ? null : upper(parentBodyText),
    issuingBody: upper(f(layout.issuingBody, 'cơ quan ban hành')),
    // Before registration the number is left blank for the văn thư to write in.
    numberLine: `Số: ${number ?? '\u00a0'.repeat(6)}/${f(layout.symbol, 'ký hiệu')}`,
    nationalTitle: NATIONAL_TITLE,
    motto: MOTTO,
    placeDate: dateInWords(place, date),
  };
}

/** Nơi nhận: the round's receivers first, the template's fixed recipients after, "Lưu: …" always last. */
function recipientItems(input: DocumentInput, layout: DocumentLayout, f: Fill): string[] {
  const fixed = layout.recipients
    .filter((r) => !(input.receivers?.length && r.includes('{parentUnitName}')))
    .map((r) => f(r, 'nơi nhận').replace(/^[-–•]\s*/, ''))
    .filter((r) => r !== EMPTY && r !== '');
  const receivers = (input.receivers ?? []).filter(nonBlank).map((r) => r.trim());
  const isArchive = (r: string): boolean => /^Lưu\b/u.test(r);
  const recipients = [...receivers, ...fixed.filter((r) => !isArchive(r)), ...fixed.filter(isArchive)];
  return recipients.map((r, i) => `- ${r.replace(/[;.,]+$/, '')}${i === recipients.length - 1 ? '.' : ';'}`);
}

/** The signer block: who signs (the head, or KT./TM./TL. as the unit's rules say), the name, the digital appearance. */
function signature(input: DocumentInput, layout: DocumentLayout, f: Fill, boundSigner: unknown, warnings: string[]): DocModel['signature'] {
  const fullName = nonBlank(input.signer?.fullName) ? input.signer.fullName.trim() : nonBlank(boundSigner) ? boundSigner.trim() : '';
  if (!input.draft && fullName === '') warnings.push('Văn bản không phải dự thảo nhưng chưa có họ tên người ký.');
  const block = signerBlock({
    headTitle: nonBlank(input.unit?.headTitle) ? input.unit.headTitle : f(layout.signerTitle, 'chức danh người ký'),
    signAuthority: nonBlank(input.unit?.signAuthority) ? input.unit.signAuthority : layout.signerAuthority ? f(layout.signerAuthority, 'quyền hạn ký') : null,
    position: input.signer?.position ?? null,
  });
  const title = nonBlank(input.signer?.title) ? input.signer.title.trim() : block.title;
  return {
    authority: block.authority,
    title: upper(title),
    digital: digitalAppearance(input.digitalSignature),
    note: !input.draft && nonBlank(input.signatureHash) ? '(Đã ký)' : null,
    fullName,
  };
}

/** Builds the document model: header, body in the template's order, nơi nhận, signer. Never throws. */
export function buildDocumentModel(input: DocumentInput): DocModel {
  const warnings: string[] = [];
  const root = isObj(input.template?.schema) ? (input.template.schema as Json) : {};
  const ui = isObj(input.template?.uiSchema) ? (input.template.uiSchema as Json) : {};
  const data = input.data;
  if (!isObj(data)) warnings.push('Chưa có dữ liệu biểu mẫu: các mục để trống "…".');
  const layout = resolveLayout(input.template?.document, input, warnings);
  const bound = (p: string): unknown => (p ? getAtPointer(data, p) : undefined);
  const date = issueDate(input, layout.bindings.date ? parseDateValue(bound(layout.bindings.date)) : null, warnings);
  const f = filler(input, date, warnings);
  const head = header(input, layout, f, date, bound(layout.bindings.number), warnings);
  const skip = new Set([layout.bindings.number, layout.bindings.date, layout.bindings.signerName].filter((p) => p !== ''));
  const body = walkBody(root, ui, data, skip, warnings);
  const recipients = recipientItems(input, layout, f);
  const sign = signature(input, layout, f, bound(layout.bindings.signerName), warnings);
  const hash = nonBlank(input.signatureHash) ? input.signatureHash.trim() : null;
  return {
    page: { ...PAGE, marginsMm: { ...PAGE.marginsMm } },
    font: { ...FONT },
    header: head,
    documentType: upper(f(layout.documentType, 'loại văn bản')),
    subject: f(layout.subject, 'trích yếu'),
    body: withCoverage(body, input.coverage),
    recipients: { heading: 'Nơi nhận:', items: recipients },
    signature: sign,
    draft: input.draft === true,
    stamp: input.draft === true ? DRAFT_STAMP : null,
    footer: hash ? `Mã kiểm tra toàn vẹn (SHA-256) của nội dung đã ký: ${hash}` : null,
    meta: {
      templateCode: String(input.template?.code ?? ''),
      templateVersion: Number(input.template?.version ?? 0),
      title: nonBlank(input.template?.title) ? input.template.title : '',
      unitCode: String(input.unit?.code ?? ''),
    },
    warnings,
  };
}

const png = (b64: string | null | undefined): string | null => (b64 ? `data:image/png;base64,${b64}` : null);
/** Phụ lục I: the signer's image, or a generated appearance naming who signed, as what, where and when. */
function digitalAppearance(d: DocumentInput['digitalSignature']): DocModel['signature']['digital'] {
  if (!d) return null;
  return {
    lines: [
      `Ký bởi: ${d.signerName}`,
      ...(d.position?.trim() ? [`Chức vụ: ${d.position.trim()}`] : []),
      ...(d.unitName?.trim() ? [`Cơ quan: ${d.unitName.trim()}`] : []),
      `Thời gian ký: ${d.signedAt}`,
      ...(d.testOnly ? ['Chữ ký thử nghiệm, không có giá trị pháp lý'] : []),
    ],
    testOnly: d.testOnly,
    image: png(d.imagePng),
    seal: d.seal ? { image: png(d.seal.imagePng), agencyName: d.seal.agencyName } : null,
  };
}
