/** Public types of @bdg/workflows. Everything here is plain JSON-serialisable data. */

/** The built-in roles; a province adds its own role codes as data. */
export type Role = 'admin' | 'editor' | 'head' | 'reviewer';

export interface Actor {
  userId: string;
  unitId: string;
  /** Built-in ('admin' | 'editor' | 'head' | 'reviewer') or province-defined role codes. */
  roles: string[];
}

export interface SubmissionFacts {
  unitId: string;
  parentUnitId: string | null;
  /** Errors of the complete validation (0 = valid). */
  formErrorCount: number;
  childrenTotal: number;
  childrenAccepted: number;
  /** ISO date (end of that day, Vietnam time) or ISO date/time. */
  deadline: string | null;
  /** Vietnamese labels of province-defined roles, for refusal messages. */
  roleLabels?: Readonly<Record<string, string>>;
}

export interface FlowEvent {
  type: string;
  comment?: string;
}

export type EffectType = 'lockData' | 'unlockData' | 'sign' | 'compileChildren' | 'notify' | 'requireComment';

export interface Effect {
  type: EffectType;
  params?: Record<string, unknown>;
}

export interface Finding {
  severity: 'error' | 'warning';
  /** JSON pointer into the definition ('' = the whole definition). */
  path: string;
  /** Vietnamese, for the admin. */
  message: string;
}

export type FlowDefinition = {
  id: string;
  initial: string;
  states: Record<string, unknown>;
  meta?: { label?: string; description?: string; format?: number };
  [k: string]: unknown;
};

/**
 * XState v5 persisted snapshot, e.g.
 * {"status":"active","value":"draft","historyValue":{},"context":{"flowId":"truong"},"children":{}}
 */
export type PersistedFlowSnapshot = unknown;

/** A guard or action referenced by name, as written in the JSON definition. */
export interface NamedRef {
  type: string;
  params?: Record<string, unknown>;
}

export type RefusalCode = 'EVENT_NOT_ALLOWED' | 'GUARD_FAILED' | 'ROLE_MISSING';

export interface Refusal {
  code: RefusalCode;
  /** The guard that failed first (GUARD_FAILED, ROLE_MISSING). */
  guard?: string;
  /** Vietnamese reason, shown to the user as is. */
  message: string;
}

export interface LogEntry {
  event: string;
  from: string;
  to: string;
  actor: Actor;
  comment?: string;
  effects: Effect[];
  /** ISO date/time of `now`. */
  at: string;
}

export type TransitionResult =
  | {
      ok: true;
      snapshot: PersistedFlowSnapshot;
      from: string;
      to: string;
      effects: Effect[];
      logEntry: LogEntry;
    }
  | { ok: false; refusal: Refusal };

export interface AllowedEvent {
  type: string;
  /** Vietnamese button label. */
  label: string;
  /** What the event does, derived from its actions, guards and target's tags (never its name). */
  kind: EventKind;
  requiresComment: boolean;
  /** Vietnamese prompt for the comment box when requiresComment. */
  commentLabel?: string;
}

export interface SimulatedStep {
  from: string;
  fromLabel: string;
  event: string;
  eventLabel: string;
  to: string;
  toLabel: string;
  /** Guard names in evaluation order (a composite `all` is flattened). */
  guards: string[];
  /** The same guards in Vietnamese, e.g. "Người thực hiện có vai trò Thủ trưởng đơn vị". */
  guardLabels: string[];
  /** Action names in order; each becomes an Effect. */
  actions: string[];
  requiresComment: boolean;
  /** Full references, for tools that need the params. */
  guardRefs: NamedRef[];
  actionRefs: NamedRef[];
}

export interface SimulatedPath {
  /** The final state this path ends in. */
  target: string;
  targetLabel: string;
  steps: SimulatedStep[];
}

/**
 * Status tags: every state carries exactly one (README "State tags").
 * - collecting: a compiling unit waits for its children's reports
 * - editing: the unit writes its report
 * - returned: sent back by the level above, the unit writes again
 * - awaitingApproval: waiting for someone inside the unit (e.g. a deputy head) before signing
 * - awaitingSignature: waiting for the unit's head to sign
 * - submitted: handed in, waiting for the level above
 * - done: finished (accepted, published)
 */
export type StatusTag =
  | 'collecting'
  | 'editing'
  | 'returned'
  | 'awaitingApproval'
  | 'awaitingSignature'
  | 'submitted'
  | 'done';

/** Flag tags a state may carry besides its status: `locked` locks the data whatever the status says. */
export type FlagTag = 'locked';

/** What an event does, derived from its actions, guards and target state's tags. */
export type EventKind = 'compile' | 'submit' | 'approve' | 'sign' | 'accept' | 'return' | 'reject' | 'other';

/** Who must act in a state: holders of one of `roles`, in the unit itself or its parent unit. */
export interface StepActor {
  event: string;
  eventLabel: string;
  kind: EventKind;
  /** Role codes (empty = anyone in that unit). */
  roles: string[];
  scope: 'own' | 'parent' | 'any';
}
