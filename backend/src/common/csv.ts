import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

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
export function parseCsv(
  buf: Buffer,
  required: string[],
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
  const header = records[0]!.map((h) => h.trim());
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length)
    return {
      rows: [],
      errors: missing.map((c) => ({ line: 1, column: c, message: `Thiếu cột "${c}" ở dòng tiêu đề.` })),
    };
  const rows = records.slice(1).map((r, i) => ({
    line: i + 2,
    values: Object.fromEntries(header.map((h, j) => [h, (r[j] ?? '').trim()])),
  }));
  return { rows, errors: [] };
}
