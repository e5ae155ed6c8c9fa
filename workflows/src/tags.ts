/**
 * A state's meaning comes from its XState `tags`, never from its name (README "State tags").
 * These are the questions the rest of the code asks of a flow; the backend, its SQL, the
 * dashboards and the reminders use them so that a province may rename or add states freely.
 */
import type { EventKind, FlowDefinition, StatusTag, StepActor } from './types.js';
import { normalize, type NormalFlow, type NormalTransition } from './normalize.js';
import { roleNames } from './vocabulary.js';
import { isDoneTags, isStatusTag, locksDataTags } from './tag-vocabulary.js';
import { upgradeFlow } from './upgrade.js';

export * from './tag-vocabulary.js';

const flows = new WeakMap<FlowDefinition, { def: FlowDefinition; flow: NormalFlow }>();
/** The definition in the current format (format-1 flows get their inferred tags) and its tables, once per object. */
function current(def: FlowDefinition): { def: FlowDefinition; flow: NormalFlow } {
  let f = flows.get(def);
  if (!f) {
    const up = upgradeFlow(def);
    f = { def: up, flow: normalize(up) };
    flows.set(def, f);
  }
  return f;
}
const flowOf = (def: FlowDefinition): NormalFlow => current(def).flow;

/** The tags of a state (an unknown state has none). */
export function stateTags(def: FlowDefinition, state: string): string[] {
  const raw = (current(def).def.states[state] as { tags?: unknown } | undefined)?.tags;
  return Array.isArray(raw) ? raw.filter((t): t is string => typeof t === 'string') : [];
}

/** The state's status tag (the first one, lint demands exactly one). */
export function stateStatus(def: FlowDefinition, state: string): StatusTag | undefined {
  return stateTags(def, state).find(isStatusTag);
}

export const isDoneState = (def: FlowDefinition, state: string): boolean => isDoneTags(stateTags(def, state));
export const locksData = (def: FlowDefinition, state: string): boolean => locksDataTags(stateTags(def, state));

/**
 * Does sending `event` from `state` lock data that is editable now (its target's tags lock, or it ends the flow)?
 * The UI asks before such a step ("Gửi ký"): the answer comes from the tags, never from the event's name.
 */
export function eventLocksData(def: FlowDefinition, state: string, event: string): boolean {
  const flow = flowOf(def);
  const from = flow.states.get(state);
  if (!from || locksData(def, state)) return false;
  return (from.events.get(event) ?? []).some((t) => locksData(def, t.target) || !!flow.states.get(t.target)?.final);
}

/** Whether the flow knows this event in some state (else the API answers 400, not 409). */
export function flowHasEvent(def: FlowDefinition, event: string): boolean {
  for (const s of flowOf(def).states.values()) if (s.events.has(event)) return true;
  return false;
}

function transitionsOf(def: FlowDefinition): NormalTransition[] {
  return [...flowOf(def).states.values()].flatMap((s) => [...s.events.values()].flat());
}

/** A compiling flow: some transition rolls up the children (its data is the roll-up schema's). */
export function collectsChildren(def: FlowDefinition): boolean {
  return transitionsOf(def).some((t) => t.actions.some((a) => a.type === 'compileChildren'));
}

/** Whether a flow's guards look at the children's progress (childrenAccepted). */
export function readsChildren(def: FlowDefinition): boolean {
  return transitionsOf(def).some((t) => t.guards.some((g) => g.type === 'childrenAccepted'));
}

/** The kind of a transition: what it does, from its actions, guards and the statuses it joins. */
function kindOf(def: FlowDefinition, t: NormalTransition): EventKind {
  const actions = new Set(t.actions.map((a) => a.type));
  if (actions.has('sign')) return 'sign';
  if (actions.has('compileChildren')) return 'compile';
  const from = stateStatus(def, t.source);
  const to = stateStatus(def, t.target);
  const byParent = t.guards.some((g) => g.type === 'isParentReviewer');
  const writing = (x: StatusTag | undefined) => x === 'editing' || x === 'returned' || x === 'collecting';
  if (to === 'returned') return 'return';
  if (writing(to) && !writing(from)) return byParent ? 'return' : 'reject';
  if (writing(from) && to !== from && !writing(to)) return 'submit';
  if (to === 'done' || byParent) return 'accept';
  if (from === 'awaitingApproval' && (to === 'awaitingApproval' || to === 'awaitingSignature' || to === 'submitted'))
    return 'approve';
  return 'other';
}

/** The kind of `event` sent in `state` (its first written alternative), or 'other'. */
export function eventKind(def: FlowDefinition, state: string, event: string): EventKind {
  const t = flowOf(def).states.get(state)?.events.get(event)?.[0];
  return t ? kindOf(def, t) : 'other';
}

/**
 * What `event` sent in `state` may do, over all its guarded alternatives: sign (the `sign` action) and
 * reach a final state. The signed PDF is prepared from this before the transition runs.
 */
export function eventOutcome(def: FlowDefinition, state: string, event: string): { signs: boolean; reachesFinal: boolean } {
  const f = flowOf(def);
  const list = f.states.get(state)?.events.get(event) ?? [];
  return {
    signs: list.some((t) => t.actions.some((a) => a.type === 'sign')),
    reachesFinal: list.some((t) => f.states.get(t.target)?.final === true),
  };
}

/** Does this event need a comment (hasComment guard or requireComment action)? */
export function eventNeedsComment(def: FlowDefinition, state: string, event: string): boolean {
  return flowOf(def).states.get(state)?.events.get(event)?.some((t) => t.requiresComment) ?? false;
}

/** Events of a kind anywhere in the flow (e.g. the 'compile' event a job must send). */
export function eventsOfKind(def: FlowDefinition, kind: EventKind): string[] {
  const out = new Set<string>();
  for (const t of transitionsOf(def)) if (kindOf(def, t) === kind) out.add(t.event);
  return [...out];
}

/** Who must act now: for each way out of the state, the roles and where they sit. */
export function actorsNow(def: FlowDefinition, state: string): StepActor[] {
  const s = flowOf(def).states.get(state);
  if (!s || s.final) return [];
  const out: StepActor[] = [];
  for (const [event, list] of s.events)
    for (const t of list) {
      if (t.target === t.source && kindOf(def, t) !== 'compile') continue;
      const roles = new Set<string>();
      let scope: StepActor['scope'] = 'any';
      for (const g of t.guards) {
        if (g.type === 'hasRole') for (const r of roleNames(g.params ?? {})) roles.add(r);
        if (g.type === 'isOwnUnit') scope = 'own';
        if (g.type === 'isParentReviewer') {
          scope = 'parent';
          roles.add((g.params?.['role'] as string | undefined) ?? 'reviewer');
        }
      }
      out.push({ event, eventLabel: t.label ?? event, kind: kindOf(def, t), roles: [...roles], scope });
    }
  return out;
}

/**
 * The kinds of the events a person holding `roles` could send in `state` on their own unit's report
 * (`own`) or on a child unit's (`child`), by the role and place guards only: the data guards (complete
 * form, children, deadline) are the engine's to decide on the report itself (allowedEvents). A work list
 * selects its candidates with this in SQL, then asks the engine for the page it shows.
 */
export function kindsFor(def: FlowDefinition, state: string, roles: readonly string[], relation: 'own' | 'child'): EventKind[] {
  const out = new Set<EventKind>();
  for (const a of actorsNow(def, state)) {
    if (a.scope === (relation === 'own' ? 'parent' : 'own')) continue;
    if (a.roles.length && !a.roles.some((r) => roles.includes(r))) continue;
    out.add(a.kind);
  }
  return [...out];
}

/** Roles of the unit's own people who must act now (the reminders' recipients). */
export function ownUnitRolesNow(def: FlowDefinition, state: string): string[] {
  const roles = new Set<string>();
  for (const a of actorsNow(def, state)) if (a.scope !== 'parent') for (const r of a.roles) roles.add(r);
  return [...roles];
}

/** Every role code a flow's guards name (for lint against the province's roles). */
export function rolesUsed(def: FlowDefinition): Map<string, NormalTransition[]> {
  const out = new Map<string, NormalTransition[]>();
  for (const t of transitionsOf(def))
    for (const g of t.guards) {
      const names = g.type === 'hasRole' ? roleNames(g.params ?? {}) : g.type === 'isParentReviewer' ? [(g.params?.['role'] as string | undefined) ?? 'reviewer'] : [];
      for (const r of names) out.set(r, [...(out.get(r) ?? []), t]);
    }
  return out;
}

/** Which children a compile takes in: by tag (default `done`), or by state names written in old flows. */
export function compileSelection(params: Record<string, unknown> | undefined): { tags: string[]; states: string[] } {
  const tags = Array.isArray(params?.['childTags']) ? (params['childTags'] as string[]) : [];
  const states = Array.isArray(params?.['childStates']) ? (params['childStates'] as string[]) : [];
  return { tags: tags.length || states.length ? tags : ['done'], states };
}
