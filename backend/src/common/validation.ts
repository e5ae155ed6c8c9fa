import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { unprocessable, type FieldProblem } from './errors.js';

/** Vietnamese titles of DTO properties, so a refusal names the field as the user knows it. */
const fieldTitles: Record<string, string> = {
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  currentPassword: 'Mật khẩu hiện tại',
  newPassword: 'Mật khẩu mới',
  fullName: 'Họ và tên',
  unitId: 'Đơn vị',
  roles: 'Vai trò',
  email: 'Thư điện tử',
  active: 'Trạng thái hoạt động',
  code: 'Mã',
  name: 'Tên',
  kind: 'Loại đơn vị',
  parentId: 'Đơn vị cấp trên',
  placeName: 'Địa danh',
  intoId: 'Đơn vị hợp nhất vào',
  schema: 'Lược đồ biểu mẫu (schema)',
  uiSchema: 'Giao diện biểu mẫu (uiSchema)',
  document: 'Bố cục văn bản',
  basedOn: 'Phiên bản gốc',
  title: 'Tiêu đề',
  periodKind: 'Loại kỳ báo cáo',
  machine: 'Định nghĩa quy trình',
  template: 'Mẫu báo cáo',
  rootUnitId: 'Đơn vị gốc của đợt',
  period: 'Kỳ báo cáo',
  flows: 'Quy trình theo loại đơn vị',
  deadlines: 'Hạn nộp theo cấp',
  data: 'Dữ liệu biểu mẫu',
  version: 'Phiên bản',
  type: 'Thao tác',
  comment: 'Ý kiến',
  fieldComments: 'Góp ý theo trường',
  path: 'Đường dẫn trường',
  text: 'Nội dung',
  page: 'Trang',
  pageSize: 'Số dòng mỗi trang',
  q: 'Từ khoá tìm kiếm',
  sort: 'Sắp xếp',
  after: 'Con trỏ trang tiếp theo',
  actorId: 'Người thực hiện',
  action: 'Thao tác',
  from: 'Từ ngày',
  to: 'Đến ngày',
  list: 'Danh sách',
  task: 'Loại việc',
};

export function titleOf(property: string): string {
  return fieldTitles[property] ?? property;
}

const constraintMessages: Record<string, (c: string) => string> = {
  isString: () => 'phải là chuỗi ký tự',
  isNotEmpty: () => 'không được để trống',
  isDefined: () => 'là bắt buộc',
  isUuid: () => 'phải là mã định danh (UUID) hợp lệ',
  isUUID: () => 'phải là mã định danh (UUID) hợp lệ',
  isInt: () => 'phải là số nguyên',
  isNumber: () => 'phải là số',
  isBoolean: () => 'phải là Có/Không (true/false)',
  isArray: () => 'phải là một danh sách',
  isObject: () => 'phải là một đối tượng JSON',
  isIn: () => 'có giá trị không được phép',
  isEmail: () => 'phải là địa chỉ thư điện tử hợp lệ',
  isDateString: () => 'phải là ngày theo định dạng ISO (yyyy-mm-dd)',
  isISO8601: () => 'phải là ngày theo định dạng ISO (yyyy-mm-dd)',
  min: () => 'nhỏ hơn giá trị cho phép',
  max: () => 'lớn hơn giá trị cho phép',
  minLength: () => 'quá ngắn',
  maxLength: () => 'quá dài',
  arrayMinSize: () => 'cần ít nhất một phần tử',
  arrayMaxSize: () => 'có quá nhiều phần tử',
  matches: () => 'không đúng định dạng',
  whitelistValidation: () => 'không phải là trường được phép gửi lên',
  nestedValidation: () => 'không hợp lệ',
};

// The type error says more than a length error on a value of the wrong type: report it first.
const priority = ['whitelistValidation', 'isDefined', 'isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isObject', 'isUuid', 'isUUID'];
function mostBasic(keys: string[]): string[] {
  const sorted = [...keys].sort((a, b) => rank(a) - rank(b));
  return sorted.slice(0, 1);
}
const rank = (k: string) => (priority.includes(k) ? priority.indexOf(k) : priority.length);

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const title = titleOf(e.property);
    if (e.value === undefined && e.constraints) {
      out.push({ path, title, message: `Trường "${title}" là bắt buộc.` });
      continue;
    }
    for (const key of mostBasic(Object.keys(e.constraints ?? {}))) {
      // A decorator may carry its own reason (e.g. the page size's maximum) in its `context`.
      const own = (e.contexts?.[key] as { reason?: string } | undefined)?.reason;
      const reason = own ?? constraintMessages[key]?.(key) ?? 'không hợp lệ';
      out.push({ path, title, message: `Trường "${title}" ${reason}.` });
    }
    if (e.children?.length) out.push(...flatten(e.children, path));
  }
  return out;
}

/** Properties declared `@IsObject()`: free JSON documents (form data, schemas, flow machines). */
const documentProps = new WeakMap<object, string[]>();
function jsonDocumentProps(metatype: object): string[] {
  let props = documentProps.get(metatype);
  if (!props) {
    const metas = getMetadataStorage().getTargetValidationMetadatas(metatype as new () => object, '', true, false);
    props = [...new Set(metas.filter((m) => m.name === 'isObject').map((m) => m.propertyName))];
    documentProps.set(metatype, props);
  }
  return props;
}

/**
 * class-transformer walks and copies every nested value, with metadata look-ups at each object: 0.8 s of
 * blocked event loop for a 0.9 MB form body. A free JSON document is the domain validators' to check
 * (AJV, template and flow lint, all linear): the pipe checks only that it is an object, on a stand-in,
 * and the document is put back untouched.
 */
class DocumentAwareValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const props = metadata.metatype && value && typeof value === 'object' && !Array.isArray(value) ? jsonDocumentProps(metadata.metatype) : [];
    if (!props.length) return super.transform(value, metadata);
    const light: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const held = new Map<string, unknown>();
    for (const p of props) {
      const v = light[p];
      if (v === null || typeof v !== 'object') continue;
      held.set(p, v);
      light[p] = Array.isArray(v) ? [] : {};
    }
    const out = (await super.transform(light, metadata)) as Record<string, unknown>;
    for (const [p, v] of held) out[p] = v;
    return out;
  }
}

export function createValidationPipe() {
  return new DocumentAwareValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      return unprocessable(
        details.length ? details.map((d) => d.message).join(' ') : 'Dữ liệu gửi lên không hợp lệ.',
        details,
      );
    },
  });
}
