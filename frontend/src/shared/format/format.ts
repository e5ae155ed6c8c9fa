/** Vietnamese display formats: dates dd/mm/yyyy, numbers with "." thousands and "," decimals. */
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { roleLabels } from '@bdg/workflows';

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

const numberFormats = new Map<number, Intl.NumberFormat>();
function nf(maxFractionDigits: number): Intl.NumberFormat {
  let f = numberFormats.get(maxFractionDigits);
  if (!f) {
    f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: maxFractionDigits });
    numberFormats.set(maxFractionDigits, f);
  }
  return f;
}

/** 1234567.5 → "1.234.567,5". Non-numbers pass through as text; null and undefined as "—". */
export function formatNumber(value: unknown, maxFractionDigits = 2): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value !== 'number' || !Number.isFinite(value)) return String(value);
  return nf(maxFractionDigits).format(value);
}

export function formatPercent(value: number | null | undefined, maxFractionDigits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY;
  return `${formatNumber(value, maxFractionDigits)}%`;
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

