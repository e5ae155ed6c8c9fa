import { isHandedInTags } from '@bdg/workflows';
import type { RoundProgress } from '../../../shared/api/types';

/** Handed in = its state means submitted or done (the server reads the state's tags; names are the flow's own). */
const handedIn = (u: RoundProgress['units'][number]) => u.handedIn ?? isHandedInTags(u.stateTags ?? []);

export interface UnitCompletion {
  unitId: string;
  unitName: string;
  total: number;
  done: number;
  late: number;
  percent: number;
}

type ProgressUnit = RoundProgress['units'][number];

/**
 * How much of a handed-in unit counts as done: all of it, or for a compiled report only the share of its
 * children its figures include (a Sở that published with 1 of its 3 Phòng counts as one third).
 */
export function doneShare(u: ProgressUnit): number {
  if (!handedIn(u)) return 0;
  const c = u.coverage;
  return c && c.expected > 0 ? Math.min(1, c.included / c.expected) : 1;
}

/** Completion per parent unit: of its children's submissions, how many are handed in, how many late. */
export function completionByParent(progress: RoundProgress): UnitCompletion[] {
  const names = new Map(progress.units.map((u) => [u.unitId, u.unitName]));
  const groups = new Map<string, UnitCompletion>();
  for (const u of progress.units) {
    if (!u.parentId || !names.has(u.parentId)) continue;
    const g = groups.get(u.parentId) ?? { unitId: u.parentId, unitName: names.get(u.parentId)!, total: 0, done: 0, late: 0, percent: 0 };
    g.total += 1;
    g.done += doneShare(u);
    if (u.late) g.late += 1;
    groups.set(u.parentId, g);
  }
  return [...groups.values()]
    .map((g) => ({ ...g, percent: g.total ? Math.round((g.done / g.total) * 1000) / 10 : 0 }))
    .sort((a, b) => a.percent - b.percent || a.unitName.localeCompare(b.unitName, 'vi'));
}

export function levelCompletion(level: RoundProgress['levels'][number], units?: readonly ProgressUnit[]): number {
  const done = units ? units.filter((u) => u.kind === level.kind).reduce((n, u) => n + doneShare(u), 0) : (level.done ?? 0);
  return level.total ? Math.round((done / level.total) * 1000) / 10 : 0;
}

/** Numeric leaf fields of a schema, as chart indicators: computed ratios first. */
export function numericIndicators(schema: Record<string, unknown>): { pointer: string; title: string; computed: boolean }[] {
  const out: { pointer: string; title: string; computed: boolean }[] = [];
  const walk = (s: Record<string, unknown>, path: string[], titles: string[]) => {
    const props = s.properties as Record<string, Record<string, unknown>> | undefined;
    if (!props) return;
    for (const [k, p] of Object.entries(props)) {
      const t = Array.isArray(p.type) ? p.type : [p.type];
      const title = typeof p.title === 'string' ? p.title : k;
      if (p.properties) walk(p, [...path, k], [...titles, title]);
      else if (t.includes('number') || t.includes('integer')) {
        const agg = p['x-aggregate'];
        out.push({ pointer: '/' + [...path, k].join('/'), title, computed: typeof p['x-computed'] === 'string' || (typeof agg === 'object' && agg !== null && 'ratio' in agg) });
      }
    }
  };
  walk(schema, [], []);
  return out.sort((a, b) => Number(b.computed) - Number(a.computed));
}
