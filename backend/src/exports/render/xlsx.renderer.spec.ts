import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { XlsxInput } from './types.js';
import { PERCENT_FORMAT, renderXlsx, sheetName, SOURCES_SHEET } from './xlsx.renderer.js';
import { shippedTemplates } from './__fixtures__/render-input.js';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const template = fixture('truong-bdg.template.json') as { title: string; schema: object; uiSchema: object };
const data = fixture('truong-bdg.data.json') as {
  tinhHinhChung: Record<string, unknown>;
  ketQua: { hoatDong: Record<string, unknown>[] };
  deXuatTrongTam: string;
};

const provenance: NonNullable<XlsxInput['provenance']> = {
  '/tinhHinhChung/tongSoCBGVNV': [
    { unitId: 'u-1', unitName: 'Trường THCS Đông Tảo', unitCode: 'thcs-dong-tao', value: 45 },
    { unitId: 'u-2', unitName: 'Trường TH Dạ Trạch', unitCode: 'th-da-trach', value: 38 },
  ],
  '/tinhHinhChung/tyLeNu': [{ unitId: 'u-1', unitName: 'Trường THCS Đông Tảo', unitCode: 'thcs-dong-tao', value: 62.5 }],
  '/ketQua/hoatDong/1/soNu': [{ unitId: 'u-3', value: 12 }],
};

async function read(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

const values = (ws: ExcelJS.Worksheet, row: number): unknown[] => {
  const r = ws.getRow(row);
  return Array.from({ length: ws.columnCount }, (_x, i) => r.getCell(i + 1).value);
};

describe(renderXlsx.name, () => {
  let sut: ExcelJS.Workbook;
  beforeAll(async () => {
    sut = await read(await renderXlsx({ title: template.title, schema: template.schema, uiSchema: template.uiSchema, data, provenance }));
  });

  it('has one sheet per top-level section and per table, plus the sources', () => {
    expect(sut.worksheets.map((w) => w.name)).toEqual([
      'Thông tin chung',
      'Thông tin văn bản',
      'Tình hình chung của đơn vị',
      'Kết quả thực hiện kế hoạch hành',
      'Các hoạt động tuyên truyền đã',
      SOURCES_SHEET,
    ]);
    for (const w of sut.worksheets) {
      expect(w.name.length).toBeLessThanOrEqual(31);
      expect(w.name).not.toMatch(/[[\]:*?/\\]/);
    }
  });

  it('writes a section’s figures cell by cell: numbers as numbers, percentages and dates formatted', () => {
    const ws = sut.getWorksheet('Tình hình chung của đơn vị')!;
    expect(values(ws, 1)).toEqual(['TT', 'Chỉ tiêu', 'Giá trị', 'Đơn vị']);
    const t = data.tinhHinhChung;
    const rows = Array.from({ length: ws.rowCount - 1 }, (_x, i) => values(ws, i + 2));
    expect(rows).toEqual([
      ['1.', 'Khái quát đặc điểm, tình hình hoạt động chung', t.khaiQuat, null],
      ['', 'Tổng số cán bộ, giáo viên, nhân viên', 1245, 'người'],
      ['', 'Trong đó nữ', 834, 'người'],
      ['', 'Tỷ lệ nữ', (t.tyLeNu as number) / 100, null],
      ['', 'Kinh phí chi cho công tác bình đẳng giới', 12500000.5, 'đồng'],
      ['', 'Đã thành lập Ban vì sự tiến bộ của phụ nữ', 'Có', null],
      ['', 'Ngày thành lập Ban', new Date(Date.UTC(2018, 8, 5)), null],
      ['', 'Loại hình trường', 'Công lập', null],
    ]);
    expect(ws.getCell('C3').numFmt).toBe('#,##0');
    expect(ws.getCell('C5').numFmt).toBe(PERCENT_FORMAT);
    expect(ws.getCell('C6').numFmt).toBe('#,##0.0#');
    expect(ws.getCell('C8').numFmt).toBe('dd/mm/yyyy');
    // how a figure is obtained, as a note on its cell (@bdg/schemas, field titles); entered figures have none
    expect(ws.getCell('C5').note).toMatch(/^(Tổng hợp|Tự tính)[^:]*: .*Trong đó nữ.*Tổng số cán bộ, giáo viên, nhân viên/);
    expect(ws.getCell('C5').note).not.toMatch(/soNu|tongSo|\/tinhHinhChung/);
    expect(ws.getCell('C8').note).toBeUndefined();
  });

  it('writes a table sheet row by row against the data', () => {
    const ws = sut.getWorksheet('Các hoạt động tuyên truyền đã')!;
    expect(values(ws, 1)).toEqual(['TT', 'Tên hoạt động', 'Ngày tổ chức', 'Số người tham gia (người)', 'Trong đó nữ (người)', 'Tỷ lệ nữ', 'Có kinh phí']);
    expect(ws.rowCount).toBe(1 + data.ketQua.hoatDong.length);
    data.ketQua.hoatDong.forEach((row, i) => {
      const [y, m, d] = String(row.ngayToChuc).split('-').map(Number);
      expect(values(ws, i + 2)).toEqual([
        i + 1,
        row.tenHoatDong,
        new Date(Date.UTC(y!, m! - 1, d!)),
        row.soNguoiThamGia,
        row.soNu,
        (row.tyLeNu as number) / 100,
        row.coKinhPhi ? 'Có' : 'Không',
      ]);
      expect(ws.getRow(i + 2).getCell(6).numFmt).toBe(PERCENT_FORMAT);
    });
    // a consolidated report: the column header says how the column rolls up
    expect(ws.getCell('D1').note).toBe('Tổng hợp: cộng số liệu của các đơn vị cấp dưới');
    expect(ws.getCell('B1').note).toBeUndefined();
  });

  it('puts the fields directly under the root on "Thông tin chung"', () => {
    const ws = sut.getWorksheet('Thông tin chung')!;
    expect(values(ws, 2)).toEqual(['', 'Đề xuất các vấn đề trọng tâm về bình đẳng giới giai đoạn 2021-2030', data.deXuatTrongTam, null]);
  });

  it('lists the sources of consolidated values by unit and field', () => {
    const ws = sut.getWorksheet(SOURCES_SHEET)!;
    expect(values(ws, 1)).toEqual(['Chỉ tiêu', 'Mã đơn vị', 'Đơn vị', 'Giá trị']);
    // Vietnamese only: fields by their title path, no JSON Pointer column
    expect(values(ws, 2)).toEqual([
      'Tình hình chung của đơn vị › Tổng số cán bộ, giáo viên, nhân viên',
      'thcs-dong-tao',
      'Trường THCS Đông Tảo',
      45,
    ]);
    expect(values(ws, 3)).toEqual([
      'Tình hình chung của đơn vị › Tổng số cán bộ, giáo viên, nhân viên',
      'th-da-trach',
      'Trường TH Dạ Trạch',
      38,
    ]);
    expect(values(ws, 4)[3]).toBe(0.625);
    expect(ws.getCell('D4').numFmt).toBe(PERCENT_FORMAT);
    expect(ws.getColumn(1).values.slice(2).some((v) => typeof v === 'string' && v.startsWith('/'))).toBe(false);
    expect(values(ws, 5)).toEqual([
      'Kết quả thực hiện kế hoạch hành động vì bình đẳng giới › Các hoạt động tuyên truyền đã tổ chức › dòng 2 › Trong đó nữ',
      null,
      'u-3',
      12,
    ]);
  });

  it('has no sources sheet without provenance', async () => {
    const wb = await read(await renderXlsx({ title: template.title, schema: template.schema, data }));
    expect(wb.worksheets.map((w) => w.name)).not.toContain(SOURCES_SHEET);
  });

  it.each<[string, unknown]>([
    ['no data', undefined],
    ['data of the wrong shape', { tinhHinhChung: 'x', ketQua: { hoatDong: 'y' } }],
    ['rows of the wrong shape', { ketQua: { hoatDong: [null, 3, { soNu: 'nhiều' }] } }],
  ])('never throws on bad data (%s), leaving cells empty', async (_name, bad) => {
    const wb = await read(await renderXlsx({ title: template.title, schema: template.schema, data: bad }));
    const ws = wb.getWorksheet('Tình hình chung của đơn vị')!;
    const rows = Array.from({ length: ws.rowCount - 1 }, (_x, i) => values(ws, i + 2));
    expect(rows.find((r) => r[1] === 'Tổng số cán bộ, giáo viên, nhân viên')).toEqual(['', 'Tổng số cán bộ, giáo viên, nhân viên', null, 'người']);
    expect(rows.every((r) => r[2] === null)).toBe(true);
  });

  it('writes answers beginning with =, +, -, @ as text that stays text when the cell is re-entered', async () => {
    const schema = {
      type: 'object',
      properties: {
        a: { type: 'string', title: 'Công thức' },
        b: { type: 'string', title: 'Cộng' },
        c: { type: 'string', title: 'Trừ' },
        d: { type: 'string', title: 'A còng' },
        e: { type: 'string', title: 'Thường' },
      },
    };
    const data = { a: '=HYPERLINK("http://x.example","bấm")', b: '+1+2', c: '-3', d: '@SUM(A1)', e: 'Bình thường' };
    const wb = await read(await renderXlsx({ title: 'Kiểm tra', schema, data }));
    const cells = new Map<string, ExcelJS.Cell>();
    wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => void (typeof c.value === 'string' && cells.set(c.value, c)))));
    for (const v of Object.values(data).slice(0, 4)) {
      const cell = cells.get(v)!;
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.numFmt).toBe('@');
    }
    expect(cells.get('Bình thường')!.numFmt).not.toBe('@');
  });

  it('still writes a workbook for an empty schema', async () => {
    const wb = await read(await renderXlsx({ title: 'Báo cáo: tổng hợp [2024]', schema: {}, data: null }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Báo cáo tổng hợp 2024']);
  });

  it.each(shippedTemplates)('writes the shipped template %s', async (_name, t) => {
    const wb = await read(await renderXlsx({ title: t.title, schema: t.schema, uiSchema: t.uiSchema, data: {} }));
    expect(wb.worksheets.length).toBeGreaterThan(1);
    const names = wb.worksheets.map((w) => w.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });
});

describe(sheetName.name, () => {
  it.each([
    ['Tình hình chung của đơn vị', [], 'Tình hình chung của đơn vị'],
    ['Kết quả thực hiện kế hoạch hành động vì bình đẳng giới', [], 'Kết quả thực hiện kế hoạch hành'],
    ['Các hoạt động tuyên truyền đã tổ chức', [], 'Các hoạt động tuyên truyền đã'],
    ['Ba\u0300i ta\u0323\u0302p', [], 'Bài tập'],
    ['Số liệu: nam/nữ [2024] *?\\', [], 'Số liệu nam nữ 2024'],
    ["'Trích dẫn'", [], 'Trích dẫn'],
    ['   ', [], 'Trang'],
    ['Tình hình chung', ['tình hình chung'], 'Tình hình chung (2)'],
    ['Kết quả thực hiện kế hoạch hành động vì bình đẳng giới', ['kết quả thực hiện kế hoạch hành'], 'Kết quả thực hiện kế hoạch (2)'],
  ])('%s → %s', (wanted, taken, expected) => {
    expect(sheetName(wanted, new Set(taken))).toBe(expected);
  });
});
