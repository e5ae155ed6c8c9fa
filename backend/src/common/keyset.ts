import { EXACT_COUNT_LIMIT, type Page } from '@bdg/api-types';
import { unprocessable } from './errors.js';
import type { Paging } from './paging.js';

/**
 * Keyset ("after" cursor) paging for the lists that may be large (submissions, org units, audit): a page
 * deep in the list costs what the first one does, where OFFSET reads and throws away every row before it.
 * The cursor is the sort key and the tiebreak of the page's last row, opaque to the client.
 */

/** A sortable column: its SQL, and whether it may be NULL (NULLs sort last either way). */
export interface SortColumn {
  sql: string;
  nullable?: boolean;
}
export type SortColumns = Record<string, string | SortColumn>;

interface Cursor {
  key: string;
  desc: boolean;
  value: string | null;
  id: string;
}

const CURSOR_TITLE = 'Con trỏ trang tiếp theo';
const badCursor = () => {
  const message = 'Con trỏ trang tiếp theo (after) không hợp lệ hoặc không khớp với cách sắp xếp. Hãy tải lại trang đầu.';
  return unprocessable(message, [{ path: 'after', title: CURSOR_TITLE, message }]);
};

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.key, c.desc ? 1 : 0, c.value, c.id]), 'utf8').toString('base64url');
}

export function decodeCursor(s: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw badCursor();
  const [key, desc, value, id] = parsed as unknown[];
  if (typeof key !== 'string' || (desc !== 0 && desc !== 1) || (value !== null && typeof value !== 'string') || typeof id !== 'string') throw badCursor();
  if (id.length > 100 || (value?.length ?? 0) > 1000) throw badCursor();
  return { key, desc: desc === 1, value, id };
}

export interface Keyset {
  /** The `ORDER BY` list: the sort key then the tiebreak, both the same direction. */
  order: string;
  /** Select these beside the row (`${select}, ${ks.select}`) so that the page can name its next cursor. */
  select: string;
  /** The condition "after the cursor" (its parameters pushed), or null without a cursor. */
  after: string | null;
  /** OFFSET: 0 when a cursor says where to start. */
  offset: number;
  key: string;
  desc: boolean;
}

/**
 * The order and the "after" condition of a list sorted by `p.sort` (or `defaultKey`, `defaultDesc`), tiebroken
 * by the unique `tiebreak` column (its SQL castable from text). `params` receives the cursor's values.
 */
export function keyset(p: Paging, columns: SortColumns, defaultKey: string, tiebreak: string, params: unknown[], defaultDesc = false): Keyset {
  const key = p.sort?.key ?? defaultKey;
  const desc = p.sort ? p.sort.desc : defaultDesc;
  const col = typeof columns[key] === 'string' ? { sql: columns[key] } : (columns[key] as SortColumn);
  const dir = desc ? 'DESC' : 'ASC';
  // NULL sorts as the largest value (PostgreSQL's default both ways), so that an index serves both directions.
  const order = `${col.sql} ${dir}, ${tiebreak} ${dir}`;
  const select = `(${col.sql})::text AS "__key", (${tiebreak})::text AS "__id"`;
  if (!p.after) return { order, select, after: null, offset: p.offset, key, desc };
  const c = decodeCursor(p.after);
  if (c.key !== key || c.desc !== desc) throw badCursor();
  const [gt, ge] = desc ? ['<', '<='] : ['>', '>='];
  params.push(c.value, c.id);
  const v = `$${params.length - 1}`;
  const id = `$${params.length}`;
  let after: string;
  if (c.value === null) {
    // Among the NULLs (last ascending, first descending): the rest of them, then (descending) every value.
    after = `((${col.sql} IS NULL AND ${tiebreak} ${gt} ${id})${desc ? ` OR ${col.sql} IS NOT NULL` : ''})`;
  } else {
    // `col >= v` first so that an index on the column bounds the scan; then the strict part.
    after = `(${col.sql} ${ge} ${v} AND (${col.sql} ${gt} ${v} OR ${tiebreak} ${gt} ${id}))`;
    if (col.nullable && !desc) after = `(${after} OR ${col.sql} IS NULL)`;
  }
  return { order, select, after, offset: 0, key, desc };
}

/** The page's rows without the cursor columns, and the cursor after its last row (null when it is the last page). */
export function keysetPage<T>(rows: (T & { __key: string | null; __id: string })[], ks: Keyset, p: Paging): { items: T[]; nextCursor: string | null } {
  const last = rows.at(-1);
  const nextCursor = last && rows.length === p.pageSize ? encodeCursor({ key: ks.key, desc: ks.desc, value: last.__key, id: last.__id }) : null;
  const items = rows.map(({ __key: _k, __id: _i, ...item }) => item as T);
  return { items, nextCursor };
}

/** A count that stops at EXACT_COUNT_LIMIT: above it, the planner's estimate, labelled as such. */
export interface Counted {
  total: number;
  approx: boolean;
}

/**
 * Counts `FROM … WHERE …` exactly up to the limit (bounded work), else asks the planner (no rows read).
 * `query` runs SQL with its parameters (the owning repository's connection).
 */
export async function cappedCount(query: (sql: string, params: unknown[]) => Promise<unknown[]>, fromWhere: string, params: unknown[]): Promise<Counted> {
  const [row] = (await query(`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${fromWhere} LIMIT ${EXACT_COUNT_LIMIT + 1}) x`, params)) as { n: number }[];
  if (row!.n <= EXACT_COUNT_LIMIT) return { total: row!.n, approx: false };
  const [plan] = (await query(`EXPLAIN (FORMAT JSON) SELECT 1 FROM ${fromWhere}`, params)) as { 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }[];
  const estimate = Math.round(plan!['QUERY PLAN'][0].Plan['Plan Rows']);
  return { total: Math.max(estimate, EXACT_COUNT_LIMIT + 1), approx: true };
}

export const keyedPageOf = <T>(page: { items: T[]; nextCursor: string | null }, count: Counted, p: Paging): Page<T> => ({
  items: page.items,
  total: count.total,
  page: p.page,
  pageSize: p.pageSize,
  ...(count.approx ? { totalApprox: true } : {}),
  nextCursor: page.nextCursor,
});
