import Holidays from 'date-holidays';
import { addDays, type IsoDate, vietnamDate, weekday, yearOf } from './dates.js';

/**
 * Vietnam's working-day calendar for public offices: Saturdays and Sundays off; the public
 * holidays of Bộ luật Lao động 2019, Điều 112 (Tết Dương lịch; Tết Âm lịch 5 ngày; Giỗ Tổ Hùng
 * Vương 10/3 âm lịch; 30/4; 1/5; Quốc khánh 2/9 and one adjacent day); a holiday that falls on a
 * weekend gives the next working day off (nghỉ bù, Điều 111). The lunar dates come from
 * `date-holidays`, whose Vietnamese calendar is computed for UTC+7 (Vietnam's own, which differs
 * from the Chinese calendar in some years). Each year the Government also swaps days (ngày làm
 * bù); an admin records those as adjustments.
 */
export interface CalendarAdjustments {
  /** Extra days off decided for a year (e.g. the Tết bridge days of a Thủ tướng decision). */
  holidays?: Array<{ date: IsoDate; name: string }>;
  /** Saturdays or Sundays worked in exchange (ngày làm bù), or a default holiday that is not taken. */
  workingDays?: IsoDate[];
}

export interface DayOff {
  date: IsoDate;
  name: string;
  kind: 'holiday' | 'compensatory' | 'adjustment';
}

/** Quốc khánh's second day, "01 ngày liền kề trước hoặc sau": 1/9 when it is a weekday, else 3/9. */
function nationalDayAdjacent(year: number): IsoDate {
  const before = `${year}-09-01`;
  return weekday(before) === 0 || weekday(before) === 6 ? `${year}-09-03` : before;
}

const holidayCache = new Map<number, DayOff[]>();

function lawHolidays(year: number): DayOff[] {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const source = new Holidays('VN');
  const days = new Map<IsoDate, string>();
  // Single days first, so a span (Tết: giao thừa + 4 days, "P5D") keeps their names and fills the rest.
  const publicDays = source.getHolidays(year).filter((h) => h.type === 'public');
  const length = (h: (typeof publicDays)[number]) => h.end.getTime() - h.start.getTime();
  for (const h of publicDays.sort((a, b) => length(a) - length(b))) {
    // start/end are instants bounding the holiday in Vietnam's time.
    const first = vietnamDate(h.start);
    for (let d = first; d < vietnamDate(h.end); d = addDays(d, 1))
      if (!days.has(d)) days.set(d, d === first ? h.name : 'Tết Nguyên Đán');
  }
  days.set(nationalDayAdjacent(year), 'Quốc khánh (ngày liền kề)');
  const list = [...days].map(([date, name]) => ({ date, name, kind: 'holiday' as const }));
  holidayCache.set(year, list);
  return list;
}

const isWeekend = (d: IsoDate) => weekday(d) === 0 || weekday(d) === 6;

export class WorkingCalendar {
  private readonly off = new Map<IsoDate, DayOff>();
  private readonly worked: Set<IsoDate>;
  private readonly years = new Set<number>();

  constructor(private readonly adjustments: CalendarAdjustments = {}) {
    this.worked = new Set(adjustments.workingDays ?? []);
  }

  /** Days off other than weekends in a year, in date order (holidays, nghỉ bù, adjustments). */
  daysOff(year: number): DayOff[] {
    this.load(year);
    return [...this.off.values()].filter((d) => yearOf(d.date) === year).sort((a, b) => a.date.localeCompare(b.date));
  }

  isWorkingDay(date: IsoDate): boolean {
    this.load(yearOf(date));
    if (this.worked.has(date)) return true;
    return !isWeekend(date) && !this.off.has(date);
  }

  dayOff(date: IsoDate): DayOff | undefined {
    this.load(yearOf(date));
    return this.off.get(date);
  }

  /** The date itself when it is a working day, else the next one. */
  onOrAfter(date: IsoDate): IsoDate {
    let d = date;
    while (!this.isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }

  /** `n` working days after `date` (not counting `date`). */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    let d = date;
    for (let left = n; left > 0; ) {
      d = addDays(d, 1);
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }

  /**
   * Whether a working day lies strictly after `from`, up to and including `to`. Stops at the first one
   * (days off run at most a couple of weeks), so a far `to` costs nothing: workingDaysBetween would compute
   * the lunar holidays of every year on the way (~150 ms each).
   */
  hasWorkingDayAfter(from: IsoDate, to: IsoDate): boolean {
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkingDay(d)) return true;
    return false;
  }

  /** Working days strictly after `from` up to and including `to` (0 when `to` ≤ `from`). */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    let n = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkingDay(d)) n++;
    return n;
  }

  private load(year: number) {
    if (this.years.has(year)) return;
    this.years.add(year);
    const law = lawHolidays(year);
    for (const h of law) if (!this.worked.has(h.date)) this.off.set(h.date, h);
    // Nghỉ bù: a legal holiday on a weekend moves to the next day that is neither weekend nor holiday.
    for (const h of law) {
      if (!isWeekend(h.date) || this.worked.has(h.date)) continue;
      let d = addDays(h.date, 1);
      while (isWeekend(d) || this.off.has(d)) d = addDays(d, 1);
      this.off.set(d, { date: d, name: `Nghỉ bù ${h.name}`, kind: 'compensatory' });
    }
    for (const a of this.adjustments.holidays ?? [])
      if (yearOf(a.date) === year) this.off.set(a.date, { date: a.date, name: a.name, kind: 'adjustment' });
  }
}
