import { isLeaf, toPointer, typesOf, walkFields, type JsonSchema } from '@bdg/schemas';
import type { ProgressCounts } from '../../../shared/api/types';

/** Share handed in (0–100, one decimal), from the server's counts (done = a state tagged submitted/done). */
export function donePercent(c: Pick<ProgressCounts, 'total' | 'done'>): number {
  return c.total ? Math.round((c.done / c.total) * 1000) / 10 : 0;
}

/** The states of some counts as labelled segments, in a stable order (most advanced last). */
export function stateSegments(byState: Record<string, number>, labels: Record<string, string>): { state: string; label: string; count: number }[] {
  return Object.entries(byState)
    .filter(([, n]) => n > 0)
    .map(([state, count]) => ({ state, label: labels[state] ?? state, count }))
    .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
}

/** "12 Đang soạn · 3 Đã gửi": the counts by state label, for a unit's bar. */
export function stateSummary(byState: Record<string, number>, labels: Record<string, string>, format: (n: number) => string = String): string {
  return stateSegments(byState, labels)
    .map((s) => `${format(s.count)} ${s.label}`)
    .join(' · ');
}

/**
 * Numeric fields of a schema outside tables and free-named parts, as chart indicators: computed ratios first.
 * The fields are those the schema walker of @bdg/schemas sees (branches, `$ref`s and `allOf` included).
 */
export function numericIndicators(schema: Record<string, unknown>): { pointer: string; title: string; computed: boolean }[] {
  const out: { pointer: string; title: string; computed: boolean }[] = [];
  walkFields(schema as JsonSchema, (f) => {
    if (f.inArray || f.inMap) return false;
    const types = typesOf(f.schema);
    if (!isLeaf(f.schema) || !(types.includes('number') || types.includes('integer'))) return;
    const key = f.segments[f.segments.length - 1]!;
    const agg = f.schema['x-aggregate'];
    const ratio = typeof agg === 'object' && agg !== null && 'ratio' in agg;
    out.push({ pointer: toPointer(f.segments), title: typeof f.schema.title === 'string' ? f.schema.title : key, computed: typeof f.schema['x-computed'] === 'string' || ratio });
  });
  return out.sort((a, b) => Number(b.computed) - Number(a.computed));
}
