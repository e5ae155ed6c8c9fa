/**
 * The visual model of a template: a tree of sections and fields that the builder edits.
 * It converts to and from JSON Schema 2020-12 + uiSchema without loss: every keyword the
 * builder does not understand is kept in `extra` (schema) or `ui` (uiSchema) and written back.
 * Reading: schema-to-node.ts; writing: node-to-schema.ts; kinds and roll-up words: field-kinds.ts.
 */
import { isPlainObject } from '@bdg/schemas';
import { childrenToSchema, syncUiOrder } from './node-to-schema';
import { readChildren, splitUi } from './schema-to-node';
import type { JsonObject, TemplateModel } from './field-types';

export * from './field-types';
export * from './field-kinds';
export { createNode, isValidKey, keyFromTitle, newId, uniqueKey } from './field-keys';
export { nodeToSchema } from './node-to-schema';
export { schemaToNode } from './schema-to-node';

/** JSON Schema (+ uiSchema) → visual model. */
export function schemaToModel(schema: unknown, uiSchema: unknown = {}): TemplateModel {
  const s = isPlainObject(schema) ? schema : {};
  const props = isPlainObject(s.properties) ? s.properties : {};
  const req = Array.isArray(s.required) ? (s.required as string[]) : [];
  const { own, nested } = splitUi(uiSchema);
  const fields = readChildren(props, s.required, nested, own['ui:order']);
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
