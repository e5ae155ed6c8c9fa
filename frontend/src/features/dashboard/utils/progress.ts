import type { ProgressCounts } from '../../../shared/api/types';
import { toPointer, walkFields, type JsonSchema } from '../../../shared/schema-form/schema-lib';

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

/** Numeric leaf fields of a schema (not inside tables or maps), as chart indicators: computed ratios first. */
export function numericIndicators(schema: Record<string, unknown>): { pointer: string; title: string; computed: boolean }[] {
  const out: { pointer: string; title: string; computed: boolean }[] = [];
  // The one schema walker (@bdg/schemas): objects are entered, table rows and map values are not.
  walkFields(schema as JsonSchema, ({ segments, schema: p, inArray, inMap }) => {
    if (inArray || inMap) return false;
    if (p.properties) return true;
    const t = Array.isArray(p.type) ? p.type : [p.type];
    if (!t.includes('number') && !t.includes('integer')) return false;
    const agg = p['x-aggregate'];
    const title = typeof p.title === 'string' ? p.title : segments[segments.length - 1]!;
    out.push({ pointer: toPointer(segments), title, computed: typeof p['x-computed'] === 'string' || (typeof agg === 'object' && agg !== null && 'ratio' in agg) });
    return false;
  });
  return out.sort((a, b) => Number(b.computed) - Number(a.computed));
}
