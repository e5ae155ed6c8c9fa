import { describe, expect, it } from 'vitest';
import { lintFlow } from '@bdg/workflows';
import { definitionToGraph, graphToDefinition } from './flow-graph';
import {
  addState,
  addTransition,
  findingTarget,
  localPaths,
  removeState,
  removeTransition,
  setFinal,
  setStateLabel,
  setStateLocked,
  setStateStatus,
  stateTagsOf,
  structuralChecks,
  updateTransition,
} from './flow-edit';
import { truongFlow } from './fixtures';
import { layoutGraph } from './layout';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('definitionToGraph / graphToDefinition', () => {
  it('reads states as nodes and transitions as labelled edges', () => {
    const sut = definitionToGraph(clone(truongFlow));
    expect(sut.initial).toBe('draft');
    expect(sut.states.map((s) => [s.name, s.label, s.final])).toEqual([
      ['draft', 'Soạn thảo', false],
      ['pending_signature', 'Chờ ký', false],
      ['submitted', 'Đã gửi', false],
      ['returned', 'Bị trả lại', false],
      ['accepted', 'Đã chấp nhận', true],
    ]);
    const submit = sut.transitions.find((t) => t.id === 'draft/SUBMIT/0')!;
    expect(submit).toMatchObject({ target: 'pending_signature', label: 'Gửi ký' });
    expect(submit.guards.map((g) => g.type)).toEqual(['hasRole', 'formIsValid']);
    expect(submit.actions.map((a) => a.type)).toEqual(['lockData', 'notify']);
    expect(sut.transitions.map((t) => t.id)).toContain('pending_signature/REJECT/0');
  });

  it('round-trips the definition unchanged', () => {
    expect(graphToDefinition(definitionToGraph(clone(truongFlow)))).toEqual(truongFlow);
  });

  it('round-trips after an edit that is undone', () => {
    const g = definitionToGraph(clone(truongFlow));
    const edited = setStateLabel(g, 'draft', 'Khác');
    expect(graphToDefinition(setStateLabel(edited, 'draft', 'Soạn thảo'))).toEqual(truongFlow);
  });

  it('writes one guard as a name or ref, several as "all", and labels in meta', () => {
    const g = definitionToGraph(clone(truongFlow));
    const r = addTransition(g, {
      source: 'submitted',
      event: 'RECALL',
      target: 'draft',
      label: 'Rút lại',
      guards: [
        { type: 'hasRole', params: { role: 'head' } },
        { type: 'beforeDeadline', asString: true },
      ],
      actions: [{ type: 'unlockData', asString: true }],
    });
    if ('error' in r) throw new Error(r.error);
    const def = graphToDefinition(r.graph) as typeof truongFlow;
    expect((def.states.submitted.on as Record<string, unknown>).RECALL).toEqual({
      target: 'draft',
      guard: {
        type: 'all',
        params: { guards: [{ type: 'hasRole', params: { role: 'head' } }, 'beforeDeadline'] },
      },
      actions: ['unlockData'],
      meta: { label: 'Rút lại' },
    });
    expect(lintFlow(def).filter((f) => f.path.startsWith('/states/submitted/on/RECALL'))).toEqual([]);
  });
});

describe('flow edits', () => {
  const g = () => definitionToGraph(clone(truongFlow));

  it.each([
    [{ event: 'submit' }, /viết HOA/],
    [{ target: '' }, /trạng thái đích/],
    [{ source: 'accepted' }, /kết thúc không có chuyển tiếp/],
  ])('refuses a bad transition %o', (patch, msg) => {
    const r = addTransition(g(), {
      source: 'draft',
      event: 'X',
      target: 'draft',
      label: '',
      guards: [],
      actions: [],
      ...patch,
    });
    expect(r).toHaveProperty('error');
    if ('error' in r) expect(r.error).toMatch(msg);
  });

  it('updates and removes transitions, re-numbering ids', () => {
    const g0 = g();
    const r = updateTransition(g0, 'submitted/RETURN/0', {
      source: 'submitted',
      event: 'RETURN',
      target: 'draft',
      label: 'Trả',
      guards: [],
      actions: [],
    });
    if ('error' in r) throw new Error(r.error);
    expect(r.graph.transitions.find((t) => t.id === 'submitted/RETURN/0')!.target).toBe('draft');
    const g2 = removeTransition(r.graph, 'submitted/ACCEPT/0');
    expect(g2.transitions.some((t) => t.event === 'ACCEPT')).toBe(false);
  });

  it('sets a state meaning (one status tag, plus the locked flag) that lint accepts', () => {
    const g = definitionToGraph(truongFlow as never);
    const added = addState(g, 'cho_pht', 'Chờ phó hiệu trưởng duyệt');
    if (!('graph' in added)) throw new Error(added.error);
    expect(stateTagsOf(added.graph, 'cho_pht')).toEqual(['editing']);
    const meaning = setStateLocked(setStateStatus(added.graph, 'cho_pht', 'awaitingApproval'), 'cho_pht', true);
    expect(stateTagsOf(meaning, 'cho_pht')).toEqual(['awaitingApproval', 'locked']);
    expect(stateTagsOf(setStateStatus(meaning, 'cho_pht', 'submitted'), 'cho_pht')).toEqual(['submitted', 'locked']);
    const findings = lintFlow(graphToDefinition(meaning)).filter((f) => f.path.startsWith('/states/cho_pht/tags'));
    expect(findings).toEqual([]);
  });

  it('removes a state with its transitions, but never the initial one', () => {
    expect(removeState(g(), 'draft')).toHaveProperty('error');
    const r = removeState(g(), 'returned');
    if ('error' in r) throw new Error(r.error);
    expect(r.graph.transitions.some((t) => t.source === 'returned' || t.target === 'returned')).toBe(false);
    expect(setFinal(g(), 'draft', true)).toHaveProperty('error');
  });

  it('maps finding paths to states and transitions', () => {
    expect(findingTarget(g(), '/states/submitted/on/RETURN/guard')).toEqual({
      state: 'submitted',
      transitionId: 'submitted/RETURN/0',
    });
    expect(findingTarget(g(), '/states/pending_signature/on/REJECT/0/actions')).toEqual({
      state: 'pending_signature',
      transitionId: 'pending_signature/REJECT/0',
    });
    expect(findingTarget(g(), '/states/accepted')).toEqual({ state: 'accepted' });
  });

  it('finds a cycle that never ends, locally and in @bdg/workflows', () => {
    const a = addState(g(), 'loop', 'Vòng');
    if ('error' in a) throw new Error(a.error);
    const b = addTransition(a.graph, {
      source: 'draft',
      event: 'LOOP',
      target: 'loop',
      label: '',
      guards: [],
      actions: [],
    });
    if ('error' in b) throw new Error(b.error);
    const c = addTransition(b.graph, {
      source: 'loop',
      event: 'BACK',
      target: 'loop',
      label: '',
      guards: [],
      actions: [],
    });
    if ('error' in c) throw new Error(c.error);
    expect(structuralChecks(c.graph).map((f) => f.message)).toEqual([expect.stringMatching(/đi vòng mãi/)]);
    expect(lintFlow(graphToDefinition(c.graph)).some((f) => f.severity === 'error')).toBe(true);
  });

  it('lists every path from start to end', () => {
    const paths = localPaths(g()).map((p) => p.steps.map((s) => s.event).join(' → '));
    expect(paths).toContain('SUBMIT → SIGN → ACCEPT');
    expect(paths).toContain('SUBMIT → SIGN → RETURN → SUBMIT → SIGN → ACCEPT');
    expect(paths).toContain('SUBMIT → REJECT → SUBMIT → SIGN → ACCEPT');
  });

  it('lays out every state', async () => {
    const graph = g();
    const pos = await layoutGraph(
      graph.states.map((s) => ({ id: s.name })),
      graph.transitions,
    );
    expect(pos.map((p) => p.id).sort()).toEqual(graph.states.map((s) => s.name).sort());
    const y = Object.fromEntries(pos.map((p) => [p.id, p.y]));
    expect(y.draft!).toBeLessThan(y.accepted!);
  });
});
