/**
 * A flow definition (XState v5 config in plain JSON, see @bdg/workflows) as an editable graph:
 * states are nodes, transitions are edges. `definitionToGraph` and `graphToDefinition` are
 * inverses: every key the builder does not edit is kept and written back as it was.
 */

export type Json = Record<string, unknown>;

export interface GraphRef {
  type: string;
  params?: Record<string, unknown>;
  /** Written as a bare name in the JSON (only when it has no params). */
  asString?: boolean;
}

export interface StateNode {
  name: string;
  label: string;
  final: boolean;
  /** Other keys of the state (description, tags, meta other than label). */
  extra: Json;
}

export interface TransitionEdge {
  /** `state/EVENT/index`, the same id @bdg/workflows uses. */
  id: string;
  source: string;
  event: string;
  target: string;
  label: string;
  guards: GraphRef[];
  actions: GraphRef[];
  /** How the JSON wrote it, to write it back the same way. */
  style: { asString: boolean; guardAll: boolean; actionsArray: boolean; inList: boolean };
  extra: Json;
}

export interface FlowGraph {
  /** Top-level keys other than `initial` and `states` (id, meta, version, …). */
  root: Json;
  initial: string;
  states: StateNode[];
  transitions: TransitionEdge[];
}

const ALL_GUARD = 'all';

function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readRef(raw: unknown): GraphRef {
  if (typeof raw === 'string') return { type: raw, asString: true };
  const o = isObj(raw) ? raw : {};
  const ref: GraphRef = { type: String(o.type ?? '') };
  if (isObj(o.params)) ref.params = o.params;
  return ref;
}

function writeRef(ref: GraphRef): unknown {
  if (ref.asString && (!ref.params || Object.keys(ref.params).length === 0)) return ref.type;
  return ref.params ? { type: ref.type, params: ref.params } : { type: ref.type };
}

function readGuards(raw: unknown): { guards: GraphRef[]; all: boolean } {
  if (raw === undefined) return { guards: [], all: false };
  if (isObj(raw) && raw.type === ALL_GUARD) {
    const list = isObj(raw.params) && Array.isArray(raw.params.guards) ? raw.params.guards : [];
    return { guards: list.map(readRef), all: true };
  }
  return { guards: [readRef(raw)], all: false };
}

function splitMeta(meta: unknown): { label: string; rest: Json | undefined } {
  if (!isObj(meta)) return { label: '', rest: meta === undefined ? undefined : (meta as Json) };
  const { label, ...rest } = meta;
  return { label: typeof label === 'string' ? label : '', rest: Object.keys(rest).length ? rest : undefined };
}

export function transitionId(source: string, event: string, index: number): string {
  return `${source}/${event}/${index}`;
}

export function definitionToGraph(def: Json): FlowGraph {
  const { initial, states, ...root } = def;
  const graph: FlowGraph = {
    root,
    initial: typeof initial === 'string' ? initial : '',
    states: [],
    transitions: [],
  };
  for (const [name, rawState] of Object.entries(isObj(states) ? states : {})) {
    const s = isObj(rawState) ? rawState : {};
    const { on, type, meta, ...rest } = s;
    const m = splitMeta(meta);
    const extra: Json = { ...rest };
    if (m.rest) extra.meta = m.rest;
    if (type !== undefined && type !== 'final') extra.type = type;
    graph.states.push({ name, label: m.label, final: type === 'final', extra });
    if (on !== undefined && !isObj(on)) extra.on = on;
    for (const [event, rawT] of Object.entries(isObj(on) ? on : {})) {
      const list = Array.isArray(rawT) ? rawT : [rawT];
      list.forEach((t, index) => {
        const asString = typeof t === 'string';
        const o: Json = asString ? { target: t } : isObj(t) ? t : {};
        const { target, guard, actions, meta: tMeta, ...tRest } = o;
        const g = readGuards(guard);
        const tm = splitMeta(tMeta);
        const tExtra: Json = { ...tRest };
        if (tm.rest) tExtra.meta = tm.rest;
        graph.transitions.push({
          id: transitionId(name, event, index),
          source: name,
          event,
          target: typeof target === 'string' ? target : '',
          label: tm.label,
          guards: g.guards,
          actions: actions === undefined ? [] : (Array.isArray(actions) ? actions : [actions]).map(readRef),
          style: {
            asString,
            guardAll: g.all,
            actionsArray: Array.isArray(actions) || actions === undefined,
            inList: Array.isArray(rawT),
          },
          extra: tExtra,
        });
      });
    }
  }
  return graph;
}

function writeTransition(t: TransitionEdge): unknown {
  const plain = !t.label && !t.guards.length && !t.actions.length && !Object.keys(t.extra).length;
  if (plain && t.style.asString) return t.target;
  const out: Json = { target: t.target };
  if (t.guards.length === 1 && !t.style.guardAll) out.guard = writeRef(t.guards[0]!);
  else if (t.guards.length) out.guard = { type: ALL_GUARD, params: { guards: t.guards.map(writeRef) } };
  if (t.actions.length === 1 && !t.style.actionsArray) out.actions = writeRef(t.actions[0]!);
  else if (t.actions.length) out.actions = t.actions.map(writeRef);
  const { meta: extraMeta, ...rest } = t.extra;
  if (t.label || extraMeta)
    out.meta = { ...(isObj(extraMeta) ? extraMeta : {}), ...(t.label ? { label: t.label } : {}) };
  return { ...out, ...rest };
}

export function graphToDefinition(graph: FlowGraph): Json {
  const states: Json = {};
  for (const s of graph.states) {
    const { meta: extraMeta, on: rawOn, ...rest } = s.extra;
    const out: Json = {};
    if (s.final) out.type = 'final';
    if (s.label || extraMeta)
      out.meta = { ...(isObj(extraMeta) ? extraMeta : {}), ...(s.label ? { label: s.label } : {}) };
    Object.assign(out, rest);
    const mine = graph.transitions.filter((t) => t.source === s.name);
    if (mine.length) {
      const on: Json = {};
      for (const t of mine) {
        const list = (on[t.event] as unknown[] | undefined) ?? [];
        list.push(writeTransition(t));
        on[t.event] = list;
      }
      for (const [event, list] of Object.entries(on) as [string, unknown[]][]) {
        const inList = mine.some((t) => t.event === event && t.style.inList);
        if (list.length === 1 && !inList) on[event] = list[0];
      }
      out.on = on;
    } else if (rawOn !== undefined) out.on = rawOn;
    states[s.name] = out;
  }
  return { ...graph.root, initial: graph.initial, states };
}

/** Re-number transition ids after edits (index within the same state and event). */
export function reindex(transitions: TransitionEdge[]): TransitionEdge[] {
  const seen = new Map<string, number>();
  return transitions.map((t) => {
    const key = `${t.source}/${t.event}`;
    const i = seen.get(key) ?? 0;
    seen.set(key, i + 1);
    return { ...t, id: transitionId(t.source, t.event, i) };
  });
}
