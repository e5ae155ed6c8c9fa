import type { WorkingCalendar } from './calendar.js';
import { addDays, formatVietnameseDate, type IsoDate, isoDate } from './dates.js';
import { type CutOff, type Period } from './period.js';

/**
 * When a level must report, as an admin writes it: a day of the year ("ngày 10/6": `{"date":
 * "10/6"}`, in the year the period ends, or the next with `"nextYear": true`), or a count of
 * working days after the cut-off (`{"workingDaysAfterCutOff": 5}`).
 */
export type DeadlineRule = { date: string; nextYear?: boolean } | { workingDaysAfterCutOff: number };

export interface ResolvedDeadline {
  /** The deadline after moving it off a weekend or holiday. */
  date: IsoDate;
  /** What the rule gave, when it had to move. */
  requested?: IsoDate;
  /** Vietnamese, e.g. "10/06/2029 là Chủ nhật: hạn chuyển sang 11/06/2029". */
  note?: string;
}

const DAY_MONTH = /^(\d{1,2})\/(\d{1,2})$/;

/** "10/6" → [10, 6], or null when it is not a real day of a month. */
export function parseDayMonth(text: string): [number, number] | null {
  const m = DAY_MONTH.exec(text.trim());
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12 || day < 1) return null;
  // 29/2 is refused: a yearly rule must exist every year.
  const daysIn = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= daysIn ? [day, month] : null;
}

export function periodEndYear(p: Period): number {
  return p.kind === 'multi-year' ? p.to : p.year;
}

export function resolveDeadline(rule: DeadlineRule, period: Period, cutOff: CutOff, calendar: WorkingCalendar): ResolvedDeadline {
  if ('workingDaysAfterCutOff' in rule) return { date: calendar.addWorkingDays(cutOff.to, rule.workingDaysAfterCutOff) };
  const dm = parseDayMonth(rule.date);
  if (!dm) throw new Error(`Hạn "${rule.date}" không phải ngày/tháng hợp lệ`);
  const requested = isoDate(periodEndYear(period) + (rule.nextYear ? 1 : 0), dm[1], dm[0]);
  const date = calendar.onOrAfter(requested);
  if (date === requested) return { date };
  const off = calendar.dayOff(requested);
  const why = off ? off.name : 'ngày nghỉ cuối tuần';
  return {
    date,
    requested,
    note: `${formatVietnameseDate(requested)} là ${why}: hạn chuyển sang ngày làm việc tiếp theo ${formatVietnameseDate(date)}`,
  };
}

export interface LevelDeadline {
  /** The unit kinds of this level, e.g. ["truong_th", "truong_thcs"]. */
  kinds: string[];
  /** The level's name in Vietnamese, for messages ("trường", "Phòng GD&ĐT"). */
  label: string;
  date: IsoDate;
}

export interface DeadlineFinding {
  severity: 'error' | 'warning';
  message: string;
}

/**
 * Levels of a multi-level report must report in order (Nghị định 09, Điều 12): a parent level's
 * deadline strictly after every child level's. `edges` are [parentKind, childKind] pairs that
 * occur in the target tree. Also warns when a deadline is less than one working day after the cut-off.
 */
export function checkDeadlines(
  levels: LevelDeadline[],
  edges: Array<[string, string]>,
  cutOff: CutOff | null,
  calendar: WorkingCalendar,
): DeadlineFinding[] {
  const findings: DeadlineFinding[] = [];
  const byKind = new Map<string, LevelDeadline>();
  for (const l of levels) for (const k of l.kinds) byKind.set(k, l);
  const seen = new Set<string>();
  for (const [parentKind, childKind] of edges) {
    const parent = byKind.get(parentKind);
    const child = byKind.get(childKind);
    if (!parent || !child || parent === child) continue;
    const key = `${parent.label}\u0000${child.label}`;
    if (seen.has(key) || parent.date > child.date) continue;
    seen.add(key);
    findings.push({
      severity: 'error',
      message:
        `Hạn của cấp ${parent.label} (${formatVietnameseDate(parent.date)}) phải sau hạn của cấp ${child.label} ` +
        `(${formatVietnameseDate(child.date)}): cấp trên cần thời gian tổng hợp báo cáo của cấp dưới.`,
    });
  }
  if (cutOff) {
    for (const l of levels) {
      if (calendar.hasWorkingDayAfter(cutOff.to, l.date)) continue;
      findings.push({
        severity: 'warning',
        message:
          `Hạn của cấp ${l.label} (${formatVietnameseDate(l.date)}) chưa cách ngày chốt số liệu ` +
          `(${formatVietnameseDate(cutOff.to)}) ít nhất 01 ngày làm việc (Nghị định 09/2019/NĐ-CP).`,
      });
    }
  }
  return findings;
}

/** The day before `date`: used to open a round some days ahead of a deadline. */
export const dayBefore = (date: IsoDate) => addDays(date, -1);

/**
 * A deadline typed by hand that falls on a weekend or a day off: a warning naming the day and the
 * next working day (a regime's deadlines move there by themselves; a hand-typed one does not).
 */
export function dayOffFindings(levels: LevelDeadline[], calendar: WorkingCalendar): DeadlineFinding[] {
  return levels
    .filter((l) => !calendar.isWorkingDay(l.date))
    .map((l) => {
      const off = calendar.dayOff(l.date);
      return {
        severity: 'warning' as const,
        message:
          `Hạn của cấp ${l.label} (${formatVietnameseDate(l.date)}) là ${off ? off.name : 'ngày nghỉ cuối tuần'}; ` +
          `ngày làm việc tiếp theo là ${formatVietnameseDate(calendar.onOrAfter(l.date))}.`,
      };
    });
}
