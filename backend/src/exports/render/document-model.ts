/**
 * The official document as data (DocModel), built purely from a template version, the form data
 * and the unit. The DOCX and PDF renderers only lay this model out, so both show the same text.
 * Layout comes from the template's `document` section; this file only supplies defaults (with a
 * warning each) and the fixed rules of Nghị định 30/2020/NĐ-CP (A4, margins, fonts).
 */
import { withCoverage } from './coverage-blocks.js';
import type { DocBlock, DocModel, DocumentInput, DocumentLayout } from './types.js';
import {
  childPointer,
  fieldKind,
  formatScalar,
  getAtPointer,
  isEmptyValue,
  isHidden,
  isObj,
  type Json,
  orderedKeys,
  own,
  resolveSchema,
  childSchema,
  columnKeys,
  schemaType,
  splitNumber,
  titleOf,
  uiFor,
  unitOf,
} from './schema-walk.js';
import { signerBlock } from './signer-block.js';
import { EMPTY, dateInWords, parseDateValue, upper, vnParts } from './vi-format.js';

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

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

export function toRoman(n: number): string {
  let out = '';
  let rest = Math.max(1, Math.floor(n));
  for (const [v, s] of ROMAN) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

function toLetter(n: number): string {
  // a … z, then aa, ab … (never reached by a real outline, but never wrong either)
  let s = '';
  let k = n;
  while (k > 0) {
    k -= 1;
    s = String.fromCharCode(97 + (k % 26)) + s;
    k = Math.floor(k / 26);
  }
  return s;
}

/** Outline numbering as in Vietnamese reports: "I." → "1." → "a)" → "-". */
export function outlineNumber(level: number, n: number): string {
  if (level <= 1) return `${toRoman(n)}.`;
  if (level === 2) return `${n}.`;
  if (level === 3) return `${toLetter(n)})`;
  return '-';
}

function nonBlank(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

interface Ctx {
  root: Json;
  warnings: string[];
  skip: Set<string>;
  out: DocBlock[];
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

interface Child {
  key: string;
  ptr: string;
  s: Json;
  u: Json;
  value: unknown;
  title: string;
  kind: ReturnType<typeof fieldKind>;
}

/** The visible children of an object schema, in display order (hidden and bound fields left out). */
function childrenOf(ctx: Ctx, schema0: Json, ui: Json, data: unknown, pointer: string): Child[] {
  // the branches this unit's data took (oneOf, if/then/else, dependentSchemas…)
  const schema = resolveSchema(schema0, ctx.root, data ?? {});
  const out: Child[] = [];
  for (const key of orderedKeys(schema, ui, data, ctx.root)) {
    const ptr = childPointer(pointer, key);
    if (ctx.skip.has(ptr)) continue;
    const value = own(data, key);
    const s = childSchema(schema, key, ctx.root, value);
    const u = uiFor(ui, key);
    if (isHidden(u)) continue;
    const kind = fieldKind(s, u, value);
    // A section whose every field is hidden or bound to the header (e.g. "Thông tin văn bản") is left out.
    if (kind === 'section' && childrenOf(ctx, s, u, value, ptr).length === 0) continue;
    out.push({ key, ptr, s, u, value, title: titleOf(s, u, key), kind });
  }
  return out;
}

/**
 * Walks an object schema into outline blocks. Sections, tables and narratives are headings; the
 * template's own numbers ("I.", "A.", "1.", "a)") are kept when its titles carry them, else the
 * headings are numbered by level.
 */
function walkObject(ctx: Ctx, schema: Json, ui: Json, data: unknown, pointer: string, level: number): void {
  const children = childrenOf(ctx, schema, ui, data, pointer);
  const isHeading = (c: Child): boolean => c.kind === 'section' || c.kind === 'table' || c.kind === 'narrative';
  const ownNumbers = children.some((c) => isHeading(c) && splitNumber(c.title).number !== null);
  let n = 0;
  for (const c of children) {
    const { s, u, value, ptr } = c;
    const heading = (): void => {
      n += 1;
      const split = splitNumber(c.title);
      const number = ownNumbers ? (split.number ?? '') : outlineNumber(level, n);
      ctx.out.push({ kind: 'heading', level, number, text: ownNumbers ? split.text : c.title, path: ptr });
    };
    switch (c.kind) {
      case 'section':
        heading();
        walkObject(ctx, s, u, value, ptr, level + 1);
        break;
      case 'table':
        heading();
        ctx.out.push(buildTable(ctx, s, u, value, ptr));
        break;
      case 'narrative': {
        heading();
        const lines = typeof value === 'string' ? value.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '') : [];
        if (lines.length === 0) {
          const text = isEmptyValue(value) ? EMPTY.repeat(3) : formatScalar(s, u, value);
          ctx.out.push({ kind: 'paragraph', text, path: ptr, missing: isEmptyValue(value) });
        } else for (const text of lines) ctx.out.push({ kind: 'paragraph', text, path: ptr, missing: false });
        break;
      }
      case 'list': {
        const items = isObj(s.items) ? resolveSchema(s.items, ctx.root) : {};
        const itemsUi = uiFor(u, 'items');
        const values = Array.isArray(value) ? value.filter((v) => !isEmptyValue(v)) : [];
        const text = values.length === 0 ? EMPTY : values.map((v) => formatScalar(items, { ...itemsUi, ...u }, v)).join('; ');
        ctx.out.push({ kind: 'field', label: c.title, value: text, path: ptr, missing: values.length === 0 });
        break;
      }
      default:
        ctx.out.push({ kind: 'field', label: c.title, value: formatScalar(s, u, value), path: ptr, missing: isEmptyValue(value) });
    }
  }
}

function buildTable(ctx: Ctx, s: Json, ui: Json, value: unknown, pointer: string): DocBlock {
  const items = resolveSchema(s.items, ctx.root);
  const itemsUi = uiFor(ui, 'items');
  const cols = columnKeys(items, itemsUi, value, ctx.root)
    .map((key) => ({ key, s: childSchema(items, key, ctx.root), u: uiFor(itemsUi, key) }))
    .filter((c) => !isHidden(c.u));
  const columns = [
    { key: '#', title: 'TT', numeric: false, weight: 0 },
    ...cols.map((c) => {
      // The unit goes to the column title ("Số người tham gia (người)"), the cells keep bare numbers.
      const unit = unitOf(c.s);
      const title = titleOf(c.s, c.u, c.key);
      const type = schemaType(c.s);
      const freeText = (type === 'string' || type === undefined) && c.s.format === undefined && !Array.isArray(c.s.enum) && !Array.isArray(c.s.oneOf);
      return {
        key: c.key,
        title: unit && unit !== '%' ? `${title} (${unit})` : title,
        numeric: type === 'number' || type === 'integer',
        weight: freeText ? 3 : 1,
      };
    }),
  ];
  const rowsData = Array.isArray(value) ? value : [];
  const rows = rowsData.map((row, i) => [
    String(i + 1),
    // a row that is not an object (a schema whose rows may be anything) is printed whole in the first column
    ...(isObj(row) || cols.length === 0
      ? cols.map((c) => {
          const v = own(row, c.key);
          return isEmptyValue(v) ? '' : formatScalar(c.s, c.u, v, { unit: false });
        })
      : [formatScalar({}, {}, row), ...cols.slice(1).map(() => '')]),
  ]);
  if (rows.length === 0) rows.push(columns.map(() => EMPTY));
  return { kind: 'table', path: pointer, columns, rows };
}

/** Builds the document model: header, body in the template's order, nơi nhận, signer. Never throws. */
export function buildDocumentModel(input: DocumentInput): DocModel {
  const warnings: string[] = [];
  const root = isObj(input.template?.schema) ? (input.template.schema as Json) : {};
  const ui = isObj(input.template?.uiSchema) ? (input.template.uiSchema as Json) : {};
  const data = input.data;
  if (!isObj(data)) warnings.push('Chưa có dữ liệu biểu mẫu: các mục để trống "…".');
  const layout = resolveLayout(input.template?.document, input, warnings);

  const boundNumber = layout.bindings.number ? getAtPointer(data, layout.bindings.number) : undefined;
  const boundDate = layout.bindings.date ? parseDateValue(getAtPointer(data, layout.bindings.date)) : null;
  const boundSigner = layout.bindings.signerName ? getAtPointer(data, layout.bindings.signerName) : undefined;

  // The caller's values win; the data's bound fields fill in. For a draft the caller passes today,
  // so a date the editor typed into the form is the better guess.
  const inputDate = input.date instanceof Date && !Number.isNaN(input.date.getTime()) ? input.date : null;
  const date = (input.draft ? (boundDate ?? inputDate) : (inputDate ?? boundDate)) ?? new Date();
  if (!inputDate && !boundDate) warnings.push('Thiếu ngày ban hành: dùng ngày hiện tại.');
  const parentName = nonBlank(input.unit?.parentName) ? input.unit.parentName.trim() : null;
  const governingBody = nonBlank(input.unit?.governingBody) ? input.unit.governingBody.trim() : null;
  const vars: Record<string, string | null> = {
    unitName: nonBlank(input.unit?.name) ? input.unit.name.trim() : null,
    parentUnitName: parentName,
    governingBody,
    shortName: nonBlank(input.unit?.shortName) ? input.unit.shortName.trim() : null,
    year: String(vnParts(date).year),
    period: nonBlank(input.period) ? input.period.trim() : null,
    placeName: nonBlank(input.place) ? input.place.trim() : null,
  };
  const f = (text: string, where: string): string => fill(text, vars, warnings, where);

  const placeFilled = nonBlank(input.place) ? input.place.trim() : layout.placeName ? f(layout.placeName, 'địa danh') : '';
  const place = placeFilled === EMPTY ? '' : placeFilled;
  if (place === '') warnings.push('Thiếu địa danh (place / document.placeName): để trống "……".');

  const number = nonBlank(input.number)
    ? input.number.trim()
    : typeof boundNumber === 'number' || nonBlank(boundNumber)
      ? String(boundNumber).trim()
      : null;
  // Before registration the number is left blank for the văn thư to write in.
  const numberLine = `Số: ${number ?? '\u00a0'.repeat(6)}/${f(layout.symbol, 'ký hiệu')}`;

  // The governing body comes from the unit's data whenever the caller passes it (even as null: none).
  const fromData = input.unit && 'governingBody' in input.unit;
  const parentBodyText = fromData ? (governingBody ?? '') : f(layout.parentBody, 'cơ quan chủ quản').replace(EMPTY, '').trim();
  const parentBody = parentBodyText === '' ? null : upper(parentBodyText);

  const skip = new Set([layout.bindings.number, layout.bindings.date, layout.bindings.signerName].filter((p) => p !== ''));
  const ctx: Ctx = { root, warnings, skip, out: [] };
  try {
    walkObject(ctx, resolveSchema(root, root), ui, data, '', 1);
  } catch (e) {
    // A schema of a shape nobody foresaw must still give a document, with what was built so far.
    warnings.push(`Không đọc hết được cấu trúc biểu mẫu: ${(e as Error).message}`);
  }

  // The round's receivers first, the template's fixed recipients after, "Lưu: …" always last.
  const fixed = layout.recipients
    .filter((r) => !(input.receivers?.length && r.includes('{parentUnitName}')))
    .map((r) => f(r, 'nơi nhận').replace(/^[-–•]\s*/, ''))
    .filter((r) => r !== EMPTY && r !== '');
  const receivers = (input.receivers ?? []).filter(nonBlank).map((r) => r.trim());
  const isArchive = (r: string): boolean => /^Lưu\b/u.test(r);
  const recipients = [...receivers, ...fixed.filter((r) => !isArchive(r)), ...fixed.filter(isArchive)];
  const recipientItems = recipients.map((r, i) => {
    const last = i === recipients.length - 1;
    const bare = r.replace(/[;.,]+$/, '');
    return `- ${bare}${last ? '.' : ';'}`;
  });

  const signerName = nonBlank(input.signer?.fullName)
    ? input.signer.fullName.trim()
    : nonBlank(boundSigner)
      ? boundSigner.trim()
      : '';
  if (!input.draft && signerName === '') warnings.push('Văn bản không phải dự thảo nhưng chưa có họ tên người ký.');
  const block = signerBlock({
    headTitle: nonBlank(input.unit?.headTitle) ? input.unit.headTitle : f(layout.signerTitle, 'chức danh người ký'),
    signAuthority: nonBlank(input.unit?.signAuthority)
      ? input.unit.signAuthority
      : layout.signerAuthority
        ? f(layout.signerAuthority, 'quyền hạn ký')
        : null,
    position: input.signer?.position ?? null,
  });
  const signerTitle = nonBlank(input.signer?.title) ? input.signer.title.trim() : block.title;
  const digital = digitalAppearance(input.digitalSignature);

  const hash = nonBlank(input.signatureHash) ? input.signatureHash.trim() : null;
  const title = nonBlank(input.template?.title) ? input.template.title : '';
  return {
    page: { ...PAGE, marginsMm: { ...PAGE.marginsMm } },
    font: { ...FONT },
    header: {
      parentBody,
      issuingBody: upper(f(layout.issuingBody, 'cơ quan ban hành')),
      numberLine,
      nationalTitle: NATIONAL_TITLE,
      motto: MOTTO,
      placeDate: dateInWords(place, date),
    },
    documentType: upper(f(layout.documentType, 'loại văn bản')),
    subject: f(layout.subject, 'trích yếu'),
    body: withCoverage(ctx.out, input.coverage),
    recipients: { heading: 'Nơi nhận:', items: recipientItems },
    signature: {
      authority: block.authority,
      title: upper(signerTitle),
      digital,
      note: !input.draft && hash ? '(Đã ký)' : null,
      fullName: signerName,
    },
    draft: input.draft === true,
    stamp: input.draft === true ? DRAFT_STAMP : null,
    footer: hash ? `Mã kiểm tra toàn vẹn (SHA-256) của nội dung đã ký: ${hash}` : null,
    meta: {
      templateCode: String(input.template?.code ?? ''),
      templateVersion: Number(input.template?.version ?? 0),
      title,
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
