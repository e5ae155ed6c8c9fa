/**
 * Calendar dates as ISO strings (YYYY-MM-DD) in Vietnam's time (UTC+7, no daylight saving):
 * a deadline is a day, not an instant, so day arithmetic never meets a time zone.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
/** Vietnam has kept UTC+7 all year since 1975. */
export const VIETNAM_OFFSET_MS = 7 * 3_600_000;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** The day it is in Vietnam at this instant. */
export function vietnamDate(instant: Date): IsoDate {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last instant of a day in Vietnam (23:59:59.999 +07:00): a deadline "ngày 10/6" holds all that day. */
export function endOfVietnamDay(date: IsoDate): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS - VIETNAM_OFFSET_MS - 1);
}

/** dd/mm/yyyy, as every Vietnamese document writes it. */
export function formatVietnameseDate(date: IsoDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
export function weekdayName(date: IsoDate): string {
  return WEEKDAYS[weekday(date)]!;
}
