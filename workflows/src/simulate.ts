/**
 * simulate: every simple path from the initial state to each final state, with the events,
 * guards and actions along it, so an admin sees "what can happen" before publishing.
 * Paths come from @xstate/graph over a twin machine whose guards pick one written
 * transition per explored event, so every alternative of an event is explored.
 */
import { getSimplePaths } from '@xstate/graph';
import { createMachine, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import type { FlowDefinition, SimulatedPath, SimulatedStep } from './types.js';
import { compileFlow, FlowEngineError, type CompiledFlow } from './engine.js';
import type { NormalTransition } from './normalize.js';
import { describeGuard } from './vocabulary.js';

export interface SimulateOptions {
  /** Refuse (FlowEngineError 'INVALID_DEFINITION') rather than explore more path prefixes than this. Default 20 000. */
  maxExplored?: number;
}

interface PickEvent {
  type: string;
  $pick: string;
}

function twinMachine(c: CompiledFlow): {
  machine: AnyStateMachine;
  events: Map<string, PickEvent[]>;
  byId: Map<string, NormalTransition>;
} {
  const states: Record<string, unknown> = {};
  const events = new Map<string, PickEvent[]>();
  const byId = new Map<string, NormalTransition>();
  for (const s of c.flow.states.values()) {
    const on: Record<string, unknown> = {};
    const evs: PickEvent[] = [];
    if (!s.final) {
      for (const [type, list] of s.events) {
        on[type] = list.map((t) => ({ target: t.target, guard: { type: 'pick', params: { id: t.id } } }));
        for (const t of list) {
          evs.push({ type, $pick: t.id });
          byId.set(t.id, t);
        }
      }
    }
    events.set(s.name, evs);
    states[s.name] = s.final ? { type: 'final' } : { on };
  }
  const machine = createMachine({ id: c.flow.id, initial: c.flow.initial, states } as never, {
    guards: {
      pick: ({ event }: { event: PickEvent }, params: { id: string }) => event.$pick === params.id,
    } as never,
  }) as unknown as AnyStateMachine;
  return { machine, events, byId };
}

/** Bounded count of simple-path prefixes, so a dense graph is refused instead of hanging the process. */
function checkSize(c: CompiledFlow, budget: number): void {
  let explored = 0;
  const onPath = new Set<string>();
  const stack: { node: string; next: string[]; i: number }[] = [];
  const succ = (n: string): string[] => {
    const s = c.flow.states.get(n)!;
    return s.final ? [] : [...s.events.values()].flat().map((t) => t.target);
  };
  onPath.add(c.flow.initial);
  stack.push({ node: c.flow.initial, next: succ(c.flow.initial), i: 0 });
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.next.length) {
      onPath.delete(top.node);
      stack.pop();
      continue;
    }
    const n = top.next[top.i++]!;
    if (onPath.has(n)) continue;
    if (++explored > budget)
      throw new FlowEngineError(
        'INVALID_DEFINITION',
        'Quy trình có quá nhiều đường đi để mô phỏng; hãy đơn giản hoá quy trình',
      );
    onPath.add(n);
    stack.push({ node: n, next: succ(n), i: 0 });
  }
}

export function simulate(def: FlowDefinition, options: SimulateOptions = {}): SimulatedPath[] {
  const c = compileFlow(def);
  checkSize(c, options.maxExplored ?? 20_000);
  const { machine, events, byId } = twinMachine(c);
  const label = (s: string): string => c.flow.states.get(s)?.label ?? s;
  const paths = getSimplePaths(machine, {
    events: (snap: AnyMachineSnapshot) => events.get(snap.value as string) ?? [],
    toState: (snap: AnyMachineSnapshot) => snap.status === 'done',
  } as never) as unknown as {
    state: AnyMachineSnapshot;
    steps: { state: AnyMachineSnapshot; event: PickEvent }[];
  }[];

  const order = [...c.flow.states.keys()];
  const result: SimulatedPath[] = paths.map((p) => {
    const steps: SimulatedStep[] = p.steps
      .filter((s) => typeof s.event?.$pick === 'string')
      .map((s) => {
        const t = byId.get(s.event.$pick)!;
        return {
          from: t.source,
          fromLabel: label(t.source),
          event: t.event,
          eventLabel: t.label ?? t.event,
          to: t.target,
          toLabel: label(t.target),
          guards: t.guards.map((g) => g.type),
          guardLabels: t.guards.map((g) => describeGuard(g)),
          actions: t.actions.map((a) => a.type),
          requiresComment: t.requiresComment,
          guardRefs: t.guards.map((g) => ({ ...g })),
          actionRefs: t.actions.map((a) => ({ ...a })),
        };
      });
    const target = p.state.value as string;
    return { target, targetLabel: label(target), steps };
  });
  return result.sort(
    (a, b) => order.indexOf(a.target) - order.indexOf(b.target) || a.steps.length - b.steps.length,
  );
}
