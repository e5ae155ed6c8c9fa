/**
 * A first look at a CSV before it is sent: size and a header row. Encoding, columns and values
 * are the server's to judge (dry run), so the rules live in one place.
 */
import { CSV_IMPORT_MAX_BYTES, CSV_IMPORT_MAX_ROWS } from '@bdg/api-types';

/** The server's limits of one import, stated the way it states them. */
export const CSV_LIMITS_TEXT = `Mỗi lần nhập tối đa ${(CSV_IMPORT_MAX_BYTES / 1024 / 1024).toLocaleString('vi-VN')} MB và ${CSV_IMPORT_MAX_ROWS.toLocaleString('vi-VN')} dòng dữ liệu.`;

export type CsvCheck = { ok: true; rows: number; header: string[] } | { ok: false; message: string };

export function checkCsvBytes(bytes: ArrayBuffer | Uint8Array, fileName = 'tệp'): CsvCheck {
  const buf = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (buf.byteLength === 0) return { ok: false, message: `“${fileName}” trống.` };
  if (buf.byteLength > CSV_IMPORT_MAX_BYTES) return { ok: false, message: `“${fileName}” quá lớn. ${CSV_LIMITS_TEXT} Hãy chia tệp thành nhiều phần.` };
  // Encoding is the server's to judge: it reads UTF-8, UTF-16 (Excel "Unicode text") and Windows-1258.
  const utf16 = (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff);
  const text = new TextDecoder(utf16 ? (buf[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8').decode(buf);
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  if (!lines.length) return { ok: false, message: `“${fileName}” không có dòng nào.` };
  const sep = lines[0]!.includes(';') && !lines[0]!.includes(',') ? ';' : ',';
  const header = lines[0]!.split(sep).map((h) => h.trim().replace(/^"|"$/g, ''));
  return { ok: true, rows: lines.length - 1, header };
}
