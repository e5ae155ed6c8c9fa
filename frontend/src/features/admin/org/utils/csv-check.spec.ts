import { describe, expect, it } from 'vitest';
import { checkCsvBytes } from './csv-check';

describe('checkCsvBytes', () => {
  it('accepts UTF-8 (with or without BOM) and reads the header', () => {
    const r = checkCsvBytes(
      new TextEncoder().encode('\uFEFFcode,name,kind,parentCode\nth-a,Trường TH A,truong_th,phong-kc\n'),
    );
    expect(r).toEqual({ ok: true, rows: 1, header: ['code', 'name', 'kind', 'parentCode'] });
  });
  it('leaves Windows-1258 and UTF-16 files to the server, which decodes them', () => {
    // "Trường" in Windows-1258: T r ư(0xFD) ờ(0xF5+0xCC) n g — not valid UTF-8, yet a file Excel writes
    const cp1258 = checkCsvBytes(new Uint8Array([0x63, 0x6f, 0x64, 0x65, 0x0a, 0x54, 0x72, 0xfd, 0xf5, 0xcc, 0x6e, 0x67]), 'donvi.csv');
    expect(cp1258).toMatchObject({ ok: true, rows: 1, header: ['code'] });
    const text = 'code,name\nA,Trường\n';
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(checkCsvBytes(utf16)).toEqual({ ok: true, rows: 1, header: ['code', 'name'] });
  });
  it('refuses a file over the server’s limit before sending it, stating the limits', () => {
    const big = new Uint8Array(2 * 1024 * 1024 + 1).fill(0x61);
    expect(checkCsvBytes(big, 'donvi.csv')).toEqual({
      ok: false,
      message: '“donvi.csv” quá lớn. Mỗi lần nhập tối đa 2 MB và 5.000 dòng dữ liệu. Hãy chia tệp thành nhiều phần.',
    });
  });
  it('refuses an empty file', () => {
    expect(checkCsvBytes(new Uint8Array())).toMatchObject({ ok: false });
  });
});
