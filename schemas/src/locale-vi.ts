/**
 * Bản địa hoá tiếng Việt cho lỗi AJV (AJV không có sẵn). Dùng chung cho máy chủ và trình duyệt.
 * viPredicate(e) trả phần vị ngữ ("phải là số nguyên"); localizeAjvErrors ghép với tên trường.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import { choiceProblem } from './choice-errors.js';
import { escapeSegment, isPlainObject } from './pointer.js';
import { titleParts } from './titles.js';
import type { FieldError, JsonSchema } from './types.js';
import { schemaAt } from './walker.js';

const TYPE_VI: Record<string, string> = {
  integer: 'số nguyên',
  number: 'số',
  string: 'văn bản',
  boolean: 'có/không',
  object: 'một nhóm thông tin',
  array: 'một danh sách',
  null: 'để trống',
};

export const FORMAT_VI: Record<string, string> = {
  date: 'ngày hợp lệ (năm-tháng-ngày, ví dụ 2024-05-10)',
  'date-time': 'thời điểm hợp lệ (ngày và giờ)',
  time: 'giờ hợp lệ (giờ:phút:giây)',
  duration: 'khoảng thời gian hợp lệ',
  email: 'địa chỉ thư điện tử hợp lệ',
  uri: 'địa chỉ URL hợp lệ',
  'uri-reference': 'địa chỉ URL hợp lệ',
  url: 'địa chỉ URL hợp lệ',
  hostname: 'tên miền hợp lệ',
  ipv4: 'địa chỉ IPv4 hợp lệ',
  ipv6: 'địa chỉ IPv6 hợp lệ',
  uuid: 'mã UUID hợp lệ',
  regex: 'biểu thức chính quy hợp lệ',
};

function typeList(t: unknown): string {
  const ts = (Array.isArray(t) ? t : String(t).split(',')).map(String);
  const nonNull = ts.filter((x) => x !== 'null').map((x) => TYPE_VI[x] ?? x);
  if (ts.includes('null')) return `${nonNull.join(' hoặc ')} hoặc để trống`;
  return nonNull.join(' hoặc ');
}

function fmt(v: unknown): string {
  if (typeof v === 'string') return `"${v}"`;
  return JSON.stringify(v);
}
function fmtNum(v: unknown): string {
  return typeof v === 'number' ? v.toLocaleString('vi-VN') : String(v);
}

/** Vị ngữ tiếng Việt cho một lỗi AJV (không kèm tên trường). */
export function viPredicate(e: ErrorObject, unit?: string): string {
  const p = e.params as Record<string, unknown>;
  const u = unit ? ` ${unit}` : '';
  switch (e.keyword) {
    case 'type':
      return `phải là ${typeList(p.type)}`;
    case 'required':
      return 'chưa được nhập (bắt buộc)';
    case 'dependentRequired':
    case 'dependencies':
      return `chưa được nhập (bắt buộc khi đã nhập "${String(p.property)}")`;
    case 'discriminator':
      return `phải có mục phân loại "${String(p.tag ?? p.tagName ?? '')}" hợp lệ`;
    case 'contentMediaType':
    case 'contentEncoding':
      return 'có nội dung tệp không đúng kiểu cho phép';
    case 'minimum':
      return `phải lớn hơn hoặc bằng ${fmtNum(p.limit)}${u}`;
    case 'maximum':
      return `phải nhỏ hơn hoặc bằng ${fmtNum(p.limit)}${u}`;
    case 'exclusiveMinimum':
      return `phải lớn hơn ${fmtNum(p.limit)}${u}`;
    case 'exclusiveMaximum':
      return `phải nhỏ hơn ${fmtNum(p.limit)}${u}`;
    case 'multipleOf':
      return `phải là bội số của ${fmtNum(p.multipleOf)}`;
    case 'minLength':
      return `phải có ít nhất ${fmtNum(p.limit)} ký tự`;
    case 'maxLength':
      return `không được dài quá ${fmtNum(p.limit)} ký tự`;
    case 'pattern':
      return 'không đúng định dạng yêu cầu';
    case 'format':
      return `phải là ${FORMAT_VI[String(p.format)] ?? `giá trị đúng định dạng "${String(p.format)}"`}`;
    case 'enum': {
      const vals = Array.isArray(p.allowedValues) ? p.allowedValues : [];
      return vals.length <= 8 ? `phải là một trong các giá trị: ${vals.map(fmt).join(', ')}` : 'phải là một giá trị trong danh sách cho phép';
    }
    case 'const':
      return `phải bằng ${fmt(p.allowedValue)}`;
    case 'minItems':
      return `phải có ít nhất ${fmtNum(p.limit)} dòng`;
    case 'maxItems':
      return `không được có quá ${fmtNum(p.limit)} dòng`;
    case 'uniqueItems':
      return `có dòng ${Math.min(Number(p.i), Number(p.j)) + 1} và dòng ${Math.max(Number(p.i), Number(p.j)) + 1} trùng nhau`;
    case 'contains':
      return 'phải có ít nhất một dòng đúng yêu cầu';
    case 'minContains':
      return `phải có ít nhất ${fmtNum(p.minContains)} dòng đúng yêu cầu`;
    case 'maxContains':
      return `không được có quá ${fmtNum(p.maxContains)} dòng đúng yêu cầu`;
    case 'minProperties':
      return `phải có ít nhất ${fmtNum(p.limit)} mục được nhập`;
    case 'maxProperties':
      return `không được có quá ${fmtNum(p.limit)} mục`;
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return 'không có trong biểu mẫu (trường lạ bị từ chối)';
    case 'unevaluatedItems':
    case 'additionalItems':
    case 'items':
      return `không được có quá ${fmtNum(p.limit)} dòng`;
    case 'propertyNames':
      return `có tên mục không hợp lệ "${String(p.propertyName)}"`;
    case 'anyOf':
      return 'không khớp với bất kỳ lựa chọn nào cho phép';
    case 'oneOf':
      return 'phải khớp đúng một lựa chọn cho phép';
    case 'not':
      return 'có giá trị không được phép';
    case 'false schema':
      return 'không được phép nhập';
    case 'if':
      return `phải thoả điều kiện "${String(p.failingKeyword)}"`;
    default:
      return 'có giá trị không hợp lệ';
  }
}

/** Đường dẫn dữ liệu mà lỗi nói tới (với required/additionalProperties: chính trường con). */
export function errorPath(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'required' || e.keyword === 'dependentRequired' || e.keyword === 'dependencies')
    return `${e.instancePath}/${escapeSegment(String(p.missingProperty))}`;
  if (e.keyword === 'additionalProperties') return `${e.instancePath}/${escapeSegment(String(p.additionalProperty))}`;
  if (e.keyword === 'unevaluatedProperties') return `${e.instancePath}/${escapeSegment(String(p.unevaluatedProperty))}`;
  return e.instancePath;
}

/** Từ khoá chỉ là hệ quả của lỗi khác (đã báo ở lỗi con) nên bỏ. */
const DROPPED = new Set(['if', '$ref']);

/** Biến lỗi AJV thành FieldError tiếng Việt, nêu trường bằng tiêu đề và mục chứa nó. */
export function localizeAjvErrors(errors: readonly ErrorObject[] | null | undefined, schema: JsonSchema): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    if (DROPPED.has(e.keyword)) continue;
    const parent = schemaAt(schema, e.instancePath);
    const choice = choiceProblem(schema, e, isPlainObject(parent?.properties) ? (parent!.properties as Record<string, JsonSchema>) : {});
    const path = choice ? choice.path : errorPath(e);
    const { field, context } = titleParts(schema, path);
    const leaf = e.keyword.includes('imum') ? schemaAt(schema, path) : undefined;
    const unit = leaf && typeof leaf['x-unit'] === 'string' ? leaf['x-unit'] : undefined;
    const title = context ? `${field} (${context})` : field;
    const target = e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties' ? undefined : schemaAt(schema, path);
    const noun = target?.items ? 'Bảng' : target?.properties ? 'Mục' : 'Trường';
    const subject = path === '' ? 'Biểu mẫu' : `${noun} "${field}"${context ? ` (${context})` : ''}`;
    const message = `${subject} ${choice ? choice.predicate : viPredicate(e, unit)}.`;
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, title, message, keyword: e.keyword });
  }
  return out;
}

/** Như ajv-i18n: ghi đè e.message bằng vị ngữ tiếng Việt (cho RJSF transformErrors). */
export function localizeVi(errors: ErrorObject[] | null | undefined): void {
  for (const e of errors ?? []) e.message = viPredicate(e);
}
