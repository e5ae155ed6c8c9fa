/** The query string of a paged list route (`?page=&pageSize=&q=&sort=` plus the route's own filters). */
import { MAX_PAGE_SIZE, type PageParams } from '@bdg/api-types';
import { formatNumber } from '../format/format';

export type ListParams = PageParams & { [filter: string]: string | number | boolean | undefined | null };

export function listQuery(params: ListParams = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** A picker (select, tree) needs the whole of a small catalogue: the largest page the server gives. */
export const ALL: ListParams = { pageSize: MAX_PAGE_SIZE };

/** A list's total as a person reads it: "khoảng 108.917" when the server estimated it (very large lists). */
export function totalText(total: number, approx?: boolean): string {
  return approx ? `khoảng ${formatNumber(total)}` : formatNumber(total);
}
