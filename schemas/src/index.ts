/** @bdg/schemas — biểu mẫu dưới dạng dữ liệu và mã thuần đọc chúng (dùng cho cả máy chủ và trình duyệt). */
export type {
  AggregateKind,
  AggregateRule,
  FieldError,
  Finding,
  GroupByRule,
  JsonSchema,
  RatioRule,
  TemplateDocumentLayout,
  TemplateVersionDoc,
} from './types.js';
export { templateVersionSchema } from './template-format.js';
export { lintTemplate, schemaLocation } from './lint.js';
export { getValidator, hasValidator, createAjv, draftSchema, CUSTOM_KEYWORDS, type TemplateValidator } from './validation.js';
export { linearRegExp, compileLinearPattern, linearPatternProblem } from './linear-keywords.js';
export {
  DEFAULT_MAX_ITEMS,
  DEFAULT_MAX_LENGTH,
  DEFAULT_MAX_PROPERTIES,
  LIMIT_MAX_ITEMS,
  LIMIT_MAX_LENGTH,
  LIMIT_ENUM_VALUES,
  LIMIT_PATTERN_LENGTH,
  LIMIT_TOTAL_ROWS,
  withDefaultBounds,
  boundsOnlySchema,
} from './bounds.js';
export { localizeAjvErrors, localizeVi, viPredicate, errorPath, FORMAT_VI } from './locale-vi.js';
export { applyComputed, computedPlan, type ComputedPlan, type ComputedSlot } from './computed.js';
export {
  parseExpression,
  tokenizeExpression,
  MAX_EXPRESSION_LENGTH,
  MAX_EXPRESSION_DEPTH,
  type CompiledExpression,
  type ExpressionRef,
  type ExpressionToken,
} from './expression.js';
export {
  createRollUp,
  rollUp,
  aggregationPlan,
  type RollUp,
  type RollUpChild,
  type RollUpResult,
  type ProvenanceEntry,
  type AggregationPlanEntry,
} from './rollup.js';
export { rollUpSchema } from './rollup-schema.js';
export { AGGREGATE_KINDS, normalizeRule, type NormalizedRule } from './aggregate-rule.js';
export { canonicalJson, sha256Hex, contentHash } from './signing.js';
export { diffTemplates, carryForward, type TemplateChange, type CarryForwardResult } from './diff.js';
export { fieldTitle, titleParts } from './titles.js';
export { parsePointer, toPointer, getAt, escapeSegment, isPlainObject } from './pointer.js';
export {
  deref,
  resolveSchema,
  propertyEntries,
  propertySchema,
  matchesBranch,
  isChoiceList,
  schemaAt,
  schemaPath,
  typeLabel,
  walkFields,
  usePatternEngine,
  typesOf,
  isLeaf,
  isObjectSchema,
  isArraySchema,
  type FieldVisit,
} from './walker.js';
export { displayOrder, nonNullType, schemaShapeProblems } from './shape.js';
export {
  checkRules,
  checkRuleAssert,
  ruleErrors,
  rulesPlan,
  walkObjects,
  RULE_SEVERITIES,
  type RuleDeclaration,
  type RuleFinding,
  type RuleSeverity,
  type RuleSlot,
} from './rules.js';
export { mergeRecompile, type RecompileChange, type RecompileResult } from './recompile.js';
export {
  splitRawInputs,
  mergeRawInputs,
  rawInputProblems,
  rawInputsMessage,
  MAX_RAW_INPUTS,
  MAX_RAW_INPUT_LENGTH,
  type RawInputs,
} from './raw-inputs.js';
export { coveragePercent, coverageSentence, isComplete, type Coverage } from './coverage.js';
export { formatNumberVi, formatPercentVi, withUnitVi, NO_NUMBER } from './number-vi.js';
export { computedHelp, derivationHelps, expressionPhrase, rollUpHelp } from './derivation-help.js';
