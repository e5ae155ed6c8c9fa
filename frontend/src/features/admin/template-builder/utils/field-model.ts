/**
 * The visual model of a template: a tree of sections and fields that the builder edits.
 * It converts to and from JSON Schema 2020-12 + uiSchema without loss: every keyword the
 * builder does not understand is kept in `extra` (schema) or `ui` (uiSchema) and written back.
 */

export type FieldKind =
  'section' | 'text' | 'longText' | 'number' | 'integer' | 'boolean' | 'date' | 'choice' | 'table' | 'file';

export type AggregateSimple = 'sum' | 'count' | 'countTrue' | 'min' | 'max' | 'concat' | 'none';
export interface RatioRule {
  numerator: string;
  denominator: string;
  scale?: number;
}
export type AggregateRule = AggregateSimple | { ratio: RatioRule } | { groupBy: string };

export interface Choice {
  value: string;
  label: string;
}

export type JsonObject = Record<string, unknown>;

export interface FieldNode {
  /** Identity inside the editor only; never written to the schema. */
  id: string;
  kind: FieldKind;
  /** Property name in the data (and in JSON Pointers). */
  key: string;
  title: string;
  description?: string;
  required: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  choices?: Choice[];
  /** `enum` (values only) or `oneOf` [{const, title}] (values with labels). */
  choiceStyle?: 'enum' | 'oneOf';
  aggregate?: AggregateRule;
  computed?: string;
  /** A number that may be null (["number","null"]): a computed figure whose inputs are missing or divide by zero. */
  nullable?: boolean;
  unit?: string;
  /** Fields of a section, columns of a table. */
  children: FieldNode[];
  /** Schema keywords the builder does not edit, kept as they were. */
  extra: JsonObject;
  /** This node's own uiSchema keys (`ui:*`), kept as they were (except `ui:widget` for long text). */
  ui: JsonObject;
}

export interface TemplateModel {
  /** Root schema keywords other than properties/required ($schema, $id, title, …). */
  rootExtra: JsonObject;
  /** Root uiSchema keys (`ui:*` and anything not belonging to a field). */
  rootUi: JsonObject;
  /** Top-level sections and fields. */
  fields: FieldNode[];
}

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

/**
 * A file-evidence field: an array of attachment ids (`items: {type: string, format: uuid}`) that
 * the form renders with the attachments field (uiSchema `"ui:field": "attachments"`). The marker
 * lives in the uiSchema because @bdg/schemas compiles schemas in AJV strict mode (no unknown keywords).
 */
export const EVIDENCE_UI_FIELD = 'attachments';

let counter = 0;
export function newId(): string {
  counter += 1;
  return `f${Date.now().toString(36)}${counter.toString(36)}`;
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The stored schema's property order is not reliable (PostgreSQL jsonb reorders object keys), so the order the
 * admin sees is `ui:order`: children are read in that order, and a `ui:order` is rewritten from the model's order
 * on output, so that adding, moving, renaming or removing a field keeps it complete (RJSF refuses an incomplete one).
 */
function orderByUi(children: FieldNode[], order: unknown): FieldNode[] {
  if (!Array.isArray(order)) return children;
  const listed = order.filter((k): k is string => typeof k === 'string' && k !== '*');
  const rank = new Map(listed.map((k, i) => [k, i]));
  const star = order.indexOf('*');
  const restRank = star >= 0 ? order.slice(0, star).filter((k) => k !== '*').length - 0.5 : listed.length;
  return children
    .map((c, i) => ({ c, i, r: rank.get(c.key) ?? restRank }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.c);
}

function syncUiOrder(ui: JsonObject, children: FieldNode[]): void {
  if (Array.isArray(ui['ui:order'])) ui['ui:order'] = children.map((c) => c.key);
}

function splitUi(ui: unknown): { own: JsonObject; nested: JsonObject } {
  const own: JsonObject = {};
  const nested: JsonObject = {};
  if (!isObject(ui)) return { own, nested };
  for (const [k, v] of Object.entries(ui)) {
    if (k.startsWith('ui:')) own[k] = v;
    else nested[k] = v;
  }
  return { own, nested };
}

const NODE_KEYWORDS = [
  'type',
  'title',
  'description',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'x-aggregate',
  'x-computed',
  'x-unit',
];

function detectKind(s: JsonObject, ownUi: JsonObject): FieldKind {
  // A nullable type (["number","null"], e.g. a computed ratio) is shown as its non-null kind; the type itself is kept.
  const t = Array.isArray(s.type) && s.type.filter((x) => x !== 'null').length === 1 ? s.type.find((x) => x !== 'null') : s.type;
  if (t === 'array' && ownUi['ui:field'] === EVIDENCE_UI_FIELD) return 'file';
  if (t === 'object' && isObject(s.properties)) return 'section';
  if (t === 'array' && isObject(s.items) && (s.items as JsonObject).type === 'object') return 'table';
  if (t === 'boolean') return 'boolean';
  if (t === 'number') return 'number';
  if (t === 'integer') return 'integer';
  if (t === 'string') {
    if (Array.isArray(s.enum) && s.enum.every((v) => typeof v === 'string')) return 'choice';
    if (Array.isArray(s.oneOf) && s.oneOf.every((o) => isObject(o) && typeof o.const === 'string'))
      return 'choice';
    if (s.format === 'date') return 'date';
    if (ownUi['ui:widget'] === 'textarea') return 'longText';
    return 'text';
  }
  return 'text';
}

/** One schema property (with its uiSchema entry) → a node. Unknown keywords go to `extra`. */
export function schemaToNode(key: string, schema: unknown, required: boolean, uiEntry: unknown): FieldNode {
  const s = isObject(schema) ? schema : {};
  const { own, nested } = splitUi(uiEntry);
  const kind = detectKind(s, own);
  const node: FieldNode = {
    id: newId(),
    kind,
    key,
    title: typeof s.title === 'string' ? s.title : '',
    required,
    children: [],
    extra: {},
    ui: { ...own },
  };
  const handled = new Set(NODE_KEYWORDS);
  if (typeof s.description === 'string') node.description = s.description;
  for (const k of ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems'] as const) {
    if (typeof s[k] === 'number') node[k] = s[k] as number;
    else if (s[k] !== undefined) handled.delete(k);
  }
  if (s['x-aggregate'] !== undefined) node.aggregate = s['x-aggregate'] as AggregateRule;
  if (typeof s['x-computed'] === 'string') node.computed = s['x-computed'];
  else if (s['x-computed'] !== undefined) handled.delete('x-computed');
  if (typeof s['x-unit'] === 'string') node.unit = s['x-unit'];
  else if (s['x-unit'] !== undefined) handled.delete('x-unit');
  if (s.title !== undefined && typeof s.title !== 'string') handled.delete('title');
  if (s.description !== undefined && typeof s.description !== 'string') handled.delete('description');

  // ["number","null"] (a computed figure that is null without its inputs) is the builder's own nullable number.
  if (
    Array.isArray(s.type) &&
    s.type.length === 2 &&
    s.type.includes('null') &&
    s.type.includes(typeFor(node.kind)) &&
    (node.kind === 'number' || node.kind === 'integer')
  )
    node.nullable = true;
  else if (s.type !== typeFor(node.kind)) {
    // A type the builder does not offer (["number","null"], none at all) is kept as it was.
    handled.delete('type');
    if (s.type === undefined) node.extra['x-builder-no-type'] = true;
  }
  if (kind === 'longText') delete node.ui['ui:widget'];
  if (kind === 'date') handled.add('format');
  // A file field's items stay in extra: their shape is the server's business.
  if (kind === 'file') delete node.ui['ui:field'];
  if (kind === 'choice') {
    if (Array.isArray(s.oneOf) && !Array.isArray(s.enum)) {
      node.choiceStyle = 'oneOf';
      node.choices = (s.oneOf as JsonObject[]).map((o) => ({
        value: o.const as string,
        label: typeof o.title === 'string' ? o.title : (o.const as string),
      }));
      handled.add('oneOf');
      // Lossless: a oneOf entry with keys other than const/title keeps the whole oneOf.
      if (
        (s.oneOf as JsonObject[]).some(
          (o) => Object.keys(o).some((k) => k !== 'const' && k !== 'title') || typeof o.title !== 'string',
        )
      ) {
        handled.delete('oneOf');
        delete node.choices;
        delete node.choiceStyle;
        node.kind = 'text';
      }
    } else {
      node.choiceStyle = 'enum';
      node.choices = (s.enum as string[]).map((v) => ({ value: v, label: v }));
      handled.add('enum');
    }
  }
  if (kind === 'section') {
    handled.add('properties');
    handled.add('required');
    const req = Array.isArray(s.required) ? (s.required as string[]) : [];
    node.children = orderByUi(
      Object.entries(s.properties as JsonObject).map(([k, v]) => schemaToNode(k, v, req.includes(k), nested[k])),
      own['ui:order'],
    );
    for (const k of Object.keys(s.properties as JsonObject)) delete nested[k];
    // A required name with no property is kept as it was.
    const orphans = req.filter((r) => !(r in (s.properties as JsonObject)));
    if (orphans.length) node.extra['x-builder-orphan-required'] = orphans;
  }
  if (kind === 'table') {
    handled.add('items');
    const items = s.items as JsonObject;
    const itemsUi = splitUi(nested.items);
    delete nested.items;
    const req = Array.isArray(items.required) ? (items.required as string[]) : [];
    const props = isObject(items.properties) ? items.properties : {};
    node.children = orderByUi(
      Object.entries(props).map(([k, v]) => schemaToNode(k, v, req.includes(k), itemsUi.nested[k])),
      itemsUi.own['ui:order'],
    );
    for (const k of Object.keys(props)) delete itemsUi.nested[k];
    const itemsExtra: JsonObject = {};
    for (const [k, v] of Object.entries(items)) {
      if (k !== 'type' && k !== 'properties' && k !== 'required') itemsExtra[k] = v;
    }
    if (Object.keys(itemsExtra).length) node.extra['x-builder-items'] = itemsExtra;
    const restItemsUi = { ...itemsUi.own, ...itemsUi.nested };
    if (Object.keys(restItemsUi).length) node.extra['x-builder-items-ui'] = restItemsUi;
  }
  for (const [k, v] of Object.entries(s)) {
    if (!handled.has(k)) node.extra[k] = v;
  }
  // Nested ui entries that do not belong to a child are kept.
  for (const [k, v] of Object.entries(nested)) node.ui[k] = v;
  return node;
}

function typeFor(kind: FieldKind): string {
  switch (kind) {
    case 'section':
      return 'object';
    case 'table':
    case 'file':
      return 'array';
    case 'number':
      return 'number';
    case 'integer':
      return 'integer';
    case 'boolean':
      return 'boolean';
    default:
      return 'string';
  }
}

function childrenToSchema(children: FieldNode[]): {
  properties: JsonObject;
  required: string[];
  ui: JsonObject;
} {
  const properties: JsonObject = {};
  const required: string[] = [];
  const ui: JsonObject = {};
  for (const c of children) {
    const out = nodeToSchema(c);
    properties[c.key] = out.schema;
    if (c.required) required.push(c.key);
    if (Object.keys(out.ui).length) ui[c.key] = out.ui;
  }
  return { properties, required, ui };
}

/** A node → its schema property and uiSchema entry. */
export function nodeToSchema(node: FieldNode): { schema: JsonObject; ui: JsonObject } {
  const extra = { ...node.extra };
  const orphanRequired = (extra['x-builder-orphan-required'] as string[] | undefined) ?? [];
  const itemsExtra = (extra['x-builder-items'] as JsonObject | undefined) ?? {};
  const itemsUiExtra = (extra['x-builder-items-ui'] as JsonObject | undefined) ?? {};
  delete extra['x-builder-orphan-required'];
  delete extra['x-builder-items'];
  delete extra['x-builder-items-ui'];
  const noType = extra['x-builder-no-type'] === true;
  delete extra['x-builder-no-type'];

  const schema: JsonObject = {};
  if (!('type' in extra) && !noType) schema.type = node.nullable ? [typeFor(node.kind), 'null'] : typeFor(node.kind);
  if (node.title) schema.title = node.title;
  if (node.description) schema.description = node.description;
  const ui: JsonObject = {};
  for (const [k, v] of Object.entries(node.ui)) ui[k] = v;

  switch (node.kind) {
    case 'longText':
      ui['ui:widget'] = 'textarea';
      break;
    case 'date':
      schema.format = 'date';
      break;
    case 'choice':
      if (node.choiceStyle === 'oneOf' || (node.choices ?? []).some((c) => c.label !== c.value)) {
        schema.oneOf = (node.choices ?? []).map((c) => ({ const: c.value, title: c.label }));
      } else {
        schema.enum = (node.choices ?? []).map((c) => c.value);
      }
      break;
    case 'file':
      ui['ui:field'] = EVIDENCE_UI_FIELD;
      if (!('items' in extra)) schema.items = { type: 'string', format: 'uuid' };
      break;
      break;
    case 'section': {
      const c = childrenToSchema(node.children);
      schema.properties = c.properties;
      const req = [...c.required, ...orphanRequired];
      if (req.length) schema.required = req;
      Object.assign(ui, c.ui);
      syncUiOrder(ui, node.children);
      break;
    }
    case 'table': {
      const c = childrenToSchema(node.children);
      const items: JsonObject = { type: 'object', properties: c.properties };
      if (c.required.length) items.required = c.required;
      Object.assign(items, itemsExtra);
      schema.items = items;
      const itemsUi = { ...itemsUiExtra, ...c.ui };
      syncUiOrder(itemsUi, node.children);
      if (Object.keys(itemsUi).length) ui.items = itemsUi;
      break;
    }
  }
  for (const k of ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems'] as const) {
    if (node[k] !== undefined) schema[k] = node[k];
  }
  if (node.unit) schema['x-unit'] = node.unit;
  if (node.aggregate !== undefined) schema['x-aggregate'] = node.aggregate;
  if (node.computed) schema['x-computed'] = node.computed;
  Object.assign(schema, extra);
  return { schema, ui };
}

/** JSON Schema (+ uiSchema) → visual model. */
export function schemaToModel(schema: unknown, uiSchema: unknown = {}): TemplateModel {
  const s = isObject(schema) ? schema : {};
  const props = isObject(s.properties) ? s.properties : {};
  const req = Array.isArray(s.required) ? (s.required as string[]) : [];
  const { own, nested } = splitUi(uiSchema);
  const fields = orderByUi(
    Object.entries(props).map(([k, v]) => schemaToNode(k, v, req.includes(k), nested[k])),
    own['ui:order'],
  );
  for (const k of Object.keys(props)) delete nested[k];
  const rootExtra: JsonObject = {};
  for (const [k, v] of Object.entries(s)) {
    if (k !== 'properties' && k !== 'required') rootExtra[k] = v;
  }
  const orphans = req.filter((r) => !(r in props));
  if (orphans.length) rootExtra['x-builder-orphan-required'] = orphans;
  return { rootExtra, rootUi: { ...own, ...nested }, fields };
}

/** Visual model → JSON Schema + uiSchema. */
export function modelToSchema(model: TemplateModel): { schema: JsonObject; uiSchema: JsonObject } {
  const rootExtra = { ...model.rootExtra };
  const orphans = (rootExtra['x-builder-orphan-required'] as string[] | undefined) ?? [];
  delete rootExtra['x-builder-orphan-required'];
  const c = childrenToSchema(model.fields);
  const schema: JsonObject = { ...rootExtra };
  if (!('type' in schema)) schema.type = 'object';
  schema.properties = c.properties;
  const required = [...c.required, ...orphans];
  if (required.length) schema.required = required;
  const uiSchema: JsonObject = { ...model.rootUi, ...c.ui };
  syncUiOrder(uiSchema, model.fields);
  return { schema, uiSchema };
}

/** A fresh node of a kind, with a key unique among `siblings`. */
export function createNode(kind: FieldKind, siblings: FieldNode[]): FieldNode {
  const base = kind === 'section' ? 'muc' : kind === 'table' ? 'bang' : 'truong';
  const key = uniqueKey(base, siblings);
  const node: FieldNode = {
    id: newId(),
    kind,
    key,
    title: kind === 'section' ? 'Mục mới' : kind === 'table' ? 'Bảng mới' : 'Câu hỏi mới',
    required: false,
    children: [],
    extra: {},
    ui: {},
  };
  if (kind === 'choice') {
    node.choices = [
      { value: 'co', label: 'Có' },
      { value: 'khong', label: 'Không' },
    ];
    node.choiceStyle = 'oneOf';
  }
  if (kind === 'table') node.children = [{ ...createNode('text', []), key: 'ten', title: 'Tên' }];
  if (kind === 'file') node.extra = { items: { type: 'string', format: 'uuid' } };
  return node;
}

export function uniqueKey(base: string, siblings: { key: string }[]): string {
  const taken = new Set(siblings.map((s) => s.key));
  if (!taken.has(base)) return base;
  let i = 2;
  while (taken.has(`${base}${i}`)) i += 1;
  return `${base}${i}`;
}

/** A valid property name: starts with a letter or _, then letters, digits, _ (no diacritics). */
export function isValidKey(key: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key);
}

/** Vietnamese title → ASCII camelCase key ("Tổng số nữ" → "tongSoNu"). */
export function keyFromTitle(title: string): string {
  const ascii = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9 ]+/g, ' ')
    .trim();
  const words = ascii.split(/\s+/).filter(Boolean);
  if (!words.length) return 'truong';
  const key = words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
  return /^[0-9]/.test(key) ? `_${key}` : key;
}
