import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfFont } from './fonts.js';
import { renderPdf } from './pdf.renderer.js';
import { data, input, shippedTemplates, template } from './__fixtures__/render-input.js';


/** The PDF's text layer, read with pdf.js (pure JS, no browser), one line per text line, NFC. */
async function pdfText(buf: Buffer): Promise<{ pages: number; text: string; pageTexts: string[] }> {
  const doc = await getDocument({ data: new Uint8Array(buf), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 })
    .promise;
  const pageTexts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    let text = '';
    for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
    pageTexts.push(text.normalize('NFC'));
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, text: pageTexts.join('\n'), pageTexts };
}

function hasBinary(name: string): boolean {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' });
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

describe(renderPdf.name, () => {
  let signed: Buffer;
  let draft: Buffer;
  beforeAll(async () => {
    signed = await renderPdf(input());
    draft = await renderPdf(input({ draft: true, number: null, signatureHash: null }));
  });

  it('is a complete PDF with an A4 page', () => {
    expect(signed.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(signed.subarray(-6).toString('latin1')).toContain('%%EOF');
    expect(signed.length).toBeGreaterThan(10_000);
    // A4 = 595.28 × 841.89 pt
    expect(signed.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.2\d* 841\.8\d*\]/);
  });

  it('embeds its own font (from an npm package, not the system)', () => {
    const raw = signed.toString('latin1');
    expect(raw).toContain('/FontFile2');
    expect(raw).toContain(pdfFont().family);
  });

  it('has a text layer with correct Vietnamese: header, body, table, signer', async () => {
    const { text, pages } = await pdfText(signed);
    expect(pages).toBeGreaterThanOrEqual(1);
    for (const s of [
      'PHÒNG GD&ĐT KHOÁI CHÂU',
      'TRƯỜNG THCS ĐÔNG TẢO',
      'Số: 12/BC-THCSĐT',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Khoái Châu, ngày 12 tháng 5 năm 2020',
      'BÁO CÁO',
      'Kết quả thực hiện công tác bình đẳng giới năm 2020',
      'I. Tình hình chung của đơn vị',
      '- Tổng số cán bộ, giáo viên, nhân viên: 1.245 người',
      '- Tỷ lệ nữ: 66,99 %',
      '- Kinh phí chi cho công tác bình đẳng giới: 12.500.000,5 đồng',
      '- Đã thành lập Ban vì sự tiến bộ của phụ nữ: Có',
      'c) Khó khăn, vướng mắc trong quá trình thực hiện',
      'Tỷ lệ nữ',
      '59,93 %',
      'Nơi nhận:',
      '- Lưu: VT.',
      'HIỆU TRƯỞNG',
      'Nguyễn Thị Hương',
    ]) {
      expect.soft(text, s).toContain(s);
    }
    expect(text).not.toContain('DỰ THẢO');
    // Headings in the template's order.
    const order = ['I. Tình hình chung', 'II. Kết quả thực hiện', '2. Kết quả thực hiện', 'a) Kết quả thực hiện', 'III. Đề xuất', 'Nơi nhận:'];
    const at = order.map((s) => text.indexOf(s));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(at.every((i) => i >= 0)).toBe(true);
  });

  it('stamps a draft "DỰ THẢO"', async () => {
    const { text } = await pdfText(draft);
    expect(text).toContain('DỰ THẢO');
    expect(text).toContain('Khoái Châu, ngày 08 tháng 5 năm 2020');
  });

  it.each<[string, unknown]>([
    ['no data', undefined],
    ['data of the wrong shape', { tinhHinhChung: [], ketQua: { hoatDong: {} } }],
  ])('still renders with %s', async (_name, bad) => {
    const { text } = await pdfText(await renderPdf(input({ data: bad, template: { ...template, document: undefined } })));
    expect(text).toContain('- Tổng số cán bộ, giáo viên, nhân viên: …');
  });

  it('never ends a page with a heading, however long the text before it', async () => {
    const headingLine = /^(I{1,3}|\d+|[a-c])[.)] /;
    const stranded: string[] = [];
    for (let k = 4; k < 20; k += 1) {
      const khaiQuat = Array.from({ length: k }, (_x, i) => `Đoạn ${i + 1}: nội dung khái quát về công tác bình đẳng giới của đơn vị, đủ dài để xuống dòng.`);
      const d = structuredClone(data) as { tinhHinhChung: Record<string, unknown> };
      d.tinhHinhChung.khaiQuat = khaiQuat.join('\n');
      const { pageTexts } = await pdfText(await renderPdf(input({ data: d, signatureHash: null })));
      pageTexts.slice(0, -1).forEach((page, p) => {
        // The page number (drawn after the body) is left out; the last line is the body's.
        const lines = page.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^\d+$/.test(l));
        const last = lines[lines.length - 1] ?? '';
        if (headingLine.test(last)) stranded.push(`${k} đoạn, trang ${p + 1}: ${last}`);
      });
    }
    expect(stranded).toEqual([]);
  }, 120_000);

  it('keeps the signer block with the last paragraph: it never opens a page alone', async () => {
    const alone: string[] = [];
    for (let k = 4; k < 24; k += 3) {
      const khaiQuat = Array.from({ length: k }, (_x, i) => `Đoạn ${i + 1}: nội dung khái quát về công tác bình đẳng giới của đơn vị, đủ dài để xuống dòng.`);
      const d = structuredClone(data) as { tinhHinhChung: Record<string, unknown> };
      d.tinhHinhChung.khaiQuat = khaiQuat.join('\n');
      const { pageTexts } = await pdfText(await renderPdf(input({ data: d, signatureHash: null })));
      const page = pageTexts.find((t) => t.includes('Nơi nhận:')) ?? '';
      const before = page.slice(0, page.indexOf('Nơi nhận:')).split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^\d+$/.test(l));
      if (before.length === 0) alone.push(`${k} đoạn: khối ký đứng một mình đầu trang`);
    }
    expect(alone).toEqual([]);
  }, 120_000);

  // A second, independent reader when poppler is on the machine; pdf.js above always runs.
  it.skipIf(!hasBinary('pdftotext'))('reads the same Vietnamese with pdftotext', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bdg-pdf-'));
    try {
      const file = join(dir, 'bc.pdf');
      writeFileSync(file, signed);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize('NFC');
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('Khoái Châu, ngày 12 tháng 5 năm 2020');
      expect(text).toContain('Nguyễn Thị Hương');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(shippedTemplates)('renders the shipped template %s', async (_name, t) => {
    const { text } = await pdfText(await renderPdf(input({ template: t, data: {}, draft: true, period: 'năm 2024' })));
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Nơi nhận:');
  });
});
