/**
 * Numbers and percentages the Vietnamese way, one formatter for every screen and document:
 * 1234567.5 → "1.234.567,5", 45.66 → "45,7 %" (a space before every unit, "%" included).
 * Hand-written rather than Intl so the output does not depend on the ICU data of the runtime.
 */

/** What an absent or non-finite number is shown as, unless the caller picks its own mark. */
export const NO_NUMBER = '—';

/** 1234567.5 → "1.234.567,5"; at most `maxFraction` decimals, trailing zeros dropped. */
export function formatNumberVi(n: number, maxFraction = 2, empty = NO_NUMBER): string {
  if (!Number.isFinite(n)) return empty;
  const negative = n < 0;
  const abs = Math.abs(n);
  // toFixed writes 1e21 and above in exponent form; such numbers have no fraction to show
  const fixed = abs >= 1e21 ? BigInt(abs).toString() : abs.toFixed(Math.max(0, Math.min(20, Math.trunc(maxFraction))));
  let [int, frac = ''] = fixed.split('.');
  frac = frac.replace(/0+$/, '');
  int = (int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const body = frac ? `${int},${frac}` : int;
  return negative && body !== '0' ? `-${body}` : body;
}

/** A value already in percent: 45.66 → "45,7 %"; null/undefined/NaN → "—". */
export function formatPercentVi(value: number | null | undefined, maxFraction = 1, empty = NO_NUMBER): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return empty;
  return `${formatNumberVi(value, maxFraction)} %`;
}

/** Attaches a unit to a formatted value with a space, as Vietnamese typography writes it: "45 người", "62,5 %". */
export function withUnitVi(value: string, unit: string | undefined | null): string {
  const u = unit?.trim();
  return u ? `${value} ${u}` : value;
}
