/** Public types of @bdg/workflows. Everything here is plain JSON-serialisable data. */

/** Roles known to the product (DESIGN.md "HTTP API"). */
export type Role = 'admin' | 'editor' | 'head' | 'reviewer';

export interface Actor {
  userId: string;
  unitId: string;
  /** 'admin' | 'editor' | 'head' | 'reviewer' */
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
  meta?: { label?: string; description?: string };
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
