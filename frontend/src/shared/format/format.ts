/** Vietnamese display formats: dates dd/mm/yyyy, numbers with "." thousands and "," decimals. */
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { roleLabels } from '@bdg/workflows';
import { formatNumberVi, formatPercentVi, withUnitVi } from '@bdg/schemas';

dayjs.locale('vi');

const EMPTY = '—';

export function formatDate(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  const d = dayjs(value);
  return d.isValid() ? d.format('DD/MM/YYYY') : EMPTY;
}

export function formatDateTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  const d = dayjs(value);
  return d.isValid() ? d.format('HH:mm DD/MM/YYYY') : EMPTY;
}

export function formatTime(value: string | number | Date): string {
  return dayjs(value).format('HH:mm');
}

/** 1234567.5 → "1.234.567,5". Non-numbers pass through as text; null and undefined as "—". */
export function formatNumber(value: unknown, maxFractionDigits = 2): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value !== 'number' || !Number.isFinite(value)) return String(value);
  return formatNumberVi(value, maxFractionDigits, EMPTY);
}

/** 45.66 → "45,7 %": the one percentage format of screens and documents (@bdg/schemas). */
export function formatPercent(value: number | null | undefined, maxFractionDigits = 1): string {
  return formatPercentVi(value, maxFractionDigits, EMPTY);
}

/** A formatted value with its unit, a space before it ("84,44 %", "45 người"). */
export function formatWithUnit(value: unknown, unit: string | undefined | null, maxFractionDigits = 2): string {
  const text = formatNumber(value, maxFractionDigits);
  return text === EMPTY ? text : withUnitVi(text, unit);
}

/**
 * Parses what a Vietnamese user types back to a number; null when it is not one.
 * "1.234,5" → 1234.5 (dot groups thousands, comma is the decimal mark); "1.234.567" → 1234567;
 * a single dot not followed by exactly three digits is taken as a decimal point ("1.5" → 1.5).
 */
export function parseVietnameseNumber(text: string): number | null {
  const t = text.trim().replace(/\s/g, '');
  if (t === '') return null;
  let normalized: string;
  if (t.includes(',')) {
    if (!/^[-+]?[\d.]*,\d*$/.test(t)) return null;
    normalized = t.replace(/\./g, '').replace(',', '.');
  } else if (/^[-+]?\d{1,3}(\.\d{3})+$/.test(t)) {
    normalized = t.replace(/\./g, '');
  } else {
    if (!/^[-+]?\d*\.?\d*$/.test(t) || t === '.' || t === '-') return null;
    normalized = t;
  }
  const n = Number(normalized);
  return Number.isFinite(n) ? n : null;
}

/** Relative change in %, null when there is no base to compare with. */
export function percentChange(before: unknown, after: unknown): number | null {
  if (typeof before !== 'number' || typeof after !== 'number') return null;
  if (before === 0) return after === 0 ? 0 : null;
  return ((after - before) / Math.abs(before)) * 100;
}

/** The file size in Vietnamese units. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 1)} KB`;
  return `${formatNumber(bytes / (1024 * 1024), 1)} MB`;
}

/** "còn 3 ngày", "hạn hôm nay", "trễ 2 ngày". */
export function daysLeftLabel(daysLeft: number | null | undefined): string {
  if (daysLeft === null || daysLeft === undefined) return 'Không có hạn';
  if (daysLeft > 0) return `Còn ${daysLeft} ngày`;
  if (daysLeft === 0) return 'Hạn hôm nay';
  return `Trễ ${-daysLeft} ngày`;
}

/** A built-in role's label, from its one definition (@bdg/workflows `roleLabels`); a province's own role reads as its code. */
export function roleLabel(role: string): string {
  return (roleLabels as Readonly<Record<string, string>>)[role] ?? role;
}

export const TASK_LABELS: Record<string, string> = {
  fill: 'Cần nhập liệu',
  sign: 'Cần ký',
  approve: 'Cần duyệt trong đơn vị',
  review: 'Cần duyệt',
  compile: 'Cần tổng hợp',
};


/** antd Progress's label the Vietnamese way ("45 %"). */
export function formatProgress(percent?: number): string {
  return formatPercent(percent ?? 0, 0);
}

const VALUE_PART_LABELS: Record<string, string> = { numerator: 'tử số', denominator: 'mẫu số' };

/** A form value as a clerk reads it: numbers the Vietnamese way with the field's unit, Có/Không, "(trống)". */
export function formatValue(v: unknown, unit?: string | null): string {
  if (v === undefined || v === null || v === '') return '(trống)';
  if (typeof v === 'number') return formatWithUnit(v, unit, 10);
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (Array.isArray(v)) return v.map((x) => formatValue(x, unit)).join(', ');
  // a rolled-up ratio's parts ("tử số: 38; mẫu số: 45"), any other object by its keys
  if (typeof v === 'object') return Object.entries(v).map(([k, x]) => `${VALUE_PART_LABELS[k] ?? k}: ${formatValue(x)}`).join('; ');
  return String(v);
}
