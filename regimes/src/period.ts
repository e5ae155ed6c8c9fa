import { addDays, type IsoDate, isoDate } from './dates.js';

/**
 * A round's period as a typed value: "2026-H1" (6 tháng đầu năm), "2026-H2", "2026-Q2", "2026"
 * (năm), "2021-2030" (giai đoạn nhiều năm), or "2026-DX-<slug>" (đột xuất). It drives "the same
 * unit last period", carry-forward and year-on-year flags, and the figures' cut-off.
 */
export type Frequency = 'half-year' | 'year' | 'quarter' | 'multi-year' | 'ad-hoc';

export type Period =
  | { kind: 'half-year'; year: number; half: 1 | 2 }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'year'; year: number }
  | { kind: 'multi-year'; from: number; to: number }
  | { kind: 'ad-hoc'; year: number; slug: string };

const PATTERNS: Array<[RegExp, (m: RegExpExecArray) => Period | null]> = [
  [/^(\d{4})-H([12])$/, (m) => ({ kind: 'half-year', year: +m[1]!, half: +m[2]! as 1 | 2 })],
  [/^(\d{4})-Q([1-4])$/, (m) => ({ kind: 'quarter', year: +m[1]!, quarter: +m[2]! as 1 | 2 | 3 | 4 })],
  [/^(\d{4})$/, (m) => ({ kind: 'year', year: +m[1]! })],
  [/^(\d{4})-(\d{4})$/, (m) => (+m[2]! > +m[1]! ? { kind: 'multi-year', from: +m[1]!, to: +m[2]! } : null)],
  [/^(\d{4})-DX-([a-z0-9-]{1,40})$/, (m) => ({ kind: 'ad-hoc', year: +m[1]!, slug: m[2]! })],
];

export function parsePeriod(code: string): Period | null {
  for (const [re, make] of PATTERNS) {
    const m = re.exec(code);
    if (m) return make(m);
  }
  return null;
}

export function periodCode(p: Period): string {
  switch (p.kind) {
    case 'half-year':
      return `${p.year}-H${p.half}`;
    case 'quarter':
      return `${p.year}-Q${p.quarter}`;
    case 'year':
      return String(p.year);
    case 'multi-year':
      return `${p.from}-${p.to}`;
    case 'ad-hoc':
      return `${p.year}-DX-${p.slug}`;
  }
}

/** In Vietnamese, as a document's title says it. */
export function periodLabel(p: Period): string {
  switch (p.kind) {
    case 'half-year':
      return p.half === 1 ? `6 tháng đầu năm ${p.year}` : `6 tháng cuối năm ${p.year}`;
    case 'quarter':
      return `Quý ${['I', 'II', 'III', 'IV'][p.quarter - 1]} năm ${p.year}`;
    case 'year':
      return `Năm ${p.year}`;
    case 'multi-year':
      return `Giai đoạn ${p.from}–${p.to}`;
    case 'ad-hoc':
      return `Đột xuất năm ${p.year}`;
  }
}

/** The period that follows (ad-hoc periods have none). */
export function nextPeriod(p: Period): Period | null {
  switch (p.kind) {
    case 'half-year':
      return p.half === 1 ? { ...p, half: 2 } : { kind: 'half-year', year: p.year + 1, half: 1 };
    case 'quarter':
      return p.quarter < 4 ? { ...p, quarter: (p.quarter + 1) as 1 | 2 | 3 | 4 } : { kind: 'quarter', year: p.year + 1, quarter: 1 };
    case 'year':
      return { kind: 'year', year: p.year + 1 };
    case 'multi-year':
      return { kind: 'multi-year', from: p.to + 1, to: p.to + 1 + (p.to - p.from) };
    case 'ad-hoc':
      return null;
  }
}

/** The same kind of period just before: "the same unit's value last period". */
export function previousPeriod(p: Period): Period | null {
  switch (p.kind) {
    case 'half-year':
      return p.half === 2 ? { ...p, half: 1 } : { kind: 'half-year', year: p.year - 1, half: 2 };
    case 'quarter':
      return p.quarter > 1 ? { ...p, quarter: (p.quarter - 1) as 1 | 2 | 3 | 4 } : { kind: 'quarter', year: p.year - 1, quarter: 4 };
    case 'year':
      return { kind: 'year', year: p.year - 1 };
    case 'multi-year':
      return { kind: 'multi-year', from: p.from - (p.to - p.from + 1), to: p.from - 1 };
    case 'ad-hoc':
      return null;
  }
}

export interface CutOff {
  from: IsoDate;
  to: IsoDate;
}

/**
 * The figures' cut-off (thời gian chốt số liệu), Nghị định 09/2019/NĐ-CP Điều 12: a 6-month
 * report from 15/12 of the year before to 14/6; an annual one from 15/12 of the year before to
 * 14/12; a quarter from the 15th of the month before it to the 14th of its last month. The second
 * half-year runs from 15/6 to 14/12; a multi-year period from 15/12 before its first year to 14/12
 * of its last. A regime may override these.
 */
export function defaultCutOff(p: Period): CutOff {
  switch (p.kind) {
    case 'half-year':
      return p.half === 1
        ? { from: isoDate(p.year - 1, 12, 15), to: isoDate(p.year, 6, 14) }
        : { from: isoDate(p.year, 6, 15), to: isoDate(p.year, 12, 14) };
    case 'quarter': {
      const last = p.quarter * 3;
      return { from: isoDate(p.year, last - 3, 15), to: isoDate(p.year, last, 14) };
    }
    case 'year':
    case 'ad-hoc':
      return { from: isoDate(p.year - 1, 12, 15), to: isoDate(p.year, 12, 14) };
    case 'multi-year':
      return { from: isoDate(p.from - 1, 12, 15), to: isoDate(p.to, 12, 14) };
  }
}

/** The day after the cut-off: the first day a report of the period can be complete. */
export function dayAfterCutOff(p: Period): IsoDate {
  return addDays(defaultCutOff(p).to, 1);
}
