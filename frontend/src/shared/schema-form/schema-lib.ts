/**
 * The one door to @bdg/schemas: the same validation messages, computed fields and titles as the server
 * (STYLE.md "One definition for both tiers"). Nothing here re-implements a rule.
 */
export {
  applyComputed,
  checkRuleAssert,
  coverageSentence,
  derivationHelps,
  fieldTitle,
  getAt,
  getValidator,
  isComplete,
  linearRegExp,
  parseExpression,
  mergeRawInputs,
  splitRawInputs,
  parsePointer as parsePointerStrict,
  rollUpSchema,
  schemaAt,
  toPointer,
  walkFields,
} from '@bdg/schemas';
export type { Coverage, FieldError, JsonSchema, RuleFinding, TemplateValidator } from '@bdg/schemas';
