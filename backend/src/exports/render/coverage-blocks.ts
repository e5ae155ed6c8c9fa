/**
 * A compiled report's coverage in its documents: a line under the title (DOCX/PDF), the missing units in an
 * appendix, and a sheet in the workbook. The sentence is the one every screen shows (@bdg/schemas).
 */
import { type Coverage, coverageSentence } from '@bdg/schemas';
import type ExcelJS from 'exceljs';
import type { DocBlock } from './types.js';

export const MISSING_APPENDIX_TITLE = 'Các đơn vị chưa có trong số liệu tổng hợp';

/** The body with the coverage line first and, when units are missing, an appendix listing them last. */
export function withCoverage(body: DocBlock[], coverage: Coverage | null | undefined): DocBlock[] {
  if (!coverage) return body;
  const line = coverage.missing.length
    ? `Báo cáo này tổng hợp ${coverage.included}/${coverage.expected} đơn vị; ${coverage.missing.length} đơn vị chưa có được liệt kê ở Phụ lục.`
    : coverageSentence(coverage);
  const lead: DocBlock = { kind: 'paragraph', text: line, path: '#coverage', missing: false };
  if (!coverage.missing.length) return [lead, ...body];
  const appendix: DocBlock[] = [
    { kind: 'heading', level: 1, number: 'Phụ lục.', text: MISSING_APPENDIX_TITLE, path: '#coverage-appendix' },
    {
      kind: 'table',
      path: '#coverage-appendix',
      columns: [
        { key: '#', title: 'TT', numeric: false, weight: 0 },
        { key: 'unit', title: 'Đơn vị', numeric: false, weight: 3 },
        { key: 'state', title: 'Tình trạng', numeric: false, weight: 1 },
      ],
      rows: coverage.missing.map((m, i) => [String(i + 1), m.unitName, m.stateLabel ?? m.state]),
    },
  ];
  return [lead, ...body, ...appendix];
}

/** A "Độ đầy đủ" sheet: the sentence, then one row per missing unit. */
export function addCoverageSheet(wb: ExcelJS.Workbook, coverage: Coverage | null | undefined): void {
  if (!coverage) return;
  const ws = wb.addWorksheet('Độ đầy đủ');
  ws.columns = [
    { header: 'TT', key: 'n', width: 6 },
    { header: 'Đơn vị chưa có trong số liệu', key: 'unit', width: 50 },
    { header: 'Tình trạng', key: 'state', width: 24 },
  ];
  ws.insertRow(1, [coverageSentence(coverage, 5)]);
  ws.getRow(1).font = { bold: true };
  ws.getRow(2).font = { bold: true };
  coverage.missing.forEach((m, i) => ws.addRow([i + 1, m.unitName, m.stateLabel ?? m.state]));
}
