export type {
  Actor,
  AllowedEvent,
  Effect,
  EffectType,
  Finding,
  FlowDefinition,
  FlowEvent,
  LogEntry,
  NamedRef,
  PersistedFlowSnapshot,
  Refusal,
  RefusalCode,
  Role,
  SimulatedPath,
  SimulatedStep,
  SubmissionFacts,
  TransitionResult,
  StatusTag,
  FlagTag,
  EventKind,
  StepActor,
} from './types.js';
export {
  actorsNow,
  collectsChildren,
  compileSelection,
  eventKind,
  eventNeedsComment,
  eventOutcome,
  eventsOfKind,
  flowHasEvent,
  isDone,
  isDoneState,
  isDoneTags,
  isHandedInTags,
  isLate,
  isCollectingTags,
  isStatusTag,
  locksData,
  eventLocksData,
  locksDataTags,
  ownUnitRolesNow,
  readsChildren,
  rolesUsed,
  stateStatus,
  stateTags,
  FLAG_TAGS,
  HANDED_IN_TAGS,
  LOCKING_TAGS,
  STATUS_TAGS,
  tagLabels,
  WORK_LIST_TAGS,
} from './tags.js';
export { FLOW_FORMAT, flowFormat, upgradeFlow } from './upgrade.js';
export type { KnownRole, LintOptions } from './lint-tags.js';
export { lintFlow, loadFlow, hasErrors } from './lint.js';
export {
  allowedEvents,
  compileFlow,
  eventLabel,
  FlowEngineError,
  initialSnapshot,
  isFinalState,
  stateLabel,
  stateValue,
  transition,
  type FlowEngineErrorCode,
} from './engine.js';
export { simulate, type SimulateOptions } from './simulate.js';
export { eventLabelsOf } from './event-labels.js';
export {
  ALL_GUARD,
  actionVocabulary,
  guardVocabulary,
  recipientLabels,
  roleLabels,
  ROLES,
  ROLE_CODE_PATTERN,
  RECIPIENTS,
  type ActionDescriptor,
  type GuardDescriptor,
  type GuardKind,
} from './vocabulary.js';
export {
  flowDefinitionSchema,
  EVENT_NAME_PATTERN,
  STATE_NAME_PATTERN,
  REF_NAME_PATTERN,
  FLOW_ID_PATTERN,
} from './definition-schema.js';
export type { JsonSchema } from './mini-schema.js';
export { MAX_DEFINITION_BYTES, MAX_DEFINITION_DEPTH, MAX_DEFINITION_NODES } from './read-input.js';
export { hasVisibleText, stripControlAndFormat, trimInvisible } from './text.js';
