import { describe, expect, it } from 'vitest';
import { checkAttachment, quotaHint } from './attachment-rules';

const MB = 1024 * 1024;
const quota = { maxFileBytes: 10 * MB, maxFiles: 3, maxTotalBytes: 25 * MB, files: 1, totalBytes: 8 * MB };

describe('checkAttachment', () => {
  it.each([
    [{ name: 'bien-ban.pdf', size: 1000 }, null],
    [{ name: 'ANH.PNG', size: 1000 }, null],
    [{ name: 'virus.exe', size: 1000 }, 'không đúng định dạng'],
    [{ name: 'cu.doc', size: 1000 }, 'không đúng định dạng'],
    [{ name: 'lon.pdf', size: 11 * MB }, 'vượt quá dung lượng cho phép (tối đa 10 MB mỗi tệp)'],
    [{ name: 'vua.pdf', size: 10 * MB }, null],
    [{ name: 'tong.pdf', size: 9 * MB }, null],
    [{ name: 'rong.docx', size: 0 }, 'rỗng'],
  ])('%o → %s', (file, expected) => {
    const out = checkAttachment(file, quota);
    if (expected === null) expect(out).toBeNull();
    else expect(out).toContain(expected);
  });

  it('counts the files already picked in this batch against the per-report limits', () => {
    expect(checkAttachment({ name: 'a.pdf', size: 1000 }, quota, { files: 1, bytes: 1000 })).toBeNull();
    expect(checkAttachment({ name: 'b.pdf', size: 1000 }, quota, { files: 2, bytes: 2000 })).toContain('tối đa 3 tệp');
    expect(checkAttachment({ name: 'c.pdf', size: 9 * MB }, quota, { files: 1, bytes: 9 * MB })).toContain('tối đa 25 MB');
  });
});

describe('quotaHint', () => {
  it('states the server limits, not a number written in the browser', () => {
    expect(quotaHint(quota)).toBe('PDF, Word (DOCX), Excel (XLSX), ảnh JPEG/PNG; tối đa 10 MB mỗi tệp, 3 tệp và 25 MB cho mỗi báo cáo (đã dùng 1 tệp, 8 MB).');
  });
});
