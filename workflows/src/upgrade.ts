/**
 * Stored flow versions are immutable; their format is upgraded on read by this pure, versioned
 * function (never by a migration that edits published data).
 *
 * Format 1 (no `meta.format`): states without tags; compileChildren names the child flow's states.
 * Format 2: every state carries one status tag (README "State tags"); compileChildren selects
 * children by tag (`childTags`, default `done`).
 * Format 3: a label that named the level above ("Đã gửi, chờ Phòng GD&ĐT duyệt") names it through the
 * placeholder `{parentUnitName}` the engine fills from the tree (a school under a commune since 7/2025).
 */
import type { FlowDefinition, StatusTag } from './types.js';
import { flattenActions, flattenGuard } from './vocabulary.js';
import { isStatusTag } from './tag-vocabulary.js';
import { PARENT_PLACEHOLDER } from './engine.js';

export const FLOW_FORMAT = 3;

/** Final states of the flows shipped before tags existed: a compile of them means "the done ones". */
const FORMAT1_DONE_STATES = new Set(['accepted', 'published']);

type Obj = Record<string, unknown>;

export function flowFormat(def: FlowDefinition): number {
  const f = (def.meta as Obj | undefined)?.['format'];
  return typeof f === 'number' && Number.isInteger(f) ? f : 1;
}

function transitionsOf(state: Obj): Obj[] {
  const on = (state['on'] ?? {}) as Obj;
  return Object.values(on).flatMap((raw) =>
    (Array.isArray(raw) ? raw : [raw]).map((t) => (typeof t === 'string' ? { target: t } : (t as Obj))),
  );
}

const hasAction = (t: Obj, name: string) => flattenActions(t['actions']).some((a) => a.type === name);
const hasGuard = (t: Obj, name: string) => flattenGuard(t['guard']).some((g) => g.type === name);

/** The status a format-1 state had by its place in the flow (what its actions and guards do). */
function inferStatus(def: FlowDefinition, name: string): StatusTag {
  const state = def.states[name] as Obj;
  if (state['type'] === 'final') return 'done';
  const outs = transitionsOf(state);
  if (outs.some((t) => hasAction(t, 'sign'))) return 'awaitingSignature';
  if (outs.some((t) => hasGuard(t, 'isParentReviewer'))) return 'submitted';
  if (outs.length && outs.every((t) => hasAction(t, 'compileChildren')) && outs.some((t) => t['target'] !== name))
    return 'collecting';
  const sentBackByParent = Object.values(def.states).some((s) =>
    transitionsOf(s as Obj).some((t) => t['target'] === name && hasGuard(t, 'isParentReviewer')),
  );
  return sentBackByParent && name !== def.initial ? 'returned' : 'editing';
}

function upgradeCompileParams(t: Obj): void {
  const actions = t['actions'];
  if (!Array.isArray(actions)) return;
  for (const a of actions) {
    if (typeof a !== 'object' || a === null || (a as Obj)['type'] !== 'compileChildren') continue;
    const params = (a as Obj)['params'] as Obj | undefined;
    const states = params?.['childStates'];
    if (Array.isArray(states) && states.every((s) => FORMAT1_DONE_STATES.has(String(s)))) {
      const { childStates: _old, ...rest } = params!;
      (a as Obj)['params'] = { ...rest, childTags: ['done'] };
    }
  }
}

/** The labels of the shipped flows (format ≤ 2) that named the level above by a fixed name. */
const FIXED_PARENT_LABELS = new Set(['Đã gửi, chờ Phòng GD&ĐT duyệt', 'Đã gửi, chờ Sở GD&ĐT duyệt']);

function upgradeParentLabels(copy: FlowDefinition): void {
  for (const state of Object.values(copy.states) as Obj[]) {
    const meta = state?.['meta'] as Obj | undefined;
    if (meta && typeof meta['label'] === 'string' && FIXED_PARENT_LABELS.has(meta['label']))
      meta['label'] = `Đã gửi, chờ ${PARENT_PLACEHOLDER} duyệt`;
  }
}

/** The definition in the current format (a fresh copy; the input is never changed). */
export function upgradeFlow(def: FlowDefinition): FlowDefinition {
  if (typeof def !== 'object' || def === null || typeof def.states !== 'object' || def.states === null) return def;
  const format = flowFormat(def);
  if (format >= FLOW_FORMAT) return def;
  const copy = JSON.parse(JSON.stringify(def)) as FlowDefinition;
  if (format < 2) upgradeFormat1(def, copy);
  upgradeParentLabels(copy);
  copy.meta = { ...(copy.meta ?? {}), format: FLOW_FORMAT } as FlowDefinition['meta'];
  return copy;
}

function upgradeFormat1(def: FlowDefinition, copy: FlowDefinition): void {
  for (const name of Object.keys(copy.states)) {
    const state = copy.states[name] as Obj;
    if (typeof state !== 'object' || state === null) continue;
    const tags = Array.isArray(state['tags']) ? (state['tags'] as unknown[]).filter((t): t is string => typeof t === 'string') : [];
    if (!tags.some(isStatusTag)) state['tags'] = [inferStatus(def, name), ...tags];
    for (const t of Object.values((state['on'] ?? {}) as Obj))
      for (const one of Array.isArray(t) ? t : [t]) if (typeof one === 'object' && one !== null) upgradeCompileParams(one as Obj);
  }
}
