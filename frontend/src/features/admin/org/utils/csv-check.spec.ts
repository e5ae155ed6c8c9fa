import { describe, expect, it } from 'vitest';
import { checkCsvBytes } from './csv-check';

describe('checkCsvBytes', () => {
  it('accepts UTF-8 (with or without BOM) and reads the header', () => {
    const r = checkCsvBytes(
      new TextEncoder().encode('\uFEFFma,ten,loai,maCapTren\nth-a,Trường TH A,truong_th,phong-kc\n'),
    );
    expect(r).toEqual({ ok: true, rows: 1, header: ['ma', 'ten', 'loai', 'maCapTren'] });
  });
  it('refuses Windows-1258 bytes with a Vietnamese explanation', () => {
    // "Trường" in Windows-1258: T r ư(0xFD) ờ(0xF5+0xCC) n g — not valid UTF-8
    const r = checkCsvBytes(
      new Uint8Array([0x6d, 0x61, 0x2c, 0x74, 0x65, 0x6e, 0x0a, 0x54, 0x72, 0xfd, 0xf5, 0xcc, 0x6e, 0x67]),
      'donvi.csv',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/không phải mã UTF-8/);
  });
  it('refuses an empty file', () => {
    expect(checkCsvBytes(new Uint8Array())).toMatchObject({ ok: false });
  });
});
