import { describe, expect, it } from 'vitest';
import { asciiSlug, contentDisposition } from './content-disposition.js';

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('Báo cáo KC-TH-TAN-DAN.docx')).toBe(
      `attachment; filename=bao-cao-kc-th-tan-dan.docx; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20KC-TH-TAN-DAN.docx`,
    );
  });
  it('lets no quote, backslash, newline or header injection through', () => {
    const h = contentDisposition('a"b\\c\r\nSet-Cookie: x=1;.pdf');
    expect(h).not.toMatch(/[\r\n]/);
    expect(h.split('filename=')[1]!.split(';')[0]).toMatch(/^"?[a-z0-9._-]+"?$/);
    expect(h).toMatch(/filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
  });
  it('slugs Vietnamese, including đ/Đ', () => {
    expect(asciiSlug('Đông Tiến – Hàm Tử')).toBe('dong-tien-ham-tu');
    expect(contentDisposition('')).toContain('filename=tep');
  });
});
