/** The events a flow already uses, by their Vietnamese labels (from @bdg/workflows); the code is the advanced detail. */
import { eventLabelsOf } from '@bdg/workflows';
import { graphToDefinition, type FlowGraph } from './flow-graph';

export interface EventOption {
  /** The event code stored in the definition. */
  code: string;
  /** Its Vietnamese label (the first written for it), or '' when none is written yet. */
  label: string;
}

export function eventOptions(graph: FlowGraph): EventOption[] {
  const labels = eventLabelsOf(graphToDefinition(graph));
  const codes = [...new Set(graph.transitions.map((t) => t.event))];
  return codes
    .map((code) => ({ code, label: labels.get(code) ?? '' }))
    .sort((a, b) => (a.label || a.code).localeCompare(b.label || b.code, 'vi'));
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();

/** Does what the admin typed match an event, by its label (accents optional) or its code? */
export function eventMatches(input: string, option: EventOption): boolean {
  const q = fold(input.trim());
  return !q || fold(option.label).includes(q) || fold(option.code).includes(q);
}
