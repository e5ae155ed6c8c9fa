/**
 * Vietnamese formatting of values for official documents: 1.234.567,5 — Có/Không — 12/05/2020.
 * Hand-written rather than Intl so the output does not depend on the ICU data Node was built with.
 */
import { formatNumberVi, withUnitVi } from '@bdg/schemas';

/** Vietnam has one time zone (UTC+7) and no daylight saving time. */
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

export const EMPTY = '…';

/** Calendar day of `d` in Vietnam, whatever the server's time zone. */
export function vnParts(d: Date): { day: number; month: number; year: number; hour: number; minute: number } {
  const v = new Date(d.getTime() + VN_OFFSET_MS);
  return {
    day: v.getUTCDate(),
    month: v.getUTCMonth() + 1,
    year: v.getUTCFullYear(),
    hour: v.getUTCHours(),
    minute: v.getUTCMinutes(),
  };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * "Khoái Châu, ngày 12 tháng 5 năm 2020". As Nghị định 30/2020 requires, a day below 10 and the
 * months 1 and 2 take a leading zero ("ngày 05 tháng 02 năm 2021"). The day is Vietnam's.
 */
export function dateInWords(place: string, d: Date): string {
  const { day, month, year } = vnParts(d);
  const mm = month <= 2 ? pad2(month) : String(month);
  const where = place.trim() === '' ? '……' : place.trim();
  return `${where}, ngày ${pad2(day)} tháng ${mm} năm ${year}`;
}

/** 1234567.5 → "1.234.567,5"; at most `maxFraction` decimals, trailing zeros dropped (@bdg/schemas, as on screen). */
export function formatNumber(n: number, maxFraction = 2): string {
  return formatNumberVi(n, maxFraction, EMPTY);
}

/** "2020-05-12" → "12/05/2020"; a date-time is shown in Vietnam's time with hours and minutes. */
export function formatDateString(s: string, withTime = false): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) return s;
  return formatDate(d, withTime);
}

export function formatDate(d: Date, withTime = false): string {
  const p = vnParts(d);
  const date = `${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
  return withTime ? `${date} ${pad2(p.hour)}:${pad2(p.minute)}` : date;
}

/** A date from a "YYYY-MM-DD" or ISO string, or null. A bare date is taken as that day in Vietnam. */
export function parseDateValue(v: unknown): Date | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v !== 'string' || v.trim() === '') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.trim());
  if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - VN_OFFSET_MS + 12 * 3600_000);
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Uppercase with Vietnamese letters (đ → Đ, ơ → Ơ); `&` and digits unchanged. */
export function upper(s: string): string {
  return s.toLocaleUpperCase('vi-VN');
}

/** Attaches a unit to a formatted value, a space before it as on screen: "45 người", "62,5 %". */
export function withUnit(value: string, unit: string | undefined): string {
  if (!unit || value === EMPTY) return value;
  return withUnitVi(value, unit);
}
