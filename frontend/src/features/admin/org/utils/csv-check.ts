/**
 * A first look at a CSV before it is sent: UTF-8 (Vietnamese files from Excel are often
 * Windows-1258 or TCVN3) and a header row. Columns and values are the server's to judge
 * (dry run), so the rules live in one place.
 */
export const MAX_CSV_BYTES = 10 * 1024 * 1024;

export type CsvCheck = { ok: true; rows: number; header: string[] } | { ok: false; message: string };

export function checkCsvBytes(bytes: ArrayBuffer | Uint8Array, fileName = 'tệp'): CsvCheck {
  const buf = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (buf.byteLength === 0) return { ok: false, message: `“${fileName}” trống.` };
  if (buf.byteLength > MAX_CSV_BYTES)
    return { ok: false, message: `“${fileName}” lớn hơn 10 MB; hãy chia nhỏ tệp.` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return {
      ok: false,
      message: `“${fileName}” không phải mã UTF-8 (có thể là Windows-1258 hoặc TCVN3 nên chữ có dấu sẽ hỏng). Trong Excel chọn Lưu thành → “CSV UTF-8 (phân cách bằng dấu phẩy)” rồi nhập lại.`,
    };
  }
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  if (!lines.length) return { ok: false, message: `“${fileName}” không có dòng nào.` };
  const sep = lines[0]!.includes(';') && !lines[0]!.includes(',') ? ';' : ',';
  const header = lines[0]!.split(sep).map((h) => h.trim().replace(/^"|"$/g, ''));
  return { ok: true, rows: lines.length - 1, header };
}
