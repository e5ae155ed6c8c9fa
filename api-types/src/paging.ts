/** Paged lists (DESIGN.md "HTTP API", second stage): every list route answers one page of its rows. */

/** Rows per page when the client does not say. */
export const DEFAULT_PAGE_SIZE = 50;
/** The most rows one answer carries; a larger `pageSize` is refused (422), never silently clamped. */
export const MAX_PAGE_SIZE = 500;

/** `?page=&pageSize=&q=&sort=`: `sort` is a column name, `-name` for descending; `q` is accent-insensitive. */
export interface PageParams {
  page?: number;
  pageSize?: number;
  q?: string;
  sort?: string;
  /** Keyset paging: the `nextCursor` of the page before, instead of an offset (fast however deep the page). */
  after?: string;
}

/** Above this many matching rows a large list counts no further: its `total` is the planner's estimate. */
export const EXACT_COUNT_LIMIT = 10_000;

/** One page of a list: `total` counts every row that matches, across all pages. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  /** `total` is an estimate (more than EXACT_COUNT_LIMIT rows matched): the UI says "khoảng". */
  totalApprox?: boolean;
  /** Lists that may be large: pass as `after` for the next page (null on the last page). */
  nextCursor?: string | null;
}
