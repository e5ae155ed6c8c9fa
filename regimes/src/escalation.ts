import type { WorkingCalendar } from './calendar.js';
import type { IsoDate } from './dates.js';

/** Working days a unit may be late before its parent's reviewer is told, when a regime says nothing. */
export const DEFAULT_ESCALATION_WORKING_DAYS = 2;

/**
 * The day a late unit is escalated to its parent's reviewer: `afterWorkingDays` working days after
 * its deadline (a deadline on Friday with 2 days escalates on Tuesday; holidays do not count).
 */
export function escalationDay(deadline: IsoDate, afterWorkingDays: number, calendar: WorkingCalendar): IsoDate {
  return calendar.addWorkingDays(deadline, Math.max(1, afterWorkingDays));
}

/** Whether a unit due on `deadline`, still not handed in on `today`, is escalated today or before. */
export function isEscalationDue(deadline: IsoDate, afterWorkingDays: number, calendar: WorkingCalendar, today: IsoDate): boolean {
  return escalationDay(deadline, afterWorkingDays, calendar) <= today;
}
