import { ApiPropertyOptional } from '@nestjs/swagger';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page } from '@bdg/api-types';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { unprocessable } from './errors.js';

/**
 * `?page=&pageSize=&q=&sort=` for every list route (DESIGN.md "HTTP API", second stage). A `pageSize`
 * over the maximum is refused with a 422 naming the field rather than clamped: a client that asked
 * for 1,000 rows and silently got 500 would believe it had them all.
 */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE, { context: { reason: `không được lớn hơn ${MAX_PAGE_SIZE}` } })
  pageSize?: number;

  /** Accent-insensitive: "dai hung" finds "Đại Hưng". */
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) q?: string;

  /** A column of the route's list, `-column` for descending (e.g. `-createdAt`). */
  @ApiPropertyOptional({ example: '-updatedAt' }) @IsOptional() @IsString() @Matches(/^-?[A-Za-z][A-Za-z0-9]{0,39}$/) sort?: string;

  /** The `nextCursor` of the page before (lists that may be large): the page after it, however deep. */
  @ApiPropertyOptional({ description: 'nextCursor của trang trước' }) @IsOptional() @IsString() @MaxLength(2000) @Matches(/^[A-Za-z0-9_-]+$/) after?: string;
}

export interface Paging {
  page: number;
  pageSize: number;
  offset: number;
  /** The search folded as the database folds it (see foldForSearch), or undefined. */
  folded?: string;
  sort?: { key: string; desc: boolean };
  /** A keyset cursor (see keyset.ts); lists that do not page by keyset ignore it. */
  after?: string;
}

/** Lower case without accents, đ → d: the same folding as the database's bdg_fold() (migration SearchIndexes). */
export function foldForSearch(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    // Control characters (a NUL would make PostgreSQL refuse the text) match nothing a person typed.
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A LIKE pattern matching the folded search anywhere, its wildcards escaped. */
export const likePattern = (folded: string) => `%${folded.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

/**
 * Reads the paging parameters against the columns this list may be sorted by: an unknown column is a
 * 422 naming the field and the columns allowed, never a silent default.
 */
export function paging(q: PageQuery, sortable: readonly string[]): Paging {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? DEFAULT_PAGE_SIZE;
  const folded = q.q ? foldForSearch(q.q) : undefined;
  let sort: Paging['sort'];
  if (q.sort) {
    const desc = q.sort.startsWith('-');
    const key = desc ? q.sort.slice(1) : q.sort;
    if (!sortable.includes(key)) {
      const message = sortable.length
        ? `Không sắp xếp được theo "${key}". Chỉ sắp xếp được theo: ${sortable.join(', ')}.`
        : 'Danh sách này không sắp xếp theo yêu cầu được.';
      throw unprocessable(message, [{ path: 'sort', title: 'Sắp xếp', message }]);
    }
    sort = { key, desc };
  }
  return { page, pageSize, offset: (page - 1) * pageSize, folded: folded || undefined, sort, after: q.after };
}

/** `ORDER BY` from a whitelisted key (its SQL from `columns`), the default otherwise, with a stable tiebreak. */
export function orderBy(p: Paging, columns: Record<string, string>, fallback: string, tiebreak: string): string {
  if (!p.sort) return `${fallback}, ${tiebreak}`;
  return `${columns[p.sort.key]} ${p.sort.desc ? 'DESC' : 'ASC'} NULLS LAST, ${tiebreak}`;
}

export const pageOf = <T>(items: T[], total: number, p: Paging): Page<T> => ({ items, total, page: p.page, pageSize: p.pageSize });

type Sortable = string | number | boolean | Date | null | undefined;

/**
 * Pages a list already in memory: for catalogues that stay small whatever the country's size (templates,
 * flows, regimes, roles of a subtree; one report's history), searched with the same folding as SQL.
 */
export function pageArray<T>(rows: T[], p: Paging, opts: { text: (r: T) => string; sortBy: Record<string, (r: T) => Sortable> }): Page<T> {
  let out = p.folded ? rows.filter((r) => foldForSearch(opts.text(r)).includes(p.folded!)) : rows;
  if (p.sort) {
    const get = opts.sortBy[p.sort.key]!;
    const dir = p.sort.desc ? -1 : 1;
    out = [...out].sort((a, b) => dir * compare(get(a), get(b)));
  }
  return pageOf(out.slice(p.offset, p.offset + p.pageSize), out.length, p);
}

function compare(a: Sortable, b: Sortable): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b, 'vi');
  return a < b ? -1 : 1;
}
