/**
 * XLSX of a submission's figures: one sheet per top-level section ("figure group") and one per
 * table, plus "Nguồn số liệu" (which unit gave which value) for consolidated reports.
 * Numbers stay numbers (percentages as Excel percentages, dates as dates); every title is the
 * template's Vietnamese title. The header is row 1 of every sheet, so the data can be filtered.
 */
import ExcelJS from 'exceljs';
import { derivationHelps, escapeSegment, schemaAt, titleParts, type JsonSchema } from '@bdg/schemas';
import { addCoverageSheet } from './coverage-blocks.js';
import { outlineNumber } from './body-walk.js';
import {
  childPointer,
  fieldKind,
  formatScalar,
  isEmptyValue,
  isHidden,
  isObj,
  type Json,
  orderedKeys,
  own,
  percentScale,
  resolveSchema,
  childSchema,
  columnKeys,
  splitNumber,
  titleOf,
  uiFor,
  unitOf,
} from './schema-walk.js';
import type { XlsxInput } from './types.js';
import { parseDateValue } from './vi-format.js';

type Cell = ExcelJS.Cell;
type Worksheet = ExcelJS.Worksheet;

const VN_OFFSET_MS = 7 * 3600_000;
export const SOURCES_SHEET = 'Nguồn số liệu';
export const GENERAL_SHEET = 'Thông tin chung';

/** The first `max` characters of `s`, cut after a whole word when that keeps most of it. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const head = s.slice(0, max);
  const space = head.lastIndexOf(' ');
  return (s[max] !== ' ' && space >= max * 0.6 ? head.slice(0, space) : head).trim();
}

/** Excel's rules: at most 31 characters, none of []:*?/\, not blank, no leading/trailing apostrophe, unique (case-insensitive). */
export function sheetName(wanted: string, taken: Set<string>): string {
  let base = wanted.normalize('NFC').replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').trim();
  if (base === '') base = 'Trang';
  let name = cut(base, 31);
  for (let i = 2; taken.has(name.toLocaleLowerCase('vi-VN')); i++) {
    const suffix = ` (${i})`;
    name = cut(base, 31 - suffix.length) + suffix;
  }
  taken.add(name.toLocaleLowerCase('vi-VN'));
  return name;
}

/** A percentage as Excel's percent (value/100), shown the Vietnamese way with a space before the sign. */
export const PERCENT_FORMAT = '0.0#" "%';

/** Writes a value into a cell with the type and number format its schema implies. */
export function writeValue(cell: Cell, s: Json, value: unknown): void {
  if (isEmptyValue(value)) {
    cell.value = null;
    return;
  }
  if (typeof value === 'number') {
    const scale = percentScale(s);
    if (scale !== undefined) {
      cell.value = value / scale;
      cell.numFmt = PERCENT_FORMAT;
    } else {
      cell.value = value;
      cell.numFmt = Number.isInteger(value) ? '#,##0' : '#,##0.0#';
    }
    return;
  }
  if (typeof value === 'string' && (s.format === 'date' || s.format === 'date-time')) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
    if (m) {
      cell.value = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      cell.numFmt = 'dd/mm/yyyy';
      return;
    }
    const d = parseDateValue(value);
    if (d) {
      // Excel has no time zones: show Vietnam's wall-clock time.
      cell.value = new Date(d.getTime() + VN_OFFSET_MS);
      cell.numFmt = 'dd/mm/yyyy hh:mm';
      return;
    }
  }
  cell.value = formatScalar(s, {}, value);
  if (typeof value === 'string' && value.length > 60) cell.alignment = { wrapText: true, vertical: 'top' };
}

/** Text a spreadsheet would read as a formula (=, +, -, @, tab, CR first; OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * An answer such as "=HYPERLINK(…)" is already stored as text; the Text number format ("@") keeps it
 * text when someone re-enters the cell in Excel or LibreOffice, without changing the value.
 */
export function keepAsText(cell: Cell): void {
  if (typeof cell.value === 'string' && FORMULA_START.test(cell.value)) cell.numFmt = '@';
}

/** A new sheet named after `title` (unique, within Excel's limits) with these columns and a styled, frozen header. */
function addSheet(ctx: Ctx, title: string, columns: Partial<ExcelJS.Column>[]): Worksheet {
  const ws = ctx.wb.addWorksheet(sheetName(title, ctx.taken));
  ws.columns = columns;
  styleHeader(ws);
  return ws;
}

function styleHeader(ws: Worksheet): void {
  const row = ws.getRow(1);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
    c.border = { bottom: { style: 'thin' } };
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

interface Ctx {
  wb: ExcelJS.Workbook;
  root: Json;
  taken: Set<string>;
  /** How computed or rolled-up fields are obtained, by pointer with "*" for rows (@bdg/schemas): a cell note. */
  helps: ReadonlyMap<string, string>;
}

/** The help line of the field at `pointer` (row indices read as "*"), as a note on its cell. */
function noteHelp(ctx: Ctx, cell: Cell, pointer: string): void {
  const help = ctx.helps.get(pointer.replace(/\/\d+(?=\/|$)/g, '/*'));
  if (help) cell.note = help;
}

/** A sheet for an array of objects: TT + one column per item property. */
function tableSheet(ctx: Ctx, title: string, s: Json, ui: Json, value: unknown, pointer: string): Worksheet {
  const items = resolveSchema(s.items, ctx.root);
  const itemsUi = uiFor(ui, 'items');
  const cols = columnKeys(items, itemsUi, value, ctx.root)
    .map((key) => ({ key, s: childSchema(items, key, ctx.root), u: uiFor(itemsUi, key) }))
    .filter((c) => !isHidden(c.u));
  const ws = addSheet(ctx, title, [
    { header: 'TT', key: '#', width: 6 },
    ...cols.map((c) => {
      const unit = unitOf(c.s);
      const t = titleOf(c.s, c.u, c.key);
      return { header: unit && unit !== '%' ? `${t} (${unit})` : t, key: c.key, width: Math.min(40, Math.max(12, t.length + 2)) };
    }),
  ]);
  cols.forEach((c, j) => noteHelp(ctx, ws.getRow(1).getCell(j + 2), `${pointer}/*/${escapeSegment(c.key)}`));
  const rows = Array.isArray(value) ? value : [];
  rows.forEach((row, i) => {
    const r = ws.getRow(i + 2);
    r.getCell(1).value = i + 1;
    if (!isObj(row) && cols.length > 0) r.getCell(2).value = formatScalar({}, {}, row);
    else cols.forEach((c, j) => writeValue(r.getCell(j + 2), c.s, own(row, c.key)));
  });
  return ws;
}

/** Rows of a section sheet: TT | Chỉ tiêu | Giá trị | Đơn vị, nested sections as bold rows. */
function sectionRows(ctx: Ctx, ws: Worksheet, s0: Json, ui: Json, data: unknown, pointer: string, level: number): void {
  const s = resolveSchema(s0, ctx.root, data ?? {});
  const children = orderedKeys(s, ui, data, ctx.root)
    .map((key) => {
      const value = own(data, key);
      const ps = childSchema(s, key, ctx.root, value);
      const pu = uiFor(ui, key);
      return { key, ps, pu, value, title: titleOf(ps, pu, key), kind: fieldKind(ps, pu, value) };
    })
    .filter((c) => !isHidden(c.pu));
  const isHeading = (k: string): boolean => k === 'section' || k === 'table' || k === 'narrative';
  const ownNumbers = children.some((c) => isHeading(c.kind) && splitNumber(c.title).number !== null);
  let n = 0;
  for (const c of children) {
    const { ps, pu, value, kind } = c;
    const ptr = childPointer(pointer, c.key);
    let number = '';
    let title = c.title;
    if (isHeading(kind)) {
      n += 1;
      const split = splitNumber(c.title);
      number = ownNumbers ? (split.number ?? '') : outlineNumber(level, n);
      title = ownNumbers ? split.text : c.title;
    }
    if (kind === 'section') {
      const r = ws.addRow([number, title]);
      r.font = { bold: true };
      sectionRows(ctx, ws, ps, pu, value, ptr, level + 1);
    } else if (kind === 'table') {
      const sheet = tableSheet(ctx, c.title, ps, pu, value, ptr);
      const r = ws.addRow([number, title]);
      r.getCell(3).value = { text: `Xem trang "${sheet.name}"`, hyperlink: `#'${sheet.name.replace(/'/g, "''")}'!A1` };
      r.getCell(3).font = { color: { argb: 'FF0563C1' }, underline: true };
    } else {
      const r = ws.addRow([number, title]);
      if (kind === 'list') r.getCell(3).value = Array.isArray(value) && value.length > 0 ? formatScalar(ps, pu, value) : null;
      else writeValue(r.getCell(3), ps, value);
      noteHelp(ctx, r.getCell(3), ptr);
      const unit = unitOf(ps);
      if (unit && unit !== '%') r.getCell(4).value = unit;
      r.getCell(3).alignment = { wrapText: true, vertical: 'top', horizontal: typeof r.getCell(3).value === 'number' ? 'right' : 'left' };
      r.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    }
  }
}

function sectionSheet(ctx: Ctx, name: string): Worksheet {
  return addSheet(ctx, name, [
    { header: 'TT', key: 'tt', width: 8 },
    { header: 'Chỉ tiêu', key: 'title', width: 60 },
    { header: 'Giá trị', key: 'value', width: 24 },
    { header: 'Đơn vị', key: 'unit', width: 12 },
  ]);
}

/** Schema and titles along a JSON Pointer ("/I/tongSo" → its schema and "Tình hình chung › Tổng số"), by @bdg/schemas' walker. */
function fieldAt(root: Json, pointer: string): { schema: Json; title: string } {
  if (!pointer.startsWith('/')) return { schema: {}, title: pointer };
  const { field, context } = titleParts(root, pointer);
  return { schema: (schemaAt(root, pointer) ?? {}) as Json, title: context ? `${context} › ${field}` : field };
}

function sourcesSheet(ctx: Ctx, provenance: NonNullable<XlsxInput['provenance']>): void {
  const ws = addSheet(ctx, SOURCES_SHEET, [
    { header: 'Chỉ tiêu', key: 'title', width: 60 },
    { header: 'Mã đơn vị', key: 'code', width: 14 },
    { header: 'Đơn vị', key: 'unit', width: 36 },
    { header: 'Giá trị', key: 'value', width: 16 },
  ]);
  for (const [path, sources] of Object.entries(provenance)) {
    if (!Array.isArray(sources)) continue;
    const { schema, title } = fieldAt(ctx.root, path);
    for (const src of sources) {
      if (!isObj(src)) continue;
      const r = ws.addRow([title, src.unitCode ?? null, src.unitName ?? src.unitId ?? null]);
      r.getCell(1).alignment = { wrapText: true, vertical: 'top' };
      writeValue(r.getCell(4), schema, src.value);
    }
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, ws.rowCount), column: 4 } };
}

export async function renderXlsx(input: XlsxInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Báo cáo BĐG';
  wb.title = input.title;
  const root = isObj(input.schema) ? (input.schema as Json) : {};
  // A consolidated report (with sources or coverage) says how each figure rolls up; a unit's, how it is computed.
  const helps = derivationHelps(root as JsonSchema, input.provenance || input.coverage ? 'compile' : 'fill');
  const ctx: Ctx = { wb, root, taken: new Set(), helps };
  const data = input.data;
  const top = resolveSchema(root, root, data ?? {});

  const ui = isObj(input.uiSchema) ? (input.uiSchema as Json) : {};
  const keys = orderedKeys(top, ui, data, root).filter((key) => !isHidden(uiFor(ui, key)));
  const entries = keys.map((key) => {
    const value = own(data, key);
    const s = childSchema(top, key, root, value);
    const u = uiFor(ui, key);
    return { key, s, u, value, title: titleOf(s, u, key), kind: fieldKind(s, u, value) };
  });

  // Fields directly under the root go to "Thông tin chung", the first sheet.
  const loose = entries.filter((e) => e.kind !== 'section' && e.kind !== 'table');
  if (loose.length > 0) {
    const ws = sectionSheet(ctx, GENERAL_SHEET);
    for (const e of loose) {
      const r = ws.addRow(['', e.title]);
      if (e.kind === 'list') r.getCell(3).value = Array.isArray(e.value) && e.value.length > 0 ? formatScalar(e.s, e.u, e.value) : null;
      else writeValue(r.getCell(3), e.s, e.value);
      noteHelp(ctx, r.getCell(3), childPointer('', e.key));
      const unit = unitOf(e.s);
      if (unit && unit !== '%') r.getCell(4).value = unit;
      r.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    }
  }
  // Sheets are named by the sections' own titles (with the template's own number, if it wrote one).
  for (const e of entries) {
    if (e.kind === 'section') sectionRows(ctx, sectionSheet(ctx, e.title), e.s, e.u, e.value, childPointer('', e.key), 2);
    else if (e.kind === 'table') tableSheet(ctx, e.title, e.s, e.u, e.value, childPointer('', e.key));
  }
  if (input.provenance && isObj(input.provenance) && Object.keys(input.provenance).length > 0) sourcesSheet(ctx, input.provenance);
  addCoverageSheet(wb, input.coverage);
  if (wb.worksheets.length === 0) sectionSheet(ctx, input.title || 'Báo cáo');
  // every text cell, answers and names alike: one linear pass before writing
  wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => keepAsText(c))));
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
