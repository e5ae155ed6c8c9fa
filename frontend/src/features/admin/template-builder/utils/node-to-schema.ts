/** The builder's nodes → JSON Schema property + uiSchema entry (the inverse of schema-to-node.ts). */
import { EVIDENCE_UI_FIELD, type FieldKind, type FieldNode, type JsonObject } from './field-types';

export function typeFor(kind: FieldKind): string {
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

/** Rewrites a `ui:order` from the model's order, so adding, moving, renaming or removing a field keeps it complete (RJSF refuses an incomplete one). */
export function syncUiOrder(ui: JsonObject, children: FieldNode[]): void {
  if (Array.isArray(ui['ui:order'])) ui['ui:order'] = children.map((c) => c.key);
}

export function childrenToSchema(children: FieldNode[]): {
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

interface Kept {
  orphanRequired: string[];
  itemsExtra: JsonObject;
  itemsUiExtra: JsonObject;
}

/** What each kind writes: widget, format, choices, file items, children (sections' properties, tables' row schema). */
function writeKind(node: FieldNode, schema: JsonObject, ui: JsonObject, extra: JsonObject, { orphanRequired, itemsExtra, itemsUiExtra }: Kept): void {
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

  writeKind(node, schema, ui, extra, { orphanRequired, itemsExtra, itemsUiExtra });
  for (const k of ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems'] as const) {
    if (node[k] !== undefined) schema[k] = node[k];
  }
  if (node.unit) schema['x-unit'] = node.unit;
  if (node.aggregate !== undefined) schema['x-aggregate'] = node.aggregate;
  if (node.computed) schema['x-computed'] = node.computed;
  Object.assign(schema, extra);
  return { schema, ui };
}
