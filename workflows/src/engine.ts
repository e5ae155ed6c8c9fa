/**
 * The one engine: (definition, persisted snapshot | null, event, actor, facts, now) →
 * next persisted snapshot + effects + log entry, or a typed refusal. Pure: XState v5's
 * own pure API (initialTransition / transition / resolveState / getPersistedSnapshot)
 * computes the step; actions come back as data, nothing is executed here.
 */
import {
  createMachine,
  initialTransition,
  transition as xstateTransition,
  type AnyMachineSnapshot,
  type AnyStateMachine,
} from 'xstate';
import type {
  Actor,
  AllowedEvent,
  Effect,
  EffectType,
  Finding,
  FlowDefinition,
  FlowEvent,
  NamedRef,
  PersistedFlowSnapshot,
  SubmissionFacts,
  TransitionResult,
} from './types.js';
import { hasErrors, lintInternal } from './lint.js';
import { eventKind } from './tags.js';
import { normalize, type NormalFlow, type NormalState, type NormalTransition } from './normalize.js';
import {
  ALL_GUARD,
  actionVocabulary,
  evaluateGuards,
  flattenGuard,
  guardVocabulary,
  type GuardInput,
} from './vocabulary.js';
import { hasVisibleText, trimInvisible } from './text.js';

export type FlowEngineErrorCode = 'INVALID_DEFINITION' | 'INVALID_SNAPSHOT' | 'INTERNAL';

/** Thrown for programming errors (an unloaded/invalid definition, a corrupt snapshot), never for a user's mistake. */
export class FlowEngineError extends Error {
  constructor(
    readonly code: FlowEngineErrorCode,
    message: string,
    readonly findings: Finding[] = [],
  ) {
    super(message);
    this.name = 'FlowEngineError';
  }
}

export interface CompiledFlow {
  definition: FlowDefinition;
  flow: NormalFlow;
  machine: AnyStateMachine;
}

/** The event XState sees: the user's event plus the guard inputs (never persisted). */
interface MachineEvent {
  type: string;
  comment?: string;
  $input: GuardInput;
}

const guardImplementations: Record<string, (args: { event: MachineEvent }, params: unknown) => boolean> = {};
for (const g of guardVocabulary) {
  guardImplementations[g.name] = ({ event }, params) =>
    evaluateGuards([{ type: g.name, params: params as Record<string, unknown> }], event.$input) === null;
}
guardImplementations[ALL_GUARD] = ({ event }, params) =>
  evaluateGuards(flattenGuard({ type: ALL_GUARD, params }), event.$input) === null;

const actionImplementations: Record<string, () => void> = {};
for (const a of actionVocabulary) actionImplementations[a.name] = () => {};

/** Builds the XState machine config from a lint-clean definition (only known keys, fresh copy). */
export function toMachineConfig(def: FlowDefinition): Record<string, unknown> {
  const states: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(def.states)) {
    const s = raw as Record<string, unknown>;
    states[name] = JSON.parse(
      JSON.stringify({ type: s['type'], meta: s['meta'], on: s['on'], tags: s['tags'] }),
    ) as unknown;
  }
  return { id: def.id, initial: def.initial, context: { flowId: def.id }, states };
}

const byIdentity = new WeakMap<object, CompiledFlow>();
const byJson = new Map<string, CompiledFlow>();
const MAX_CACHED = 200;

/** Lints (once per definition) and builds the machine; throws FlowEngineError when the definition has errors. */
export function compileFlow(def: FlowDefinition): CompiledFlow {
  if (typeof def === 'object' && def !== null) {
    const hit = byIdentity.get(def);
    if (hit) return hit;
  }
  let key: string | undefined;
  try {
    key = JSON.stringify(def);
  } catch {
    key = undefined;
  }
  const cached = key !== undefined ? byJson.get(key) : undefined;
  if (cached) {
    byIdentity.set(def, cached);
    return cached;
  }
  const { value, findings } = lintInternal(def);
  if (!value || hasErrors(findings)) {
    const first = findings.find((f) => f.severity === 'error');
    throw new FlowEngineError(
      'INVALID_DEFINITION',
      `Quy trình không hợp lệ: ${first?.message ?? ''} (${first?.path ?? ''})`,
      findings,
    );
  }
  const machine = createMachine(toMachineConfig(value) as never, {
    guards: guardImplementations as never,
    actions: actionImplementations as never,
  }) as unknown as AnyStateMachine;
  const compiled: CompiledFlow = { definition: value, flow: normalize(value), machine };
  if (typeof def === 'object' && def !== null) byIdentity.set(def, compiled);
  if (key !== undefined) {
    if (byJson.size >= MAX_CACHED) byJson.delete(byJson.keys().next().value!);
    byJson.set(key, compiled);
  }
  return compiled;
}

function restore(c: CompiledFlow, snap: PersistedFlowSnapshot | null | undefined): AnyMachineSnapshot {
  if (snap === null || snap === undefined) return initialTransition(c.machine)[0] as AnyMachineSnapshot;
  if (typeof snap !== 'object' || Array.isArray(snap))
    throw new FlowEngineError('INVALID_SNAPSHOT', 'Trạng thái hồ sơ đã lưu không hợp lệ');
  const s = snap as Record<string, unknown>;
  const value = s['value'];
  if (typeof value !== 'string' || !c.flow.states.has(value))
    throw new FlowEngineError(
      'INVALID_SNAPSHOT',
      `Trạng thái «${String(value)}» không có trong quy trình «${c.flow.id}»`,
    );
  if (s['status'] !== 'active' && s['status'] !== 'done')
    throw new FlowEngineError('INVALID_SNAPSHOT', 'Trạng thái hồ sơ đã lưu không hợp lệ (status)');
  const ctx = s['context'];
  if (
    ctx !== undefined &&
    (typeof ctx !== 'object' || ctx === null || (ctx as Record<string, unknown>)['flowId'] !== c.flow.id)
  )
    throw new FlowEngineError(
      'INVALID_SNAPSHOT',
      `Trạng thái hồ sơ thuộc quy trình khác, không phải «${c.flow.id}»`,
    );
  return c.machine.resolveState({ value, context: { flowId: c.flow.id } }) as AnyMachineSnapshot;
}

function persist(c: CompiledFlow, snapshot: AnyMachineSnapshot): PersistedFlowSnapshot {
  const p = c.machine.getPersistedSnapshot(snapshot) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) if (v !== undefined) out[k] = v;
  return JSON.parse(JSON.stringify(out)) as PersistedFlowSnapshot;
}

function currentState(c: CompiledFlow, snapshot: AnyMachineSnapshot): NormalState {
  return c.flow.states.get(snapshot.value as string)!;
}

export function initialSnapshot(def: FlowDefinition): PersistedFlowSnapshot {
  const c = compileFlow(def);
  return persist(c, restore(c, null));
}

export function stateValue(def: FlowDefinition, snap: PersistedFlowSnapshot): string {
  const c = compileFlow(def);
  return restore(c, snap).value as string;
}

export function isFinalState(def: FlowDefinition, snap: PersistedFlowSnapshot): boolean {
  const c = compileFlow(def);
  const s = restore(c, snap);
  return s.status === 'done' || currentState(c, s).final;
}

/** What a state's label may name besides the flow's own words: the unit the report goes up to. */
export interface LabelContext {
  /** The parent unit's name ("Xã Tân Lạc", "Phòng GD&ĐT Khoái Châu"); unknown → "cấp trên". */
  parentUnitName?: string | null;
}

/** The placeholder a state label writes for the level above, filled from the tree (never a level's name in the flow). */
export const PARENT_PLACEHOLDER = '{parentUnitName}';
/** The level above when the unit is not known (a flow shown on its own, a list across units). */
export const PARENT_FALLBACK = 'cấp trên';

/** A state's Vietnamese label, "{parentUnitName}" filled with the unit's parent (or "cấp trên"). */
export function stateLabel(def: FlowDefinition, state: string, context: LabelContext = {}): string {
  const c = compileFlow(def);
  const label = c.flow.states.get(state)?.label ?? state;
  if (!label.includes(PARENT_PLACEHOLDER)) return label;
  const parent = context.parentUnitName?.trim() || PARENT_FALLBACK;
  return label.split(PARENT_PLACEHOLDER).join(parent);
}

/** The Vietnamese label of an event (the first written for it), or the event name. */
export function eventLabel(def: FlowDefinition, event: string): string {
  return compileFlow(def).flow.eventLabels.get(event) ?? event;
}

const hasText = hasVisibleText;

function refusal(
  code: 'EVENT_NOT_ALLOWED' | 'GUARD_FAILED' | 'ROLE_MISSING',
  message: string,
  guard?: string,
): TransitionResult {
  return { ok: false, refusal: guard === undefined ? { code, message } : { code, guard, message } };
}

function cloneParams(p: unknown): Record<string, unknown> | undefined {
  if (typeof p !== 'object' || p === null || Object.keys(p).length === 0) return undefined;
  return JSON.parse(JSON.stringify(p)) as Record<string, unknown>;
}

export function transition(
  def: FlowDefinition,
  snap: PersistedFlowSnapshot | null,
  event: FlowEvent,
  actor: Actor,
  facts: SubmissionFacts,
  now: Date,
): TransitionResult {
  const c = compileFlow(def);
  const current = restore(c, snap);
  const state = currentState(c, current);
  const type = typeof event?.type === 'string' ? event.type : '';
  const evLabel = c.flow.eventLabels.get(type) ?? type;
  const stLabel = state.label ?? state.name;
  if (current.status !== 'active' || state.final)
    return refusal(
      'EVENT_NOT_ALLOWED',
      `Hồ sơ đã ở trạng thái kết thúc «${stLabel}», không thể «${evLabel}»`,
    );
  const candidates = state.events.get(type);
  if (!candidates)
    return refusal('EVENT_NOT_ALLOWED', `Không thể «${evLabel}» khi hồ sơ đang ở trạng thái «${stLabel}»`);

  const comment = hasText(event.comment) ? trimInvisible(event.comment) : undefined;
  const input: GuardInput = {
    actor,
    facts,
    event: comment === undefined ? { type } : { type, comment },
    now,
  };
  let chosen: NormalTransition | undefined;
  let firstFailure: ReturnType<typeof evaluateGuards> = null;
  for (const t of candidates) {
    const failure = evaluateGuards(t.guards, input);
    if (failure === null) {
      chosen = t;
      break;
    }
    firstFailure ??= failure;
  }
  if (!chosen) {
    const f = firstFailure!;
    return refusal(f.kind === 'role' ? 'ROLE_MISSING' : 'GUARD_FAILED', f.message, f.guard);
  }
  if (chosen.requireCommentMessage !== undefined && comment === undefined)
    return refusal('GUARD_FAILED', chosen.requireCommentMessage, 'requireComment');

  const machineEvent: MachineEvent = { type, ...(comment !== undefined ? { comment } : {}), $input: input };
  const [next, actions] = xstateTransition(c.machine, current, machineEvent as never);
  const to = (next as AnyMachineSnapshot).value as string;
  if (to !== chosen.target)
    throw new FlowEngineError('INTERNAL', `XState chọn «${to}», bộ máy chọn «${chosen.target}»`);

  const effects: Effect[] = [];
  for (const a of actions as { type: string; params?: unknown }[]) {
    if (!actionImplementations[a.type]) continue;
    const params = cloneParams(a.params);
    const effect: Effect = { type: a.type as EffectType };
    if (a.type === 'requireComment') effect.params = { ...(params ?? {}), comment };
    else if (params) effect.params = params;
    effects.push(effect);
  }
  const from = state.name;
  return {
    ok: true,
    snapshot: persist(c, next as AnyMachineSnapshot),
    from,
    to,
    effects,
    logEntry: {
      event: type,
      from,
      to,
      actor,
      ...(comment !== undefined ? { comment } : {}),
      effects,
      at: now.toISOString(),
    },
  };
}

/** The events this actor may send now (the UI's buttons). Comment-dependent guards are left to the user. */
export function allowedEvents(
  def: FlowDefinition,
  snap: PersistedFlowSnapshot | null,
  actor: Actor,
  facts: SubmissionFacts,
  now: Date,
): AllowedEvent[] {
  const c = compileFlow(def);
  const current = restore(c, snap);
  const state = currentState(c, current);
  if (current.status !== 'active' || state.final) return [];
  const out: AllowedEvent[] = [];
  for (const [type, candidates] of state.events) {
    const input: GuardInput = { actor, facts, event: { type }, now };
    const t = candidates.find((x) => evaluateGuards(x.guards, input, true) === null);
    if (!t) continue;
    out.push({
      type,
      label: t.label ?? type,
      kind: eventKind(c.definition, state.name, type),
      requiresComment: t.requiresComment,
      ...(t.commentLabel !== undefined ? { commentLabel: t.commentLabel } : {}),
    });
  }
  return out;
}

export type { NamedRef };
