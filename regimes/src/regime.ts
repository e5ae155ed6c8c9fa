import type { WorkingCalendar } from './calendar.js';
import { addDays, type IsoDate, isoDate } from './dates.js';
import {
  checkDeadlines,
  type DeadlineFinding,
  type DeadlineRule,
  parseDayMonth,
  periodEndYear,
  resolveDeadline,
  type ResolvedDeadline,
} from './deadline.js';
import { type CutOff, defaultCutOff, type Frequency, nextPeriod, type Period, periodCode, periodLabel } from './period.js';

/** A reporting regime (chế độ báo cáo) as data: what an admin declares once, and rounds follow. */
export interface Regime {
  code: string;
  name: string;
  /** The template; without `version`, the latest published version when the round opens. */
  template: { code: string; version?: number };
  frequency: Frequency;
  /** Half-year regimes: which halves run (default both); quarter regimes: which quarters. */
  halves?: Array<1 | 2>;
  quarters?: Array<1 | 2 | 3 | 4>;
  /** Multi-year regimes: the first period, e.g. "2021-2030". */
  firstPeriod?: string;
  /** Overrides Nghị định 09's cut-off, day/month ("15/10" → "14/10"); only for one period a year. */
  cutOff?: { from: string; to: string };
  /** When the round opens: days before its earliest deadline (default 30), or a day/month. */
  opens?: { daysBeforeFirstDeadline: number } | { date: string };
  /** The unit at the root of the target subtree, by code. */
  rootUnitCode: string;
  /** Flow code per unit kind. */
  flows: Record<string, string>;
  /** Levels from the leaves up, each with its deadline rule. */
  levels: Array<{ kinds: string[]; label: string; deadline: DeadlineRule }>;
  /** Fixed recipients (nơi nhận) besides the receiving unit of each level; copied into each round. */
  recipients?: string[];
  /** Working days a unit may be late before its parent's reviewer is told (default 2). */
  escalateAfterWorkingDays?: number;
}

export interface PlannedRound {
  period: string;
  periodLabel: string;
  name: string;
  opensOn: IsoDate;
  cutOff: CutOff;
  deadlines: Array<{ kinds: string[]; label: string } & ResolvedDeadline>;
  findings: DeadlineFinding[];
}

export function regimeCutOff(regime: Regime, period: Period): CutOff {
  if (!regime.cutOff) return defaultCutOff(period);
  const [fd, fm] = parseDayMonth(regime.cutOff.from)!;
  const [td, tm] = parseDayMonth(regime.cutOff.to)!;
  const endYear = periodEndYear(period);
  const to = isoDate(endYear, tm, td);
  const sameYear = isoDate(endYear, fm, fd);
  const from = sameYear <= to ? sameYear : isoDate(endYear - 1, fm, fd);
  return { from: period.kind === 'multi-year' ? isoDate(period.from - 1, fm, fd) : from, to };
}

function runs(regime: Regime, p: Period): boolean {
  if (p.kind === 'half-year') return !regime.halves || regime.halves.includes(p.half);
  if (p.kind === 'quarter') return !regime.quarters || regime.quarters.includes(p.quarter);
  return true;
}

/** Kinds of unit that report under each level: their parent-child pairs come from the tree. */
export function planRound(regime: Regime, period: Period, calendar: WorkingCalendar, edges: Array<[string, string]> = []): PlannedRound {
  const cutOff = regimeCutOff(regime, period);
  const deadlines = regime.levels.map((l) => ({ kinds: l.kinds, label: l.label, ...resolveDeadline(l.deadline, period, cutOff, calendar) }));
  // Without the tree, levels are taken as listed: each one the parent of the one before.
  const levelEdges: Array<[string, string]> = edges.length
    ? edges
    : regime.levels.slice(1).flatMap((l, i) => l.kinds.flatMap((pk) => regime.levels[i]!.kinds.map((ck): [string, string] => [pk, ck])));
  const findings = checkDeadlines(deadlines, levelEdges, cutOff, calendar);
  const first = deadlines.map((d) => d.date).sort()[0]!;
  const opens = regime.opens ?? { daysBeforeFirstDeadline: 30 };
  let opensOn: IsoDate;
  if ('date' in opens) {
    const [d, m] = parseDayMonth(opens.date)!;
    opensOn = isoDate(periodEndYear(period), m, d);
  } else opensOn = addDays(first, -opens.daysBeforeFirstDeadline);
  const label = periodLabel(period);
  return { period: periodCode(period), periodLabel: label, name: `${regime.name} — ${label}`, opensOn, cutOff, deadlines, findings };
}

function firstCandidate(regime: Regime, year: number): Period {
  switch (regime.frequency) {
    case 'half-year':
      return { kind: 'half-year', year, half: 1 };
    case 'quarter':
      return { kind: 'quarter', year, quarter: 1 };
    case 'year':
    case 'ad-hoc':
      return { kind: 'year', year };
    case 'multi-year': {
      const [from, to] = (regime.firstPeriod ?? `${year}-${year + 4}`).split('-').map(Number) as [number, number];
      return { kind: 'multi-year', from, to };
    }
  }
}

/** The next `count` rounds that open on or after `from`: the regime screen's preview. */
export function upcomingRounds(regime: Regime, calendar: WorkingCalendar, from: IsoDate, count: number, edges: Array<[string, string]> = []): PlannedRound[] {
  if (regime.frequency === 'ad-hoc') return [];
  const out: PlannedRound[] = [];
  let p: Period | null = firstCandidate(regime, Number(from.slice(0, 4)) - 1);
  for (let guard = 0; p && out.length < count && guard < 400; guard++, p = nextPeriod(p)) {
    if (!runs(regime, p)) continue;
    const plan = planRound(regime, p, calendar, edges);
    if (plan.opensOn >= from) out.push(plan);
  }
  return out;
}

/** Rounds whose opening day has come and whose last deadline has not passed: what the daily job opens. */
export function roundsDue(regime: Regime, calendar: WorkingCalendar, today: IsoDate): PlannedRound[] {
  if (regime.frequency === 'ad-hoc') return [];
  const due: PlannedRound[] = [];
  let p: Period | null = firstCandidate(regime, Number(today.slice(0, 4)) - 2);
  for (let guard = 0; p && guard < 400; guard++, p = nextPeriod(p)) {
    if (!runs(regime, p)) continue;
    const plan = planRound(regime, p, calendar);
    if (plan.opensOn > today) break;
    const last = plan.deadlines.map((d) => d.date).sort().at(-1)!;
    if (last >= today) due.push(plan);
  }
  return due;
}
