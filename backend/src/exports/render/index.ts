/**
 * Pure renderers of the official document (DOCX, PDF) and of the figures (XLSX).
 * No NestJS, no database: used by the exports module and its pg-boss job.
 */
export type { DocBlock, DocModel, DocumentInput, DocumentLayout, XlsxInput } from './types.js';
export { buildDocumentModel, resolveLayout, outlineNumber, NATIONAL_TITLE, MOTTO, DRAFT_STAMP } from './document-model.js';
export { renderDocx, renderDocxModel } from './docx.renderer.js';
export { renderPdf, renderPdfModel } from './pdf.renderer.js';
export { renderXlsx, sheetName, SOURCES_SHEET, GENERAL_SHEET } from './xlsx.renderer.js';
export { dateInWords, formatNumber } from './vi-format.js';
export { pdfFont } from './fonts.js';
