import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from './docx.renderer.js';
import { input, shippedTemplates, template } from './__fixtures__/render-input.js';


interface Docx {
  files: Record<string, string>;
  document: string;
  /** The document's text, paragraphs separated by newlines. */
  text: string;
}

async function open(buf: Buffer): Promise<Docx> {
  const zip = await JSZip.loadAsync(buf);
  const files: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (name.endsWith('.xml') || name.endsWith('.rels')) files[name] = await zip.file(name)!.async('string');
  }
  const document = files['word/document.xml']!;
  return { files, document, text: xmlText(document) };
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function xmlText(xml: string): string {
  return xml
    .split('</w:p>')
    .map((p) => unescapeXml([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')))
    .filter((p) => p !== '')
    .join('\n');
}

/** The <w:r> run that holds `text`, with its properties. */
function runOf(xml: string, text: string): string {
  const runs = xml.split('<w:r>').map((r) => r.split('</w:r>')[0]!);
  const run = runs.find((r) => unescapeXml(r).includes(`>${text}</w:t>`));
  if (!run) throw new Error(`no run with ${text}`);
  return run;
}

const attr = (xml: string, el: string, name: string): number => {
  const m = new RegExp(`<${el} [^>]*w:${name}="(\\d+)"`).exec(xml);
  if (!m) throw new Error(`no ${el}@${name}`);
  return Number(m[1]);
};

describe(renderDocx.name, () => {
  let signed: Docx;
  let draft: Docx;
  beforeAll(async () => {
    signed = await open(await renderDocx(input()));
    draft = await open(await renderDocx(input({ draft: true, number: null, signatureHash: null })));
  });

  it('is a Word document', () => {
    expect(signed.files['[Content_Types].xml']).toContain('wordprocessingml.document.main+xml');
  });

  it('has A4 pages with the margins of Nghị định 30/2020 (twips)', () => {
    const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(signed.document)![0];
    expect(attr(sect, 'w:pgSz', 'w')).toBe(11906);
    expect(attr(sect, 'w:pgSz', 'h')).toBe(16838);
    const mm = (twips: number): number => (twips * 25.4) / 1440;
    expect(mm(attr(sect, 'w:pgMar', 'top'))).toBeGreaterThanOrEqual(19.9);
    expect(mm(attr(sect, 'w:pgMar', 'top'))).toBeLessThanOrEqual(25.1);
    expect(mm(attr(sect, 'w:pgMar', 'bottom'))).toBeGreaterThanOrEqual(19.9);
    expect(mm(attr(sect, 'w:pgMar', 'bottom'))).toBeLessThanOrEqual(25.1);
    expect(mm(attr(sect, 'w:pgMar', 'left'))).toBeGreaterThanOrEqual(29.9);
    expect(mm(attr(sect, 'w:pgMar', 'left'))).toBeLessThanOrEqual(35.1);
    expect(mm(attr(sect, 'w:pgMar', 'right'))).toBeGreaterThanOrEqual(14.9);
    expect(mm(attr(sect, 'w:pgMar', 'right'))).toBeLessThanOrEqual(20.1);
    // Page numbers from page 2 on: a first page with its own header.
    expect(sect).toContain('<w:titlePg/>');
  });

  it('sets Times New Roman 14 pt as the document font', () => {
    const styles = signed.files['word/styles.xml']!;
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman"[^>]*w:hAnsi="Times New Roman"/);
    const defaults = /<w:docDefaults>[\s\S]*<\/w:docDefaults>/.exec(styles)![0];
    expect(defaults).toContain('<w:sz w:val="28"/>');
  });

  it('opens with a borderless header table: bodies on the left, quốc hiệu on the right', () => {
    const firstTable = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(signed.document)![0];
    expect(firstTable).toMatch(/<w:tblBorders>[\s\S]*w:val="none"[\s\S]*<\/w:tblBorders>/);
    const [left, right] = firstTable.split('</w:tc>');
    expect(xmlText(left!)).toBe('PHÒNG GD&ĐT KHOÁI CHÂU\nTRƯỜNG THCS ĐÔNG TẢO\nSố: 12/BC-THCSĐT');
    expect(xmlText(right!)).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nKhoái Châu, ngày 12 tháng 5 năm 2020');
    expect(runOf(firstTable, 'TRƯỜNG THCS ĐÔNG TẢO')).toContain('<w:b/>');
    expect(runOf(firstTable, 'PHÒNG GD&ĐT KHOÁI CHÂU')).not.toContain('<w:b/>');
    expect(runOf(firstTable, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toContain('<w:b/>');
    expect(runOf(firstTable, 'Độc lập - Tự do - Hạnh phúc')).toContain('<w:b/>');
    expect(runOf(firstTable, 'Khoái Châu, ngày 12 tháng 5 năm 2020')).toContain('<w:i/>');
    // The short rules under the issuing body and under the tiêu ngữ: empty paragraphs with a top border.
    expect(firstTable.match(/<w:pBdr><w:top w:val="single"/g)).toHaveLength(2);
  });

  it('centres the document type and the trích yếu in bold', () => {
    const p = signed.document.split('</w:p>').find((x) => xmlText(x) === 'BÁO CÁO')!;
    expect(p).toContain('<w:jc w:val="center"/>');
    expect(runOf(p, 'BÁO CÁO')).toContain('<w:b/>');
    expect(signed.text).toContain('Kết quả thực hiện công tác bình đẳng giới năm 2020');
  });

  it('writes the body in the template’s order with the outline’s numbers', () => {
    const expected = [
      'BÁO CÁO',
      'I. Tình hình chung của đơn vị',
      '1. Khái quát đặc điểm, tình hình hoạt động chung',
      'Trường THCS Đông Tảo có 18 lớp với 642 học sinh, trong đó 311 học sinh nữ.',
      '- Tổng số cán bộ, giáo viên, nhân viên: 1.245 người',
      '- Tỷ lệ nữ: 66,99 %',
      '- Đã thành lập Ban vì sự tiến bộ của phụ nữ: Có',
      'II. Kết quả thực hiện kế hoạch hành động vì bình đẳng giới',
      '2. Kết quả thực hiện',
      'a) Kết quả thực hiện chỉ tiêu, mục tiêu',
      'c) Khó khăn, vướng mắc trong quá trình thực hiện',
      '………',
      '3. Các hoạt động tuyên truyền đã tổ chức',
      'Hội thi "Tìm hiểu về bình đẳng giới"',
      '4. Đề xuất, kiến nghị',
      'III. Đề xuất các vấn đề trọng tâm về bình đẳng giới giai đoạn 2021-2030',
      'Nơi nhận:',
    ];
    const lines = signed.text.split('\n');
    let at = -1;
    for (const line of expected) {
      const next = lines.indexOf(line, at + 1);
      expect(next, line).toBeGreaterThan(at);
      at = next;
    }
  });

  it('renders table fields as bordered tables with the column titles', () => {
    const tables = signed.document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!;
    const data = tables.find((t) => t.includes('Tên hoạt động'))!;
    const rows = data.split('</w:tr>').slice(0, -1).map((r) => r.split('</w:tc>').slice(0, -1).map((c) => xmlText(c)));
    expect(rows).toEqual([
      ['TT', 'Tên hoạt động', 'Ngày tổ chức', 'Số người tham gia (người)', 'Trong đó nữ (người)', 'Tỷ lệ nữ', 'Có kinh phí'],
      ['1', 'Tuyên truyền Luật Bình đẳng giới dưới cờ', '08/03/2020', '680', '345', '50,74 %', 'Không'],
      ['2', 'Hội thi "Tìm hiểu về bình đẳng giới"', '20/11/2020', '1.520', '911', '59,93 %', 'Có'],
    ]);
    expect(data).toContain('<w:tblHeader/>');
    expect(data).toMatch(/<w:insideH w:val="single"/);
  });

  it('ends with nơi nhận (bold italic, list in 11 pt) and the signer (title uppercase bold, name bold)', () => {
    const tables = signed.document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!;
    const last = tables[tables.length - 1]!;
    const [left, right] = last.split('</w:tc>');
    expect(xmlText(left!)).toBe('Nơi nhận:\n- Phòng GD&ĐT Khoái Châu (để b/c);\n- Ban VSTBPN nhà trường;\n- Lưu: VT.');
    const heading = runOf(left!, 'Nơi nhận:');
    expect(heading).toContain('<w:b/>');
    expect(heading).toContain('<w:i/>');
    expect(runOf(left!, '- Lưu: VT.')).toContain('<w:sz w:val="22"/>');
    expect(xmlText(right!)).toBe('HIỆU TRƯỞNG\n(Đã ký)\nNguyễn Thị Hương');
    expect(runOf(right!, 'HIỆU TRƯỞNG')).toContain('<w:b/>');
    expect(runOf(right!, 'Nguyễn Thị Hương')).toContain('<w:b/>');
  });

  it('the working copy names who signed (a deputy: KT. and the position) but carries no signature or seal image', async () => {
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const buf = await renderDocx(
      input({
        signer: { fullName: 'Trần Văn Phó', title: '', position: 'Phó Hiệu trưởng' },
        digitalSignature: { signerName: 'Trần Văn Phó', signedAt: '2026-11-28T10:15:00+07:00', testOnly: false, position: 'Phó Hiệu trưởng', unitName: 'Trường THCS Đông Tảo', imagePng: png, seal: { agencyName: 'Trường THCS Đông Tảo', imagePng: png } },
      }),
    );
    const docx = await open(buf);
    const tables = docx.document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!;
    expect(xmlText(tables[tables.length - 1]!.split('</w:tc>')[1]!)).toBe('KT. HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG\n(Đã ký)\nTrần Văn Phó');
    expect(Object.keys((await JSZip.loadAsync(buf)).files).filter((n) => n.startsWith('word/media/'))).toEqual([]);
    expect(docx.text).not.toContain('Ký bởi');
  });

  it('stamps a draft "DỰ THẢO" on every page and in the body, and only a draft', () => {
    const headers = Object.entries(draft.files).filter(([n]) => /^word\/header\d+\.xml$/.test(n));
    expect(headers.length).toBeGreaterThanOrEqual(2);
    for (const [, xml] of headers) expect(xmlText(xml)).toContain('DỰ THẢO');
    expect(draft.text).toContain('DỰ THẢO');
    // No number from the caller: the one typed into the form's bound field.
    expect(draft.text).toContain('Số: 27/BC-THCSĐT');
    expect(JSON.stringify(signed.files)).not.toContain('DỰ THẢO');
  });

  it('puts the page number in the header of pages after the first', () => {
    const headers = Object.values(signed.files).filter((x) => x.includes('<w:hdr'));
    expect(headers.some((x) => x.includes('PAGE'))).toBe(true);
  });

  it('prints the content hash in the footer of a signed document', () => {
    const footers = Object.entries(signed.files).filter(([n]) => /^word\/footer\d+\.xml$/.test(n));
    expect(footers.some(([, x]) => xmlText(x).includes('a3f1c2d4e5b6a7980011223344556677889900aabbccddeeff00112233445566'))).toBe(true);
  });

  it.each<[string, unknown]>([
    ['no data', undefined],
    ['data of the wrong shape', { tinhHinhChung: 'x', ketQua: { hoatDong: 5 } }],
  ])('still renders with %s, empty fields as "…"', async (_name, bad) => {
    const doc = await open(await renderDocx(input({ data: bad, template: { ...template, document: {} } })));
    expect(doc.text).toContain('- Tổng số cán bộ, giáo viên, nhân viên: …');
    expect(doc.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });

  it.each(shippedTemplates)('renders the shipped template %s', async (_name, t) => {
    const doc = await open(await renderDocx(input({ template: t, data: {}, draft: true, period: 'năm 2024' })));
    expect(doc.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(doc.text).toContain('Nơi nhận:');
  });
});
