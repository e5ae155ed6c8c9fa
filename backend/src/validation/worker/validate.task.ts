/**
 * Validation of a request body, the same code in the API thread (small bodies) and in a worker thread
 * of the validation pool (large ones): computed fields filled, the draft checked, x-rules findings, and
 * what storing and hashing it needs (its JSON text and its canonical form). A large draft comes as the
 * request's raw bytes and leaves as text, so the API thread neither parses, copies nor walks it. The
 * error list is cut at MAX_REPORTED_ERRORS: thousands of wrong cells cost the API one short answer.
 */
import { applyComputed, canonicalJson, type FieldError, getAt, getValidator, type Finding, type JsonSchema, lintTemplate, parsePointer, type RuleFinding } from '@bdg/schemas';
import { type CsvRowError, parseCsvBounded } from '../../common/csv.js';
import { jsonDepthExceeds } from '../../common/json-depth-measure.js';
import { workerTask } from '../../common/worker-task.js';

/** Errors a draft check reports one by one; the others are counted (content-guards.ts toProblems). */
export const MAX_REPORTED_ERRORS = 100;

/** A draft as an object (checked in the request) or as the raw JSON body whose `field` holds it (in a worker). */
export type DraftInput = { data: Record<string, unknown> } | { body: Uint8Array; field: string };

export type ValidateTask =
  | ({ kind: 'draft'; key: string; schema: JsonSchema | string; pointers: string[] } & DraftInput)
  | { kind: 'lint'; doc: object }
  | { kind: 'split'; body: Uint8Array; field: string }
  | { kind: 'csv'; body: Uint8Array; required: string[]; columns: Record<string, string | string[]> };

export interface DraftChecked {
  kind: 'draft';
  /** the data with the server's computed fields, when checked in the request (a worker answers with `json`) */
  data?: Record<string, unknown>;
  /** the first MAX_REPORTED_ERRORS errors */
  errors: FieldError[];
  /** how many errors there are in all */
  errorCount: number;
  findings: RuleFinding[];
  /** the data as JSON text (what is stored and answered) and as RFC 8785 canonical JSON (what the content hash covers); empty when there are errors */
  json: string;
  canonical: string;
  /** which of the task's `pointers` have a value in the data */
  filled: string[];
}
export interface LintChecked {
  kind: 'lint';
  findings: Finding[];
}
/** A large body's small fields, read in a worker; `field` itself stays there (the draft task reads it again from the bytes). */
export interface BodySplit {
  kind: 'split';
  rest: Record<string, unknown>;
  fieldIsObject: boolean;
  tooDeep: boolean;
  invalidJson: boolean;
}

/** A CSV import's rows, decoded and parsed within the import limits (common/csv.ts). */
export interface CsvParsed {
  kind: 'csv';
  rows: { line: number; values: Record<string, string> }[];
  errors: CsvRowError[];
}

/** Parsed schemas by validator key, so that a large save sends the schema's text and the thread parses it once. */
const schemas = new Map<string, JsonSchema>();
function schemaOf(key: string, schema: JsonSchema | string): JsonSchema {
  if (typeof schema !== 'string') return schema;
  let s = schemas.get(key);
  if (!s) {
    if (schemas.size >= 64) schemas.delete(schemas.keys().next().value!);
    schemas.set(key, (s = JSON.parse(schema) as JsonSchema));
  }
  return s;
}

const decoder = new TextDecoder();

function split(body: Uint8Array, field: string): BodySplit {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(body));
  } catch {
    return { kind: 'split', rest: {}, fieldIsObject: false, tooDeep: false, invalidJson: true };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { kind: 'split', rest: {}, fieldIsObject: false, tooDeep: false, invalidJson: true };
  const { [field]: value, ...rest } = parsed as Record<string, unknown>;
  const fieldIsObject = !!value && typeof value === 'object' && !Array.isArray(value);
  return { kind: 'split', rest, fieldIsObject, tooDeep: jsonDepthExceeds(parsed), invalidJson: false };
}

function checkDraft(task: Extract<ValidateTask, { kind: 'draft' }>): DraftChecked {
  const schema = schemaOf(task.key, task.schema);
  const input = 'data' in task ? task.data : ((JSON.parse(decoder.decode(task.body)) as Record<string, unknown>)[task.field] as Record<string, unknown>);
  const data = applyComputed(schema, input) as Record<string, unknown>;
  const validator = getValidator(schema, task.key);
  const all = validator.validateDraft(data);
  const errors = all.length > MAX_REPORTED_ERRORS ? all.slice(0, MAX_REPORTED_ERRORS) : all;
  const filled = task.pointers.filter((p) => getAt(data, parsePointer(p)) !== undefined);
  const own = 'data' in task ? { data } : {};
  // findings, text and canonical form only for data that will be stored
  if (all.length) return { kind: 'draft', ...own, errors, errorCount: all.length, findings: [], json: '', canonical: '', filled };
  return { kind: 'draft', ...own, errors, errorCount: 0, findings: validator.checkRules(data), json: JSON.stringify(data), canonical: canonicalJson(data), filled };
}

export function validateBody(task: ValidateTask): DraftChecked | LintChecked | BodySplit | CsvParsed {
  if (task.kind === 'lint') return { kind: 'lint', findings: lintTemplate(task.doc) };
  if (task.kind === 'csv') return { kind: 'csv', ...parseCsvBounded(task.body, task.required, task.columns) };
  if (task.kind === 'split') return split(task.body, task.field);
  return checkDraft(task);
}

export default workerTask(validateBody);
