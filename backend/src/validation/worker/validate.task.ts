/**
 * Validation of a request body, the same code in the API thread (small bodies) and in a worker thread
 * of the validation pool (large ones): computed fields filled, the draft checked, x-rules findings.
 */
import { applyComputed, type FieldError, getValidator, type Finding, type JsonSchema, lintTemplate, type RuleFinding } from '@bdg/schemas';
import { workerTask } from '../../common/worker-task.js';

export type ValidateTask =
  | { kind: 'draft'; key: string; schema: JsonSchema; data: Record<string, unknown> }
  | { kind: 'lint'; doc: object };

export interface DraftChecked {
  kind: 'draft';
  /** the data with the server's computed fields */
  data: Record<string, unknown>;
  errors: FieldError[];
  findings: RuleFinding[];
}
export interface LintChecked {
  kind: 'lint';
  findings: Finding[];
}

export function validateBody(task: ValidateTask): DraftChecked | LintChecked {
  if (task.kind === 'lint') return { kind: 'lint', findings: lintTemplate(task.doc) };
  const data = applyComputed(task.schema, task.data) as Record<string, unknown>;
  const validator = getValidator(task.schema, task.key);
  const errors = validator.validateDraft(data);
  // findings only for data that will be stored
  return { kind: 'draft', data, errors, findings: errors.length ? [] : validator.checkRules(data) };
}

export default workerTask(validateBody);
