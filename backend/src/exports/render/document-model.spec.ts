import { describe, expect, it } from 'vitest';
import { buildDocumentModel } from './document-model.js';
import type { DocBlock } from './types.js';
import { input, shippedTemplates, template } from './__fixtures__/render-input.js';


const headings = (body: DocBlock[]): string[] =>
  body.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? `${b.number} ${b.text}` : ''));
const field = (body: DocBlock[], path: string): Extract<DocBlock, { kind: 'field' }> | undefined =>
  body.find((b): b is Extract<DocBlock, { kind: 'field' }> => b.kind === 'field' && b.path === path);


describe(buildDocumentModel.name, () => {
  it('builds the header of Nghị định 30/2020 from the template and the unit', () => {
    const sut = buildDocumentModel(input());
    expect(sut.header).toEqual({
      parentBody: 'PHÒNG GD&ĐT KHOÁI CHÂU',
      issuingBody: 'TRƯỜNG THCS ĐÔNG TẢO',
      numberLine: 'Số: 12/BC-THCSĐT',
      nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      motto: 'Độc lập - Tự do - Hạnh phúc',
      placeDate: 'Khoái Châu, ngày 12 tháng 5 năm 2020',
    });
    expect(sut.documentType).toBe('BÁO CÁO');
    expect(sut.subject).toBe('Kết quả thực hiện công tác bình đẳng giới năm 2020');
    expect(sut.page).toEqual({ size: 'A4', widthMm: 210, heightMm: 297, marginsMm: { top: 20, bottom: 20, left: 30, right: 15 } });
    expect(sut.font.family).toBe('Times New Roman');
    expect(sut.warnings).toEqual([]);
  });

  it('walks the schema in ui:order into numbered headings I., 1., a)', () => {
    const sut = buildDocumentModel(input());
    expect(headings(sut.body)).toEqual([
      'I. Tình hình chung của đơn vị',
      '1. Khái quát đặc điểm, tình hình hoạt động chung',
      'II. Kết quả thực hiện kế hoạch hành động vì bình đẳng giới',
      '1. Mục tiêu, chỉ tiêu được giao chủ trì, phối hợp',
      '2. Kết quả thực hiện',
      'a) Kết quả thực hiện chỉ tiêu, mục tiêu',
      'b) Đánh giá tỷ lệ đạt được so với kế hoạch đặt ra',
      'c) Khó khăn, vướng mắc trong quá trình thực hiện',
      '3. Các hoạt động tuyên truyền đã tổ chức',
      '4. Đề xuất, kiến nghị',
      'a) Với Ban vì sự tiến bộ phụ nữ ngành Giáo dục',
      'b) Với các cơ quan chức năng khác',
      'III. Đề xuất các vấn đề trọng tâm về bình đẳng giới giai đoạn 2021-2030',
    ]);
    // ui:order ["khaiQuat", "*"] puts the narrative before the figures listed first in the schema.
    const paths = sut.body.map((b) => b.path);
    expect(paths.indexOf('/tinhHinhChung/khaiQuat')).toBeLessThan(paths.indexOf('/tinhHinhChung/tongSoCBGVNV'));
  });

  it('formats values in Vietnamese with their units', () => {
    const { body } = buildDocumentModel(input());
    expect.soft(field(body, '/tinhHinhChung/tongSoCBGVNV')?.value).toBe('1.245 người');
    expect.soft(field(body, '/tinhHinhChung/tyLeNu')?.value).toBe('66,99 %');
    expect.soft(field(body, '/tinhHinhChung/kinhPhi')?.value).toBe('12.500.000,5 đồng');
    expect.soft(field(body, '/tinhHinhChung/coBanVSTBPN')?.value).toBe('Có');
    expect.soft(field(body, '/tinhHinhChung/ngayThanhLap')?.value).toBe('05/09/2018');
    expect.soft(field(body, '/tinhHinhChung/loaiTruong')?.value).toBe('Công lập');
    expect.soft(field(body, '/tinhHinhChung/tongSoCBGVNV')?.label).toBe('Tổng số cán bộ, giáo viên, nhân viên');
  });

  it('renders array-of-object fields as tables with the items’ titles as columns', () => {
    const table = buildDocumentModel(input()).body.find((b) => b.kind === 'table');
    expect(table).toMatchObject({
      kind: 'table',
      path: '/ketQua/hoatDong',
      columns: [
        { title: 'TT' },
        { title: 'Tên hoạt động', numeric: false },
        { title: 'Ngày tổ chức' },
        { title: 'Số người tham gia (người)', numeric: true },
        { title: 'Trong đó nữ (người)', numeric: true },
        { title: 'Tỷ lệ nữ', numeric: true },
        { title: 'Có kinh phí' },
      ],
      rows: [
        ['1', 'Tuyên truyền Luật Bình đẳng giới dưới cờ', '08/03/2020', '680', '345', '50,74 %', 'Không'],
        ['2', 'Hội thi "Tìm hiểu về bình đẳng giới"', '20/11/2020', '1.520', '911', '59,93 %', 'Có'],
      ],
    });
  });

  it('renders narratives one paragraph a line, and a missing answer as "…"', () => {
    const { body } = buildDocumentModel(input());
    const paras = (path: string) => body.filter((b) => b.kind === 'paragraph' && b.path === path);
    expect(paras('/deXuatTrongTam').map((b) => (b.kind === 'paragraph' ? b.text : ''))).toEqual([
      'Lồng ghép nội dung bình đẳng giới vào chương trình giáo dục phổ thông 2018.',
      'Phòng, chống bạo lực học đường trên cơ sở giới.',
    ]);
    expect(paras('/ketQua/ketQuaThucHien/khoKhan')).toEqual([
      { kind: 'paragraph', text: '………', path: '/ketQua/ketQuaThucHien/khoKhan', missing: true },
    ]);
  });

  it('leaves the fields bound to the header (số, ngày, người ký) out of the body', () => {
    const { body } = buildDocumentModel(input());
    expect(body.filter((b) => b.path.startsWith('/vanBan'))).toEqual([]);
    expect(headings(body)).not.toContain('Thông tin văn bản');
  });

  it('takes the caller’s number, date and signer first, then the data’s bound fields', () => {
    const signed = buildDocumentModel(input());
    expect(signed.header.numberLine).toBe('Số: 12/BC-THCSĐT');
    expect(signed.signature).toEqual({ authority: null, digital: null, title: 'HIỆU TRƯỞNG', note: '(Đã ký)', fullName: 'Nguyễn Thị Hương' });
    expect(signed.footer).toContain('a3f1c2d4e5b6');
    expect(signed.stamp).toBeNull();

    const draft = buildDocumentModel(input({ number: null, signer: null, draft: true, signatureHash: null, date: new Date('2020-06-01T03:00:00Z') }));
    expect(draft.header.numberLine).toBe('Số: 27/BC-THCSĐT');
    // A draft is dated today by the caller; the date typed into the form is the better guess.
    expect(draft.header.placeDate).toBe('Khoái Châu, ngày 08 tháng 5 năm 2020');
    expect(draft.signature).toEqual({ authority: null, digital: null, title: 'HIỆU TRƯỞNG', note: null, fullName: 'Nguyễn Thị Hương' });
    expect(draft.stamp).toBe('DỰ THẢO');
    expect(draft.footer).toBeNull();

    const blank = buildDocumentModel(input({ number: null, data: {}, signer: null, draft: true }));
    expect(blank.header.numberLine).toBe('Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-THCSĐT');
    expect(blank.signature.fullName).toBe('');
  });

  it('writes the nơi nhận list with "-", ";" and a final "."', () => {
    expect(buildDocumentModel(input()).recipients).toEqual({
      heading: 'Nơi nhận:',
      items: ['- Phòng GD&ĐT Khoái Châu (để b/c);', '- Ban VSTBPN nhà trường;', '- Lưu: VT.'],
    });
  });

  it('supplies defaults with one warning each when the document section lacks fields', () => {
    const sut = buildDocumentModel(input({ template: { ...template, document: { documentType: 'Báo cáo', placeName: 'Khoái Châu' } } }));
    expect(sut.header.parentBody).toBe('PHÒNG GD&ĐT KHOÁI CHÂU');
    expect(sut.header.issuingBody).toBe('TRƯỜNG THCS ĐÔNG TẢO');
    expect(sut.header.numberLine).toBe('Số: 12/BC-THCS-DONG-TAO');
    expect(sut.subject).toBe(template.title);
    expect(sut.recipients.items).toEqual(['- Phòng GD&ĐT Khoái Châu;', '- Lưu: VT.']);
    // The signer's own title wins over the template's default.
    expect(sut.signature.title).toBe('HIỆU TRƯỞNG');
    for (const key of ['parentBody', 'issuingBody', 'symbol', 'subject', 'recipients', 'signerTitle']) {
      expect.soft(sut.warnings.some((w) => w.includes(`(${key})`)), key).toBe(true);
    }
    // Bindings missing: the "Thông tin văn bản" fields show in the body like any other.
    expect(headings(sut.body)[0]).toBe('I. Thông tin văn bản');
  });

  it('lays out a template without any document section, with a warning', () => {
    const { document: _document, ...bare } = template;
    const sut = buildDocumentModel(input({ template: bare, place: null, signer: null }));
    expect(sut.documentType).toBe('BÁO CÁO');
    expect(sut.signature.title).toBe('THỦ TRƯỞNG ĐƠN VỊ');
    expect(sut.header.placeDate).toBe('……, ngày 12 tháng 5 năm 2020');
    expect(sut.warnings.some((w) => w.includes('chưa có mục "document"'))).toBe(true);
    expect(sut.warnings.some((w) => w.includes('Thiếu địa danh'))).toBe(true);
  });

  it('warns about unknown placeholders and leaves them as written', () => {
    const sut = buildDocumentModel(input({ template: { ...template, document: { ...template.document, subject: 'Báo cáo {kyBaoCao}' } } }));
    expect(sut.subject).toBe('Báo cáo {kyBaoCao}');
    expect(sut.warnings.some((w) => w.includes('{kyBaoCao}'))).toBe(true);
  });

  it.each<[string, unknown]>([
    ['no data', undefined],
    ['null', null],
    ['a string', 'không phải đối tượng'],
    ['an array', [1, 2]],
    ['sections of the wrong type', { tinhHinhChung: 'x', ketQua: { hoatDong: 'không phải mảng', ketQuaThucHien: 5 } }],
    ['values of the wrong type', { tinhHinhChung: { tongSoCBGVNV: 'abc', coBanVSTBPN: 'yes', tyLeNu: null, ngayThanhLap: 12 } }],
    ['rows of the wrong type', { ketQua: { hoatDong: [null, 'x', { soNu: 'nhiều' }] } }],
    ['prototype keys', JSON.parse('{"__proto__": {"x": 1}, "tinhHinhChung": {"constructor": 1}}')],
  ])('never throws on bad data (%s) and shows "…" for what is missing', (_name, bad) => {
    const sut = buildDocumentModel(input({ data: bad }));
    expect(headings(sut.body)).toContain('I. Tình hình chung của đơn vị');
    expect(sut.body.some((b) => (b.kind === 'field' || b.kind === 'paragraph') && b.missing)).toBe(true);
  });

  it.each<[string, object]>([
    ['an empty schema', {}],
    ['a dangling $ref', { type: 'object', properties: { a: { $ref: '#/$defs/khongCo', title: 'Mục A' } } }],
    ['a cyclic $ref', { $defs: { n: { type: 'object', properties: { con: { $ref: '#/$defs/n' } } } }, type: 'object', properties: { goc: { $ref: '#/$defs/n' } } }],
    ['allOf members', { type: 'object', allOf: [{ properties: { a: { type: 'integer', title: 'Số A' } } }] }],
  ])('never throws on an odd schema (%s)', (_name, schema) => {
    expect(() => buildDocumentModel(input({ template: { ...template, schema, uiSchema: {} }, data: { a: 3 } }))).not.toThrow();
  });

  it.each(shippedTemplates)('lays out the shipped template %s keeping its own numbering', (_name, t) => {
    const sut = buildDocumentModel(input({ template: t, data: {}, number: null, signer: null, draft: true, period: '6 tháng đầu năm 2024' }));
    const hs = headings(sut.body);
    expect(hs.length).toBeGreaterThan(0);
    // Titles that carry "I." / "A." are not numbered twice.
    for (const h of hs) expect(h).not.toMatch(/^(\S+[.)]) \1/);
    expect(hs.some((h) => h.includes('Thông tin văn bản'))).toBe(false);
    expect(sut.header.nationalTitle).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(sut.subject).not.toMatch(/\{[a-zA-Z]+\}/);
  });
});
