/** The builder's field kinds and roll-up rules, in the admins' words. */
import type { AggregateSimple, FieldKind } from './field-types';

export const FIELD_KIND_LABELS: Record<FieldKind, string> = {
  section: 'Mục (nhóm câu hỏi)',
  text: 'Văn bản ngắn',
  longText: 'Văn bản dài',
  number: 'Số',
  integer: 'Số nguyên',
  boolean: 'Có/Không',
  date: 'Ngày',
  choice: 'Chọn từ danh sách',
  table: 'Bảng nhiều dòng',
  file: 'Tệp minh chứng',
};

/** Roll-up rules in the admins' words; the stored code (x-aggregate) appears only in the explanation. */
export const AGGREGATE_LABELS: Record<AggregateSimple | 'ratio' | 'groupBy', string> = {
  none: 'Không tổng hợp',
  sum: 'Cộng dồn',
  count: 'Đếm số đơn vị có trả lời',
  countTrue: 'Đếm số đơn vị trả lời “Có”',
  min: 'Lấy giá trị nhỏ nhất',
  max: 'Lấy giá trị lớn nhất',
  concat: 'Ghép nội dung theo đơn vị',
  ratio: 'Tỷ lệ tính lại từ tổng tử số/mẫu số',
  groupBy: 'Gộp các dòng theo một cột',
};

/** What each rule does to the units' answers, shown under the choice. */
export const AGGREGATE_HELP: Record<AggregateSimple | 'ratio' | 'groupBy', string> = {
  none: 'Đơn vị cấp trên tự nhập trường này; số liệu của đơn vị trực thuộc không được gộp.',
  sum: 'Cộng số liệu của mọi đơn vị trực thuộc: 3 trường có 10, 12 và 8 giáo viên nữ cho ra 30.',
  count: 'Đếm số đơn vị đã trả lời trường này (bỏ qua đơn vị để trống).',
  countTrue: 'Đếm số đơn vị chọn “Có”; báo cáo tổng hợp hiện một con số.',
  min: 'Lấy số nhỏ nhất trong các đơn vị trực thuộc.',
  max: 'Lấy số lớn nhất trong các đơn vị trực thuộc.',
  concat: 'Nối phần trả lời của các đơn vị, mỗi đoạn mở đầu bằng tên đơn vị.',
  ratio: 'Không lấy trung bình các tỷ lệ: cộng tử số và mẫu số của mọi đơn vị rồi chia lại (ví dụ tổng số nữ / tổng số người × 100).',
  groupBy: 'Các dòng của bảng có cùng giá trị ở cột đã chọn được gộp làm một; mỗi cột khác theo quy tắc của nó.',
};

/** The code stored in the schema for a rule (the "advanced" detail). */
export const AGGREGATE_CODES: Record<AggregateSimple | 'ratio' | 'groupBy', string> = {
  none: 'none', sum: 'sum', count: 'count', countTrue: 'countTrue', min: 'min', max: 'max', concat: 'concat', ratio: 'ratio', groupBy: 'groupBy',
};

/** Which roll-up rules make sense for a kind. */
export function aggregatesFor(kind: FieldKind): (AggregateSimple | 'ratio' | 'groupBy')[] {
  switch (kind) {
    case 'number':
    case 'integer':
      return ['sum', 'count', 'min', 'max', 'ratio', 'none'];
    case 'boolean':
      return ['countTrue', 'count', 'none'];
    case 'text':
    case 'longText':
      return ['concat', 'count', 'none'];
    case 'choice':
      return ['count', 'concat', 'none'];
    case 'date':
      return ['min', 'max', 'count', 'none'];
    case 'file':
      return ['concat', 'count', 'none'];
    case 'table':
      return ['groupBy', 'concat', 'count', 'none'];
    default:
      return [];
  }
}
