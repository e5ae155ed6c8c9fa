/** Kiểm tra một phiên bản biểu mẫu trước khi lưu/công bố. Thông điệp tiếng Việt. */
import type { ErrorObject } from 'ajv/dist/2020.js';
import { normalizeRule } from './aggregate-rule.js';
import { computedPlan } from './computed.js';
import { lintBounds } from './lint-bounds.js';
import { viPredicate } from './locale-vi.js';
import { escapeSegment, isPlainObject, parsePointer, toPointer } from './pointer.js';
import { deref, schemaAt, typesOf, walkFields } from './walker.js';
import { templateVersionSchema } from './template-format.js';
import { rulesPlan } from './rules.js';
import { fieldTitle } from './titles.js';
import type { Finding, JsonSchema } from './types.js';
import { createAjv, type Ajv } from './validation.js';
import { hasEmbeddedId } from './formats.js';
import { ajvCompileMessageVi, lintConstructs } from './lint-constructs.js';

let lintAjv: Ajv | undefined;
let formatValidator: ReturnType<Ajv['compile']> | undefined;
function ajv(): Ajv {
  return (lintAjv ??= createAjv());
}

/** Con trỏ trong tệp biểu mẫu tới schema của một trường. */
export function schemaLocation(segments: readonly string[]): string {
  return '/schema' + segments.map((s) => (s === '*' ? '/items' : `/properties/${escapeSegment(s)}`)).join('');
}

const NUMERIC = ['integer', 'number'];
// camelCase ASCII, hoặc số La Mã cho tên mục (I, II, III) như trong đề cương
const CAMEL = /^([a-z][A-Za-z0-9]*|[IVXL]+)$/;

export function lintTemplate(doc: unknown): Finding[] {
  const out: Finding[] = [];
  const err = (path: string, message: string): void => void out.push({ severity: 'error', path, message });
  const warn = (path: string, message: string): void => void out.push({ severity: 'warning', path, message });

  formatValidator ??= ajv().compile(templateVersionSchema);
  if (!formatValidator(doc)) {
    for (const e of (formatValidator.errors ?? []) as ErrorObject[]) {
      const p = e.params as Record<string, unknown>;
      const path =
        e.keyword === 'required'
          ? `${e.instancePath}/${String(p.missingProperty)}`
          : e.keyword === 'additionalProperties'
            ? `${e.instancePath}/${String(p.additionalProperty)}`
            : e.instancePath;
      // A missing part of the official document's layout is not fatal: the renderer supplies a default.
      if (e.keyword === 'required' && path.startsWith('/document/'))
        warn(path, `Bố cục văn bản: chưa khai báo "${String(p.missingProperty)}"; văn bản xuất ra sẽ dùng giá trị mặc định.`);
      else err(path, `Định dạng biểu mẫu: "${path || '/'}" ${viPredicate(e)}.`);
    }
    if (!isPlainObject(doc) || !isPlainObject(doc.schema)) return out;
  }
  const d = doc as Record<string, unknown>;
  const schema = d.schema as JsonSchema;

  // 0. Chi phí: mẫu kiểm tra chạy được bằng RE2, mảng và chuỗi có giới hạn (lint-bounds.ts)
  const costFindings = lintBounds(schema);
  out.push(...costFindings);
  const badPattern = costFindings.some((f) => f.severity === 'error' && /\/pattern(Properties)?(\/|$)/.test(f.path));

  // 1. Schema phải biên dịch được bằng AJV 2020-12 (strict); mẫu RE2 không dịch được đã báo ở bước 0.
  // The root $id is kept (a bundle's relative $refs depend on it); a schema with an $id gets its own AJV.
  if (!badPattern) {
    try {
      const a = hasEmbeddedId(schema) ? createAjv() : ajv();
      a.compile(schema);
      a.removeSchema(schema);
    } catch (e) {
      err('/schema', `JSON Schema không hợp lệ: ${ajvCompileMessageVi(e)}`);
    }
  }

  // 1b. Constructs no stage after lint can honour, refused with the reason
  out.push(...lintConstructs(schema));

  // 2. Từng trường
  walkFields(schema, (f) => {
    const s = f.schema;
    const loc = schemaLocation(f.segments);
    const name = f.segments[f.segments.length - 1]!;
    const label = `"${fieldTitle(schema, toPointer(f.segments))}"`;
    if (name !== '*' && !CAMEL.test(name)) warn(loc, `Tên thuộc tính "${name}" nên viết camelCase không dấu (ví dụ tongSoCBGVNV).`);
    if (name !== '*' && (typeof s.title !== 'string' || s.title.trim() === '')) warn(loc, `Trường "${name}" chưa có tiêu đề (title) tiếng Việt.`);
    if (s['x-unit'] !== undefined && typeof s['x-unit'] !== 'string') err(loc, `x-unit của ${label} phải là chuỗi.`);
    const types = typesOf(s);
    const rule = normalizeRule(s);
    const computed = s['x-computed'] !== undefined;
    switch (rule.kind) {
      case 'invalid':
        err(loc, `${label}: ${rule.message}`);
        break;
      case 'unset':
        if (computed) break;
        if (s.properties) break;
        if (s.items) warn(loc, `Bảng ${label} chưa khai báo x-aggregate (groupBy hoặc concat): các dòng sẽ không được tổng hợp.`);
        else warn(loc, `${label} chưa khai báo x-aggregate; dùng "none" nếu trường không tổng hợp.`);
        break;
      case 'sum':
        if (!types.some((t) => NUMERIC.includes(t))) warn(loc, `Không thể cộng (sum) ${label} vì trường không phải kiểu số.`);
        if (computed) warn(loc, `${label} là trường tính toán: cộng các giá trị tính sẵn thường sai; bỏ x-aggregate để tính lại từ số liệu tổng hợp, hoặc dùng ratio.`);
        break;
      case 'min':
      case 'max':
        if (!types.some((t) => NUMERIC.includes(t)) && !(types.includes('string') && typeof s.format === 'string' && /date|time/.test(s.format)))
          warn(loc, `${rule.kind} trên ${label} chỉ có nghĩa với số hoặc ngày.`);
        if (computed) warn(loc, `${label} là trường tính toán; ${rule.kind} của các giá trị tính sẵn có thể không như ý.`);
        break;
      case 'countTrue':
        if (!types.includes('boolean')) warn(loc, `countTrue trên ${label} chỉ có nghĩa với trường có/không (boolean).`);
        break;
      case 'concat':
        if (!types.includes('string') && !types.includes('array')) warn(loc, `concat trên ${label} chỉ có nghĩa với văn bản (hoặc bảng).`);
        break;
      case 'first':
        if (!f.inArray) warn(loc, `first trên ${label}: chỉ nên dùng cho cột mô tả trong bảng groupBy.`);
        break;
      case 'count':
      case 'none':
        break;
      case 'ratio': {
        if (!types.some((t) => NUMERIC.includes(t))) warn(loc, `ratio trên ${label}: trường nên có kiểu number (cho phép null).`);
        else if (!types.includes('null')) warn(loc, `ratio trên ${label}: kết quả là null khi mẫu số bằng 0, nên cho phép "null".`);
        const base = f.inArray ? f.segments.slice(0, f.segments.lastIndexOf('*') + 1) : [];
        for (const [role, ptr] of [
          ['tử số', rule.numerator],
          ['mẫu số', rule.denominator],
        ] as const) {
          let segs: string[];
          try {
            segs = parsePointer(ptr);
          } catch {
            err(loc, `ratio của ${label}: ${role} "${ptr}" không phải JSON Pointer.`);
            continue;
          }
          const target = schemaAt(schema, [...base, ...segs]);
          const where = f.inArray ? ' (tính từ dòng)' : '';
          if (!target) {
            err(loc, `ratio của ${label}: ${role} "${ptr}"${where} không trỏ tới trường nào.`);
            continue;
          }
          if (!typesOf(target).some((t) => NUMERIC.includes(t))) err(loc, `ratio của ${label}: ${role} "${ptr}" không phải trường số.`);
          const tr = normalizeRule(target);
          if (tr.kind !== 'sum') warn(loc, `ratio của ${label}: ${role} "${ptr}" nên có x-aggregate "sum" để tỷ lệ được tính lại từ tổng.`);
        }
        break;
      }
      case 'groupBy': {
        const item = deref(schema, s.items);
        if (!item || !item.properties) {
          err(loc, `groupBy chỉ dùng trên bảng (mảng các dòng có cột): ${label}.`);
          break;
        }
        if (!Object.prototype.hasOwnProperty.call(item.properties, rule.groupBy)) {
          err(loc, `groupBy của ${label}: không có cột "${rule.groupBy}".`);
          break;
        }
        if (!(Array.isArray(item.required) && item.required.includes(rule.groupBy)))
          warn(loc, `groupBy của ${label}: cột khoá "${rule.groupBy}" nên bắt buộc (required) trong mỗi dòng.`);
        break;
      }
    }
    if (computed && !types.includes('null') && types.length > 0)
      warn(loc, `${label} là trường tính toán: nên cho phép "null" (chia cho 0 hoặc thiếu số liệu).`);
  });

  // 3. Biểu thức x-computed
  const plan = computedPlan(schema);
  for (const slot of plan.slots) {
    for (const p of slot.problems) err(schemaLocation(slot.segments) + '/x-computed', `${fieldTitle(schema, toPointer(slot.segments))}: ${p}`);
  }
  for (const cyc of plan.cycles) {
    err(
      schemaLocation(parsePointer(cyc[0]!)) + '/x-computed',
      `Các trường tính toán phụ thuộc vòng tròn: ${cyc.map((p) => fieldTitle(schema, p)).join(' → ')}.`,
    );
  }

  // 3b. Quy tắc giữa các trường (x-rules): biểu thức, tên trường, mức độ, mã không trùng
  const ruleIds = new Map<string, string>();
  for (const slot of rulesPlan(schema)) {
    const at = (slot.container.length ? schemaLocation(slot.container) : '/schema') + `/x-rules/${slot.index}`;
    const where = slot.container.length ? ` (${fieldTitle(schema, toPointer(slot.container))})` : '';
    for (const p of slot.problems) err(at, p + where);
    if (!slot.id) continue;
    const prev = ruleIds.get(slot.id);
    if (prev !== undefined) err(at, `Quy tắc "${slot.id}" trùng mã với quy tắc tại ${prev}; mỗi quy tắc cần một mã riêng.`);
    else ruleIds.set(slot.id, at);
  }

  // 4. uiSchema: ui:order chỉ nêu trường có thật
  const lintUi = (ui: unknown, s: JsonSchema | undefined, path: string, depth: number): void => {
    if (!isPlainObject(ui) || !s || depth > 32) return;
    const order = ui['ui:order'];
    if (Array.isArray(order) && s.properties) {
      for (const o of order) if (o !== '*' && !Object.prototype.hasOwnProperty.call(s.properties, String(o)))
        warn(`/uiSchema${path}/ui:order`, `ui:order nêu "${String(o)}" nhưng không có trường này.`);
      const missing = Object.keys(s.properties).filter((k) => !order.includes(k));
      if (missing.length && !order.includes('*')) err(`/uiSchema${path}/ui:order`, `ui:order thiếu các trường: ${missing.join(', ')} (RJSF sẽ báo lỗi).`);
    }
    for (const [k, v] of Object.entries(ui)) {
      if (k.startsWith('ui:')) continue;
      if (k === 'items') lintUi(v, deref(schema, s.items), `${path}/items`, depth + 1);
      else if (s.properties && Object.prototype.hasOwnProperty.call(s.properties, k))
        lintUi(v, deref(schema, s.properties[k]), `${path}/${escapeSegment(k)}`, depth + 1);
      else warn(`/uiSchema${path}/${escapeSegment(k)}`, `uiSchema có mục "${k}" nhưng schema không có trường này.`);
    }
  };
  lintUi(d.uiSchema, schema, '', 0);

  // 5. Văn bản: vị trí số, ngày, người ký phải có trong dữ liệu
  const bindings = isPlainObject(d.document) && isPlainObject(d.document.bindings) ? d.document.bindings : undefined;
  if (bindings) {
    for (const [k, ptr] of Object.entries(bindings)) {
      if (typeof ptr !== 'string') continue;
      let target: JsonSchema | undefined;
      try {
        target = schemaAt(schema, ptr);
      } catch {
        target = undefined;
      }
      if (!target) err(`/document/bindings/${k}`, `Văn bản: "${ptr}" (${k}) không trỏ tới trường nào của biểu mẫu.`);
    }
  }
  return out;
}
