import { CSV_IMPORT_MAX_BYTES, CSV_IMPORT_MAX_ROWS } from '@bdg/api-types';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { EntityManager } from 'typeorm';

export interface CsvRowError {
  line: number;
  column: string;
  message: string;
}

/**
 * Excel saves CSV as UTF-8 (with BOM), UTF-16 LE, or the legacy Windows-1258 code page.
 * Decode by BOM, then by UTF-8 validity; never guess silently wrong Vietnamese.
 */
export function decodeCsv(buf: Buffer): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return iconv.decode(buf.subarray(2), 'utf16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return iconv.decode(buf.subarray(2), 'utf16be');
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  const asUtf8 = buf.toString('utf8');
  if (!asUtf8.includes('\uFFFD')) return asUtf8;
  return iconv.decode(buf, 'windows1258').normalize('NFC');
}

/** Parse with a header row; reports missing columns as row-1 errors. */
/** A header cell compared without accents, case or spacing: "Tên đăng nhập" = "ten dang nhap". */
export const headerKey = (h: string) =>
  h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Columns are named in Vietnamese or English: `columns` maps each column the code reads to its
 * Vietnamese title or titles (e.g. username → "Tên đăng nhập"); any spelling is accepted in the header.
 */
export function parseCsv(
  buf: Buffer,
  required: string[],
  columns: Record<string, string | string[]> = {},
): { rows: { line: number; values: Record<string, string> }[]; errors: CsvRowError[] } {
  const text = decodeCsv(buf);
  let records: string[][];
  try {
    const delimiter = (text.split('\n')[0] ?? '').includes(';') && !(text.split('\n')[0] ?? '').includes(',') ? ';' : ',';
    records = parse(text, { delimiter, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (e) {
    return { rows: [], errors: [{ line: 0, column: '', message: `Tệp CSV không đọc được: ${(e as Error).message}` }] };
  }
  if (!records.length) return { rows: [], errors: [{ line: 1, column: '', message: 'Tệp CSV trống.' }] };
  const byKey = new Map<string, string>();
  for (const [code, titles] of Object.entries(columns)) {
    byKey.set(headerKey(code), code);
    for (const title of [titles].flat()) byKey.set(headerKey(title), code);
  }
  const header = records[0]!.map((h) => byKey.get(headerKey(h)) ?? h.trim());
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length)
    return {
      rows: [],
      errors: missing.map((c) => ({ line: 1, column: c, message: `Thiếu cột "${[columns[c] ?? c].flat()[0]}" (${c}) ở dòng tiêu đề.` })),
    };
  const rows = records.slice(1).map((r, i) => ({
    line: i + 2,
    values: Object.fromEntries(header.map((h, j) => [h, (r[j] ?? '').trim()])),
  }));
  return { rows, errors: [] };
}

/** One CSV import at most (shared with the browser): bigger files are refused before parsing, in Vietnamese, with these figures. */
export { CSV_IMPORT_MAX_BYTES, CSV_IMPORT_MAX_ROWS };
const SPLIT = 'Hãy chia tệp thành nhiều phần rồi nhập lần lượt.';

/** parseCsv within the import limits (bytes, then data rows); a file over one gets one error that states it. */
export function parseCsvBounded(buf: Uint8Array, required: string[], columns: Record<string, string | string[]> = {}): ReturnType<typeof parseCsv> {
  if (buf.length > CSV_IMPORT_MAX_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
    return { rows: [], errors: [{ line: 0, column: '', message: `Tệp CSV quá lớn (${mb(buf.length)} MB): mỗi lần nhập tối đa ${mb(CSV_IMPORT_MAX_BYTES)} MB và ${CSV_IMPORT_MAX_ROWS.toLocaleString('vi-VN')} dòng. ${SPLIT}` }] };
  }
  const out = parseCsv(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), required, columns);
  if (out.rows.length > CSV_IMPORT_MAX_ROWS)
    return {
      rows: [],
      errors: [{ line: 0, column: '', message: `Tệp CSV có ${out.rows.length.toLocaleString('vi-VN')} dòng dữ liệu: mỗi lần nhập tối đa ${CSV_IMPORT_MAX_ROWS.toLocaleString('vi-VN')} dòng. ${SPLIT}` }],
    };
  return out;
}

export interface ImportReport {
  ok: boolean;
  created: number;
  errors: CsvRowError[];
  dryRun?: boolean;
}

/** Rolls the import transaction back while carrying the row report out. */
class ImportRejected extends Error {
  constructor(
    readonly errors: CsvRowError[],
    readonly wouldCreate = 0,
  ) {
    super('import rejected');
  }
}

/**
 * A CSV import, all rows or none: every row is checked (and written) inside one transaction, so later
 * rows see earlier ones; any row error, or a dry run, rolls everything back and returns the report.
 * `importRow` reports problems through `problem` and returns whether it wrote (or would write) the row.
 */
export async function importAllOrNothing(
  csv: { rows: { line: number; values: Record<string, string> }[]; errors: CsvRowError[] },
  transaction: <T>(fn: (m: EntityManager) => Promise<T>) => Promise<T>,
  importRow: (m: EntityManager, row: { line: number; values: Record<string, string> }, problem: (column: string, message: string) => void) => Promise<boolean>,
  opts: { dryRun: boolean; onImported: (m: EntityManager, created: number) => Promise<void> },
): Promise<ImportReport> {
  if (csv.errors.length) return { ok: false, created: 0, errors: csv.errors };
  return transaction(async (m) => {
    const errors: CsvRowError[] = [];
    let created = 0;
    for (const row of csv.rows) {
      const before = errors.length;
      const wrote = await importRow(m, row, (column, message) => errors.push({ line: row.line, column, message }));
      if (wrote && errors.length === before) created++;
    }
    if (errors.length) throw new ImportRejected(errors);
    if (opts.dryRun) throw new ImportRejected([], created);
    await opts.onImported(m, created);
    return { ok: true, created, errors: [] };
  }).catch((e) => {
    if (e instanceof ImportRejected) return { ok: e.errors.length === 0, created: e.wouldCreate, errors: e.errors, dryRun: opts.dryRun };
    throw e;
  });
}
