/**
 * JSON Schema (+ uiSchema) → the builder's nodes, without loss: every keyword the builder does not
 * understand is kept in `extra` (schema) or `ui` (uiSchema) and written back by node-to-schema.ts.
 * Shape rules (objects, the one non-null type, choice lists, display order) are @bdg/schemas'.
 */
import { displayOrder, isChoiceList, isPlainObject, nonNullType } from '@bdg/schemas';
import { newId } from './field-keys';
import { EVIDENCE_UI_FIELD, type AggregateRule, type FieldKind, type FieldNode, type JsonObject } from './field-types';
import { typeFor } from './node-to-schema';

/**
 * The stored schema's property order is not reliable (PostgreSQL jsonb reorders object keys), so the order the
 * admin sees is `ui:order` (rewritten from the model's order on output by node-to-schema.ts).
 */
export function orderByUi(children: FieldNode[], order: unknown): FieldNode[] {
  const byKey = new Map(children.map((c) => [c.key, c]));
  return displayOrder(children.map((c) => c.key), order).map((k) => byKey.get(k)!);
}

export function splitUi(ui: unknown): { own: JsonObject; nested: JsonObject } {
  const own: JsonObject = {};
  const nested: JsonObject = {};
  if (!isPlainObject(ui)) return { own, nested };
  for (const [k, v] of Object.entries(ui)) {
    if (k.startsWith('ui:')) own[k] = v;
    else nested[k] = v;
  }
  return { own, nested };
}

const NODE_KEYWORDS = ['type', 'title', 'description', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'x-aggregate', 'x-computed', 'x-unit'];
const BOUNDS = ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems'] as const;

function detectKind(s: JsonObject, ownUi: JsonObject): FieldKind {
  // A nullable type (["number","null"], e.g. a computed ratio) is shown as its non-null kind; the type itself is kept.
  const t = nonNullType(s);
  if (t === 'array' && ownUi['ui:field'] === EVIDENCE_UI_FIELD) return 'file';
  if (t === 'object' && isPlainObject(s.properties)) return 'section';
  if (t === 'array' && isPlainObject(s.items) && s.items.type === 'object') return 'table';
  if (t === 'boolean' || t === 'number' || t === 'integer') return t;
  if (t !== 'string') return 'text';
  if (Array.isArray(s.enum) && s.enum.every((v) => typeof v === 'string')) return 'choice';
  if (isChoiceList(s.oneOf) && (s.oneOf as JsonObject[]).every((o) => typeof o.const === 'string')) return 'choice';
  if (s.format === 'date') return 'date';
  if (ownUi['ui:widget'] === 'textarea') return 'longText';
  return 'text';
}

/** Title, description, bounds, roll-up, formula, unit: read when well-typed, else left to `extra`. */
function readScalars(s: JsonObject, node: FieldNode, handled: Set<string>): void {
  if (typeof s.description === 'string') node.description = s.description;
  for (const k of BOUNDS) {
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
}

/** ["number","null"] (a computed figure that is null without its inputs) is the builder's own nullable number. */
function readType(s: JsonObject, node: FieldNode, handled: Set<string>): void {
  const numeric = node.kind === 'number' || node.kind === 'integer';
  if (numeric && Array.isArray(s.type) && s.type.length === 2 && s.type.includes('null') && s.type.includes(typeFor(node.kind))) node.nullable = true;
  else if (s.type !== typeFor(node.kind)) {
    // A type the builder does not offer (none at all, several) is kept as it was.
    handled.delete('type');
    if (s.type === undefined) node.extra['x-builder-no-type'] = true;
  }
}

function readChoices(s: JsonObject, node: FieldNode, handled: Set<string>): void {
  if (!(Array.isArray(s.oneOf) && !Array.isArray(s.enum))) {
    node.choiceStyle = 'enum';
    node.choices = (s.enum as string[]).map((v) => ({ value: v, label: v }));
    handled.add('enum');
    return;
  }
  const alts = s.oneOf as JsonObject[];
  // Lossless: a oneOf entry with keys other than const/title (or no title) keeps the whole oneOf, as a text field.
  if (alts.some((o) => Object.keys(o).some((k) => k !== 'const' && k !== 'title') || typeof o.title !== 'string')) {
    node.kind = 'text';
    return;
  }
  node.choiceStyle = 'oneOf';
  node.choices = alts.map((o) => ({ value: o.const as string, label: o.title as string }));
  handled.add('oneOf');
}

export function readChildren(props: JsonObject, required: unknown, nestedUi: JsonObject, order: unknown): FieldNode[] {
  const req = Array.isArray(required) ? (required as string[]) : [];
  const children = orderByUi(
    Object.entries(props).map(([k, v]) => schemaToNode(k, v, req.includes(k), nestedUi[k])),
    order,
  );
  for (const k of Object.keys(props)) delete nestedUi[k];
  return children;
}

function readSection(s: JsonObject, node: FieldNode, handled: Set<string>, own: JsonObject, nested: JsonObject): void {
  handled.add('properties');
  handled.add('required');
  const props = s.properties as JsonObject;
  node.children = readChildren(props, s.required, nested, own['ui:order']);
  // A required name with no property is kept as it was.
  const orphans = (Array.isArray(s.required) ? (s.required as string[]) : []).filter((r) => !(r in props));
  if (orphans.length) node.extra['x-builder-orphan-required'] = orphans;
}

function readTable(s: JsonObject, node: FieldNode, handled: Set<string>, nested: JsonObject): void {
  handled.add('items');
  const items = s.items as JsonObject;
  const itemsUi = splitUi(nested.items);
  delete nested.items;
  node.children = readChildren(isPlainObject(items.properties) ? items.properties : {}, items.required, itemsUi.nested, itemsUi.own['ui:order']);
  const itemsExtra: JsonObject = {};
  for (const [k, v] of Object.entries(items)) if (k !== 'type' && k !== 'properties' && k !== 'required') itemsExtra[k] = v;
  if (Object.keys(itemsExtra).length) node.extra['x-builder-items'] = itemsExtra;
  const restItemsUi = { ...itemsUi.own, ...itemsUi.nested };
  if (Object.keys(restItemsUi).length) node.extra['x-builder-items-ui'] = restItemsUi;
}

/** One schema property (with its uiSchema entry) → a node. Unknown keywords go to `extra`. */
export function schemaToNode(key: string, schema: unknown, required: boolean, uiEntry: unknown): FieldNode {
  const s = isPlainObject(schema) ? schema : {};
  const { own, nested } = splitUi(uiEntry);
  const kind = detectKind(s, own);
  const title = typeof s.title === 'string' ? s.title : '';
  const node: FieldNode = { id: newId(), kind, key, title, required, children: [], extra: {}, ui: { ...own } };
  const handled = new Set(NODE_KEYWORDS);
  readScalars(s, node, handled);
  readType(s, node, handled);
  if (kind === 'longText') delete node.ui['ui:widget'];
  if (kind === 'date') handled.add('format');
  // A file field's items stay in extra: their shape is the server's business.
  if (kind === 'file') delete node.ui['ui:field'];
  if (kind === 'choice') readChoices(s, node, handled);
  if (kind === 'section') readSection(s, node, handled, own, nested);
  if (kind === 'table') readTable(s, node, handled, nested);
  for (const [k, v] of Object.entries(s)) if (!handled.has(k)) node.extra[k] = v;
  // Nested ui entries that do not belong to a child are kept.
  for (const [k, v] of Object.entries(nested)) node.ui[k] = v;
  return node;
}
