/** The visual model of a template: a tree of sections and fields that the builder edits. */

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

/**
 * A file-evidence field: an array of attachment ids (`items: {type: string, format: uuid}`) that
 * the form renders with the attachments field (uiSchema `"ui:field": "attachments"`). The marker
 * lives in the uiSchema because @bdg/schemas compiles schemas in AJV strict mode (no unknown keywords).
 */
export const EVIDENCE_UI_FIELD = 'attachments';
