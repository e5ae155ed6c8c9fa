/** What the builder knows about the flow being drawn: its definition, lint findings on the graph, simulated paths. */
import { useMemo } from 'react';
import { lintFlowDef, simulateFlow, type Finding } from '../../domain/bdg';
import { findingTarget } from '../utils/flow-edit';
import { graphToDefinition, type FlowGraph } from '../utils/flow-graph';
import type { LoopView, PathView } from '../components/SimulationPanel';

export type Selection = { state?: string; transitionId?: string; addingFrom?: string };
export type PlacedFinding = Finding & { target: Selection };

export function useFlowChecks(graph: FlowGraph, serverIssues: Finding[]) {
  const def = useMemo(() => graphToDefinition(graph), [graph]);
  const findings: PlacedFinding[] = useMemo(() => {
    const lint: Finding[] = lintFlowDef(def);
    return [...lint, ...serverIssues].map((f) => ({ ...f, target: findingTarget(graph, f.path) }));
  }, [def, graph, serverIssues]);
  const errors = useMemo(() => findings.filter((f) => f.severity === 'error'), [findings]);
  const problemsByState = useMemo(() => {
    const m = new Map<string, number>();
    for (const f of errors)
      if (f.target.state && !f.target.transitionId) m.set(f.target.state, (m.get(f.target.state) ?? 0) + 1);
    return m;
  }, [errors]);
  const problemTransitions = useMemo(
    () => new Set(errors.map((f) => f.target.transitionId).filter((x): x is string => !!x)),
    [errors],
  );
  return { def, findings, errors, problemsByState, problemTransitions };
}

export function stateLabelOf(graph: FlowGraph): (name: string) => string {
  return (n) => graph.states.find((s) => s.name === n)?.label || n;
}

/** Paths from the start to each end (null while the flow has errors), and the transitions on none of them (loops back). */
export function useFlowSimulation(graph: FlowGraph, def: Record<string, unknown>, errorCount: number) {
  const paths: PathView[] | null = useMemo(() => {
    if (errorCount) return null;
    const sim = simulateFlow(def);
    if (!sim) return null;
    const stateLabel = stateLabelOf(graph);
    return sim.map((p) => ({
      target: p.target,
      targetLabel: stateLabel(p.target),
      startLabel: stateLabel(graph.initial),
      steps: p.steps.map((s) => ({
        key: `${s.from}|${s.event}|${s.to}`,
        event: s.event,
        eventLabel: s.eventLabel || s.event,
        toLabel: stateLabel(s.to),
        guards: ((s as { guardLabels?: string[] }).guardLabels ?? []) as string[],
      })),
    }));
  }, [def, graph, errorCount]);

  // Transitions on no simple path are the loops back (returns, resubmissions): listed apart so every transition shows.
  const loops: LoopView[] = useMemo(() => {
    if (!paths) return [];
    const stateLabel = stateLabelOf(graph);
    const used = new Set(paths.flatMap((p) => p.steps.map((s) => s.key)));
    return graph.transitions
      .filter((t) => !used.has(`${t.source}|${t.event}|${t.target}`))
      .map((t) => ({ fromLabel: stateLabel(t.source), event: t.event, eventLabel: t.label || t.event, toLabel: stateLabel(t.target) }));
  }, [paths, graph]);
  return { paths, loops };
}
