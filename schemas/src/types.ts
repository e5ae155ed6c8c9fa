/** Kiểu dùng chung của @bdg/schemas (không phụ thuộc framework). */

/** Quy tắc tổng hợp khai báo ở từng trường. */
/**
 * first: giá trị của đơn vị có mã nhỏ nhất (cho cột mô tả trong bảng groupBy, giống nhau giữa các đơn vị);
 * none: không tổng hợp (đơn vị tổng hợp tự nhập, ví dụ số văn bản).
 */
export type AggregateKind = 'sum' | 'count' | 'countTrue' | 'min' | 'max' | 'concat' | 'first' | 'none';
export interface RatioRule {
  ratio: { numerator: string; denominator: string; scale?: number };
}
export interface GroupByRule {
  groupBy: string;
}
export type AggregateRule = AggregateKind | RatioRule | GroupByRule;

/** JSON Schema 2020-12 với các từ khoá riêng x-aggregate, x-computed, x-unit. */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  format?: string;
  'x-aggregate'?: AggregateRule;
  'x-computed'?: string;
  'x-unit'?: string;
  /** Quy tắc giữa các trường của đối tượng này (rules.ts). */
  'x-rules'?: { id: string; assert: string; message: string; severity: 'error' | 'warning' }[];
  [keyword: string]: unknown;
}

/**
 * Bố cục văn bản chính thức (Nghị định 30/2020/NĐ-CP) sinh từ nội dung đã ký.
 * Chuỗi có thể chứa chỗ giữ chỗ {unitName}, {parentUnitName}, {governingBody}, {shortName}, {placeName}, {year}, {period}
 * (máy chủ thay bằng thông tin đơn vị và đợt báo cáo khi dựng văn bản).
 */
export interface TemplateDocumentLayout {
  /** Cơ quan chủ quản (dòng trên), ví dụ "PHÒNG GD&ĐT KHOÁI CHÂU" hoặc "{parentUnitName}". */
  parentBody: string;
  /** Cơ quan ban hành (dòng dưới, in đậm), ví dụ "{unitName}". */
  issuingBody: string;
  /** Loại văn bản, ví dụ "BÁO CÁO". */
  documentType: string;
  /** Ký hiệu sau số, ví dụ "BC-PGDĐT" → "Số: 12/BC-PGDĐT". */
  symbol: string;
  /** Trích yếu nội dung. */
  subject: string;
  /** Nơi nhận, mỗi dòng một mục ("Như trên;", "Lưu: VT."). */
  recipients: string[];
  /** Quyền hạn ký (tuỳ chọn), ví dụ "KT. TRƯỞNG PHÒNG". */
  signerAuthority?: string;
  /** Chức danh người ký, ví dụ "THỦ TRƯỞNG ĐƠN VỊ". */
  signerTitle: string;
  /** Địa danh, ví dụ "Khoái Châu". */
  placeName: string;
  /** Vị trí (JSON Pointer trong dữ liệu) của số văn bản, ngày ban hành, họ tên người ký. */
  bindings: { number: string; date: string; signerName: string };
}

export interface TemplateVersionDoc {
  code: string;
  version: number;
  title: string;
  periodKind: string;
  description?: string;
  schema: JsonSchema;
  uiSchema: Record<string, unknown>;
  document: TemplateDocumentLayout;
}

export interface Finding {
  severity: 'error' | 'warning';
  path: string;
  message: string;
}

export interface FieldError {
  /** JSON Pointer vào dữ liệu, ví dụ /I/tongSo */
  path: string;
  /** "Tổng số CB-GV-NV (I. Tình hình chung)" */
  title: string;
  /** Câu tiếng Việt đầy đủ, nêu tên trường */
  message: string;
  keyword: string;
}
