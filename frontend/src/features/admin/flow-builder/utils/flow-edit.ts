/** Pure edits of a flow graph, each returning a new graph or a Vietnamese refusal. */
import { isStatusTag } from '@bdg/workflows';
import { reindex, type FlowGraph, type GraphRef, type TransitionEdge } from './flow-graph';

export const STATE_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
export const EVENT_NAME = /^[A-Z][A-Z0-9_]{0,63}$/;

export type EditResult = { graph: FlowGraph } | { error: string };

export function setStateLabel(graph: FlowGraph, name: string, label: string): FlowGraph {
  return { ...graph, states: graph.states.map((s) => (s.name === name ? { ...s, label } : s)) };
}

export function addState(graph: FlowGraph, name: string, label: string): EditResult {
  if (!STATE_NAME.test(name))
    return { error: 'Mã trạng thái chỉ gồm chữ không dấu, số, _ hoặc -, bắt đầu bằng chữ.' };
  if (graph.states.some((s) => s.name === name)) return { error: `Đã có trạng thái “${name}”.` };
  // A new state starts as "being written" (a status tag is required); the admin picks its real meaning.
  return { graph: { ...graph, states: [...graph.states, { name, label, final: false, extra: { tags: ['editing'] } }] } };
}

/** A state's tags (its meaning, @bdg/workflows "State tags"), kept with the other keys the builder does not draw. */
export function stateTagsOf(graph: FlowGraph, name: string): string[] {
  const tags = graph.states.find((s) => s.name === name)?.extra.tags;
  return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
}

/** Sets the one status tag of a state, keeping its other tags (e.g. `locked`). */
export function setStateStatus(graph: FlowGraph, name: string, status: string): FlowGraph {
  const others = stateTagsOf(graph, name).filter((t) => !isStatusTag(t));
  return setTags(graph, name, [status, ...others]);
}

/** Adds or removes the `locked` tag: the data stays locked in this state whatever its status says. */
export function setStateLocked(graph: FlowGraph, name: string, locked: boolean): FlowGraph {
  const tags = stateTagsOf(graph, name).filter((t) => t !== 'locked');
  return setTags(graph, name, locked ? [...tags, 'locked'] : tags);
}

function setTags(graph: FlowGraph, name: string, tags: string[]): FlowGraph {
  return { ...graph, states: graph.states.map((s) => (s.name === name ? { ...s, extra: { ...s.extra, tags } } : s)) };
}

export function removeState(graph: FlowGraph, name: string): EditResult {
  if (graph.initial === name)
    return { error: 'Không xoá được trạng thái bắt đầu; hãy chọn trạng thái bắt đầu khác trước.' };
  return {
    graph: {
      ...graph,
      states: graph.states.filter((s) => s.name !== name),
      transitions: reindex(graph.transitions.filter((t) => t.source !== name && t.target !== name)),
    },
  };
}

export function setFinal(graph: FlowGraph, name: string, final: boolean): EditResult {
  if (final && graph.transitions.some((t) => t.source === name)) {
    return { error: 'Trạng thái kết thúc không có chuyển tiếp đi ra: hãy xoá các chuyển tiếp của nó trước.' };
  }
  if (final && graph.initial === name)
    return { error: 'Trạng thái bắt đầu không thể là trạng thái kết thúc.' };
  return { graph: { ...graph, states: graph.states.map((s) => (s.name === name ? { ...s, final } : s)) } };
}

export function setInitial(graph: FlowGraph, name: string): EditResult {
  const s = graph.states.find((x) => x.name === name);
  if (!s) return { error: `Không có trạng thái “${name}”.` };
  if (s.final) return { error: 'Trạng thái kết thúc không thể là trạng thái bắt đầu.' };
  return { graph: { ...graph, initial: name } };
}

export interface TransitionInput {
  source: string;
  event: string;
  target: string;
  label: string;
  guards: GraphRef[];
  actions: GraphRef[];
}

function checkTransition(graph: FlowGraph, t: TransitionInput): string | null {
  if (!EVENT_NAME.test(t.event)) return 'Tên sự kiện viết HOA không dấu, ví dụ SUBMIT, RETURN.';
  if (!graph.states.some((s) => s.name === t.source)) return `Không có trạng thái nguồn “${t.source}”.`;
  if (!graph.states.some((s) => s.name === t.target)) return 'Hãy chọn trạng thái đích.';
  if (graph.states.find((s) => s.name === t.source)?.final)
    return 'Trạng thái kết thúc không có chuyển tiếp đi ra.';
  if (t.guards.some((g) => !g.type) || t.actions.some((a) => !a.type))
    return 'Hãy chọn điều kiện/hành động từ danh sách.';
  return null;
}

export function addTransition(graph: FlowGraph, t: TransitionInput): EditResult {
  const err = checkTransition(graph, t);
  if (err) return { error: err };
  const edge: TransitionEdge = {
    id: '',
    ...t,
    style: { asString: false, guardAll: false, actionsArray: true, inList: false },
    extra: {},
  };
  // Keep the new transition next to the others of the same state so the JSON stays grouped.
  const lastOfSource = graph.transitions.map((x) => x.source).lastIndexOf(t.source);
  const list = [...graph.transitions];
  list.splice(lastOfSource < 0 ? list.length : lastOfSource + 1, 0, edge);
  return { graph: { ...graph, transitions: reindex(list) } };
}

export function updateTransition(graph: FlowGraph, id: string, t: TransitionInput): EditResult {
  const err = checkTransition(graph, t);
  if (err) return { error: err };
  const i = graph.transitions.findIndex((x) => x.id === id);
  if (i < 0) return { error: 'Không tìm thấy chuyển tiếp.' };
  const list = [...graph.transitions];
  const old = list[i]!;
  list[i] = { ...old, ...t };
  if (old.source !== t.source) {
    list.splice(i, 1);
    const last = list.map((x) => x.source).lastIndexOf(t.source);
    list.splice(last < 0 ? list.length : last + 1, 0, { ...old, ...t });
  }
  return { graph: { ...graph, transitions: reindex(list) } };
}

export function removeTransition(graph: FlowGraph, id: string): FlowGraph {
  return { ...graph, transitions: reindex(graph.transitions.filter((t) => t.id !== id)) };
}

/** The state or transition a finding's JSON Pointer (into the definition) is about. */
export function findingTarget(graph: FlowGraph, path: string): { state?: string; transitionId?: string } {
  const segs = path
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (segs[0] === 'initial') return { state: graph.initial };
  if (segs[0] !== 'states' || !segs[1]) return {};
  const state = segs[1];
  if (segs[2] === 'on' && segs[3]) {
    const index = segs[4] !== undefined && /^\d+$/.test(segs[4]) ? Number(segs[4]) : 0;
    const id = `${state}/${segs[3]}/${index}`;
    if (graph.transitions.some((t) => t.id === id)) return { state, transitionId: id };
  }
  return { state };
}

export interface LocalFinding {
  severity: 'error' | 'warning';
  path: string;
  message: string;
}

/**
 * Structural checks used only when @bdg/workflows has no lintFlow yet (the package is the
 * authority): targets exist, every state reachable, every state can reach an end.
 */
export function structuralChecks(graph: FlowGraph): LocalFinding[] {
  const out: LocalFinding[] = [];
  const names = new Set(graph.states.map((s) => s.name));
  const label = (n: string) => graph.states.find((s) => s.name === n)?.label || n;
  if (!names.has(graph.initial))
    out.push({ severity: 'error', path: '/initial', message: 'Chưa chọn trạng thái bắt đầu.' });
  if (!graph.states.some((s) => s.final))
    out.push({ severity: 'error', path: '/states', message: 'Quy trình chưa có trạng thái kết thúc.' });
  for (const t of graph.transitions) {
    if (!names.has(t.target)) {
      out.push({
        severity: 'error',
        path: `/states/${t.source}/on/${t.event}`,
        message: `Chuyển tiếp ${t.event} trỏ tới trạng thái không tồn tại “${t.target}”.`,
      });
    }
  }
  const next = (n: string) => graph.transitions.filter((t) => t.source === n).map((t) => t.target);
  const reach = new Set<string>();
  const stack = names.has(graph.initial) ? [graph.initial] : [];
  while (stack.length) {
    const n = stack.pop()!;
    if (reach.has(n)) continue;
    reach.add(n);
    stack.push(...next(n));
  }
  for (const s of graph.states) {
    if (!reach.has(s.name))
      out.push({
        severity: 'error',
        path: `/states/${s.name}`,
        message: `Không thể đi tới trạng thái «${label(s.name)}» từ trạng thái bắt đầu.`,
      });
  }
  const canEnd = new Set(graph.states.filter((s) => s.final).map((s) => s.name));
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of graph.states) {
      if (!canEnd.has(s.name) && next(s.name).some((n) => canEnd.has(n))) {
        canEnd.add(s.name);
        grew = true;
      }
    }
  }
  for (const s of graph.states) {
    if (reach.has(s.name) && !canEnd.has(s.name)) {
      out.push({
        severity: 'error',
        path: `/states/${s.name}`,
        message: next(s.name).length
          ? `Từ «${label(s.name)}» quy trình đi vòng mãi, không bao giờ tới trạng thái kết thúc.`
          : `Trạng thái «${label(s.name)}» không có lối ra và không phải trạng thái kết thúc.`,
      });
    }
  }
  return out;
}

export interface LocalStep {
  from: string;
  event: string;
  eventLabel: string;
  to: string;
}

/** Fallback simulation (when @bdg/workflows has no simulate yet): each transition at most twice per path. */
export function localPaths(graph: FlowGraph, limit = 200): { target: string; steps: LocalStep[] }[] {
  const out: { target: string; steps: LocalStep[] }[] = [];
  const finals = new Set(graph.states.filter((s) => s.final).map((s) => s.name));
  const walk = (state: string, steps: LocalStep[], used: Map<string, number>) => {
    if (out.length >= limit || steps.length > 24) return;
    if (finals.has(state)) {
      out.push({ target: state, steps });
      return;
    }
    for (const t of graph.transitions.filter((x) => x.source === state)) {
      if ((used.get(t.id) ?? 0) >= 2) continue;
      const u = new Map(used);
      u.set(t.id, (used.get(t.id) ?? 0) + 1);
      walk(
        t.target,
        [...steps, { from: state, event: t.event, eventLabel: t.label || t.event, to: t.target }],
        u,
      );
    }
  };
  if (graph.initial) walk(graph.initial, [], new Map());
  return out;
}
