import { parsePeriod, type Period, periodCode, periodLabel, previousPeriod } from './period.js';

const ROMAN: Record<string, 1 | 2 | 3 | 4> = { i: 1, ii: 2, iii: 3, iv: 4 };

/**
 * A period as a round names it: its code ("2026-H1"), or the Vietnamese words an admin typed
 * before periods were typed ("6 tháng đầu năm 2026", "Năm 2026", "Giai đoạn 2016–2020").
 */
export function readPeriod(text: string): Period | null {
  const code = parsePeriod(text.trim());
  if (code) return code;
  const t = text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  let m = /^6 tháng (đầu|cuối) năm (\d{4})$/.exec(t);
  if (m) return { kind: 'half-year', year: Number(m[2]), half: m[1] === 'đầu' ? 1 : 2 };
  m = /^năm (\d{4})$/.exec(t);
  if (m) return { kind: 'year', year: Number(m[1]) };
  m = /^quý (i|ii|iii|iv) năm (\d{4})$/.exec(t);
  if (m) return { kind: 'quarter', year: Number(m[2]), quarter: ROMAN[m[1]!]! };
  m = /^(?:giai đoạn )?(\d{4}) ?[–-] ?(\d{4})$/.exec(t);
  if (m && Number(m[2]) > Number(m[1])) return { kind: 'multi-year', from: Number(m[1]), to: Number(m[2]) };
  return null;
}

/**
 * The period a report is compared with and carried forward from: the same half-year, quarter or
 * year one year earlier, or the multi-year span before. Never a period of another kind — a 6-month
 * report's figures are not an annual report's. Ad-hoc reports have none.
 */
export function comparablePeriod(p: Period): Period | null {
  // A year, a multi-year span and an ad-hoc report compare with the period just before (or none).
  return p.kind === 'half-year' || p.kind === 'quarter' ? { ...p, year: p.year - 1 } : previousPeriod(p);
}

/** Every way a stored round may name a period (its code, its Vietnamese label, an en dash or a hyphen). */
export function periodNames(p: Period): string[] {
  const names = new Set([periodCode(p), periodLabel(p)]);
  if (p.kind === 'multi-year') for (const sep of ['-', '–']) names.add(`${p.from}${sep}${p.to}`).add(`Giai đoạn ${p.from}${sep}${p.to}`);
  return [...names];
}

/**
 * The names of the period whose answers a round compares with, or null when its own period is
 * free text the code cannot read (then any earlier round of the template is taken, as before).
 * An ad-hoc period compares with nothing: an empty list.
 */
export function comparablePeriodNames(periodText: string): string[] | null {
  const p = readPeriod(periodText);
  if (!p) return null;
  const c = comparablePeriod(p);
  return c ? periodNames(c) : [];
}
