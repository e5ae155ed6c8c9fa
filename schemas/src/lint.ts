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

/** Where a step of the lint reports: an error refuses the template, a warning is shown beside it. */
interface Report {
  err(path: string, message: string): void;
  warn(path: string, message: string): void;
}

export function lintTemplate(doc: unknown): Finding[] {
  const out: Finding[] = [];
  const r: Report = {
    err: (path, message) => void out.push({ severity: 'error', path, message }),
    warn: (path, message) => void out.push({ severity: 'warning', path, message }),
  };
  if (!lintFormat(doc, r)) return out;
  const d = doc as Record<string, unknown>;
  const schema = d.schema as JsonSchema;

  // 0. Chi phí: mẫu kiểm tra chạy được bằng RE2, mảng và chuỗi có giới hạn (lint-bounds.ts)
  const costFindings = lintBounds(schema);
  out.push(...costFindings);
  const badPattern = costFindings.some((f) => f.severity === 'error' && /\/pattern(Properties)?(\/|$)/.test(f.path));
  // 1. Schema phải biên dịch được bằng AJV 2020-12 (strict); mẫu RE2 không dịch được đã báo ở bước 0.
  if (!badPattern) lintCompiles(schema, r);
  // 1b. Constructs no stage after lint can honour, refused with the reason
  out.push(...lintConstructs(schema));
  // 2. Từng trường
  walkFields(schema, (f) => lintField(schema, f, r));
  // 3. Biểu thức x-computed; 3b. quy tắc giữa các trường (x-rules)
  lintComputed(schema, r);
  lintRules(schema, r);
  // 4. uiSchema: ui:order chỉ nêu trường có thật
  lintUi(schema, d.uiSchema, schema, '', 0, r);
  // 5. Văn bản: vị trí số, ngày, người ký phải có trong dữ liệu
  lintBindings(schema, d.document, r);
  return out;
}

/** The template file's format; false when there is no schema to look into any further. */
function lintFormat(doc: unknown, r: Report): boolean {
  formatValidator ??= ajv().compile(templateVersionSchema);
  if (formatValidator(doc)) return true;
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
      r.warn(path, `Bố cục văn bản: chưa khai báo "${String(p.missingProperty)}"; văn bản xuất ra sẽ dùng giá trị mặc định.`);
    else r.err(path, `Định dạng biểu mẫu: "${path || '/'}" ${viPredicate(e)}.`);
  }
  return isPlainObject(doc) && isPlainObject(doc.schema);
}

/** The root $id is kept (a bundle's relative $refs depend on it); a schema with an $id gets its own AJV. */
function lintCompiles(schema: JsonSchema, r: Report): void {
  try {
    const a = hasEmbeddedId(schema) ? createAjv() : ajv();
    a.compile(schema);
    a.removeSchema(schema);
  } catch (e) {
    r.err('/schema', `JSON Schema không hợp lệ: ${ajvCompileMessageVi(e)}`);
  }
}

type Field = Parameters<Parameters<typeof walkFields>[1]>[0];

/** One field: its name and title, its unit, its aggregate rule against its type, a computed field's null. */
function lintField(schema: JsonSchema, f: Field, r: Report): void {
  const s = f.schema;
  const loc = schemaLocation(f.segments);
  const name = f.segments[f.segments.length - 1]!;
  const label = `"${fieldTitle(schema, toPointer(f.segments))}"`;
  if (name !== '*' && !CAMEL.test(name)) r.warn(loc, `Tên thuộc tính "${name}" nên viết camelCase không dấu (ví dụ tongSoCBGVNV).`);
  if (name !== '*' && (typeof s.title !== 'string' || s.title.trim() === '')) r.warn(loc, `Trường "${name}" chưa có tiêu đề (title) tiếng Việt.`);
  if (s['x-unit'] !== undefined && typeof s['x-unit'] !== 'string') r.err(loc, `x-unit của ${label} phải là chuỗi.`);
  const types = typesOf(s);
  const computed = s['x-computed'] !== undefined;
  lintAggregate(schema, f, { loc, label, types, computed }, r);
  if (computed && !types.includes('null') && types.length > 0)
    r.warn(loc, `${label} là trường tính toán: nên cho phép "null" (chia cho 0 hoặc thiếu số liệu).`);
}

interface FieldFacts {
  loc: string;
  label: string;
  types: string[];
  computed: boolean;
}

/** The field's x-aggregate rule, against its type. */
function lintAggregate(schema: JsonSchema, f: Field, x: FieldFacts, r: Report): void {
  const { loc, label, types, computed } = x;
  const s = f.schema;
  const rule = normalizeRule(s);
  const numeric = types.some((t) => NUMERIC.includes(t));
  switch (rule.kind) {
    case 'invalid':
      return r.err(loc, `${label}: ${rule.message}`);
    case 'unset':
      if (computed || s.properties) return;
      if (s.items) return r.warn(loc, `Bảng ${label} chưa khai báo x-aggregate (groupBy hoặc concat): các dòng sẽ không được tổng hợp.`);
      return r.warn(loc, `${label} chưa khai báo x-aggregate; dùng "none" nếu trường không tổng hợp.`);
    case 'sum':
      if (!numeric) r.warn(loc, `Không thể cộng (sum) ${label} vì trường không phải kiểu số.`);
      if (computed) r.warn(loc, `${label} là trường tính toán: cộng các giá trị tính sẵn thường sai; bỏ x-aggregate để tính lại từ số liệu tổng hợp, hoặc dùng ratio.`);
      return;
    case 'min':
    case 'max':
      if (!numeric && !(types.includes('string') && typeof s.format === 'string' && /date|time/.test(s.format)))
        r.warn(loc, `${rule.kind} trên ${label} chỉ có nghĩa với số hoặc ngày.`);
      if (computed) r.warn(loc, `${label} là trường tính toán; ${rule.kind} của các giá trị tính sẵn có thể không như ý.`);
      return;
    case 'countTrue':
      if (!types.includes('boolean')) r.warn(loc, `countTrue trên ${label} chỉ có nghĩa với trường có/không (boolean).`);
      return;
    case 'concat':
      if (!types.includes('string') && !types.includes('array')) r.warn(loc, `concat trên ${label} chỉ có nghĩa với văn bản (hoặc bảng).`);
      return;
    case 'first':
      if (!f.inArray) r.warn(loc, `first trên ${label}: chỉ nên dùng cho cột mô tả trong bảng groupBy.`);
      return;
    case 'count':
    case 'none':
      return;
    case 'ratio':
      if (!numeric) r.warn(loc, `ratio trên ${label}: trường nên có kiểu number (cho phép null).`);
      else if (!types.includes('null')) r.warn(loc, `ratio trên ${label}: kết quả là null khi mẫu số bằng 0, nên cho phép "null".`);
      return lintRatio(schema, f, x, rule, r);
    case 'groupBy':
      return lintGroupBy(schema, s, x, rule.groupBy, r);
  }
}

/** A ratio's numerator and denominator: pointers (from the row, in a table) to numeric fields that are summed. */
function lintRatio(schema: JsonSchema, f: Field, x: FieldFacts, rule: { numerator: string; denominator: string }, r: Report): void {
  const { loc, label } = x;
  const base = f.inArray ? f.segments.slice(0, f.segments.lastIndexOf('*') + 1) : [];
  for (const [role, ptr] of [
    ['tử số', rule.numerator],
    ['mẫu số', rule.denominator],
  ] as const) {
    let segs: string[];
    try {
      segs = parsePointer(ptr);
    } catch {
      r.err(loc, `ratio của ${label}: ${role} "${ptr}" không phải JSON Pointer.`);
      continue;
    }
    const target = schemaAt(schema, [...base, ...segs]);
    const where = f.inArray ? ' (tính từ dòng)' : '';
    if (!target) {
      r.err(loc, `ratio của ${label}: ${role} "${ptr}"${where} không trỏ tới trường nào.`);
      continue;
    }
    if (!typesOf(target).some((t) => NUMERIC.includes(t))) r.err(loc, `ratio của ${label}: ${role} "${ptr}" không phải trường số.`);
    if (normalizeRule(target).kind !== 'sum') r.warn(loc, `ratio của ${label}: ${role} "${ptr}" nên có x-aggregate "sum" để tỷ lệ được tính lại từ tổng.`);
  }
}

/** groupBy: a table whose key column exists and is required. */
function lintGroupBy(schema: JsonSchema, s: JsonSchema, x: FieldFacts, key: string, r: Report): void {
  const { loc, label } = x;
  const item = deref(schema, s.items);
  if (!item || !item.properties) return r.err(loc, `groupBy chỉ dùng trên bảng (mảng các dòng có cột): ${label}.`);
  if (!Object.prototype.hasOwnProperty.call(item.properties, key)) return r.err(loc, `groupBy của ${label}: không có cột "${key}".`);
  if (!(Array.isArray(item.required) && item.required.includes(key)))
    r.warn(loc, `groupBy của ${label}: cột khoá "${key}" nên bắt buộc (required) trong mỗi dòng.`);
}

/** x-computed: each expression parses and names existing fields; no cycles. */
function lintComputed(schema: JsonSchema, r: Report): void {
  const plan = computedPlan(schema);
  for (const slot of plan.slots) {
    for (const p of slot.problems) r.err(schemaLocation(slot.segments) + '/x-computed', `${fieldTitle(schema, toPointer(slot.segments))}: ${p}`);
  }
  for (const cyc of plan.cycles) {
    r.err(
      schemaLocation(parsePointer(cyc[0]!)) + '/x-computed',
      `Các trường tính toán phụ thuộc vòng tròn: ${cyc.map((p) => fieldTitle(schema, p)).join(' → ')}.`,
    );
  }
}

/** x-rules: expressions, field names, severities, and ids that are unique. */
function lintRules(schema: JsonSchema, r: Report): void {
  const ruleIds = new Map<string, string>();
  for (const slot of rulesPlan(schema)) {
    const at = (slot.container.length ? schemaLocation(slot.container) : '/schema') + `/x-rules/${slot.index}`;
    const where = slot.container.length ? ` (${fieldTitle(schema, toPointer(slot.container))})` : '';
    for (const p of slot.problems) r.err(at, p + where);
    if (!slot.id) continue;
    const prev = ruleIds.get(slot.id);
    if (prev !== undefined) r.err(at, `Quy tắc "${slot.id}" trùng mã với quy tắc tại ${prev}; mỗi quy tắc cần một mã riêng.`);
    else ruleIds.set(slot.id, at);
  }
}

/** uiSchema: ui:order names existing fields (and all of them, or "*"); no entry for a field that does not exist. */
function lintUi(schema: JsonSchema, ui: unknown, s: JsonSchema | undefined, path: string, depth: number, r: Report): void {
  if (!isPlainObject(ui) || !s || depth > 32) return;
  const order = ui['ui:order'];
  if (Array.isArray(order) && s.properties) {
    for (const o of order)
      if (o !== '*' && !Object.prototype.hasOwnProperty.call(s.properties, String(o)))
        r.warn(`/uiSchema${path}/ui:order`, `ui:order nêu "${String(o)}" nhưng không có trường này.`);
    const missing = Object.keys(s.properties).filter((k) => !order.includes(k));
    if (missing.length && !order.includes('*')) r.err(`/uiSchema${path}/ui:order`, `ui:order thiếu các trường: ${missing.join(', ')} (RJSF sẽ báo lỗi).`);
  }
  for (const [k, v] of Object.entries(ui)) {
    if (k.startsWith('ui:')) continue;
    if (k === 'items') lintUi(schema, v, deref(schema, s.items), `${path}/items`, depth + 1, r);
    else if (s.properties && Object.prototype.hasOwnProperty.call(s.properties, k))
      lintUi(schema, v, deref(schema, s.properties[k]), `${path}/${escapeSegment(k)}`, depth + 1, r);
    else r.warn(`/uiSchema${path}/${escapeSegment(k)}`, `uiSchema có mục "${k}" nhưng schema không có trường này.`);
  }
}

/** The official document's bindings (number, date, signer) point to fields of the form. */
function lintBindings(schema: JsonSchema, document: unknown, r: Report): void {
  const bindings = isPlainObject(document) && isPlainObject(document.bindings) ? document.bindings : undefined;
  if (!bindings) return;
  for (const [k, ptr] of Object.entries(bindings)) {
    if (typeof ptr !== 'string') continue;
    let target: JsonSchema | undefined;
    try {
      target = schemaAt(schema, ptr);
    } catch {
      target = undefined;
    }
    if (!target) r.err(`/document/bindings/${k}`, `Văn bản: "${ptr}" (${k}) không trỏ tới trường nào của biểu mẫu.`);
  }
}
