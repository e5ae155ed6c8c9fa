/**
 * A table paged, sorted and searched on the server: the state of the controls, the query, and the props
 * an antd Table needs (pagination from the server's `total`, sorting by the column's key).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useRef, useState } from 'react';
import { DEFAULT_PAGE_SIZE, type Page } from '@bdg/api-types';
import { totalText, type ListParams } from './page-params';
import { useDebounced } from './use-debounced';

export interface PagedListOptions<T = unknown> {
  pageSize?: number;
  /** The server's column name, `-name` for descending. */
  sort?: string;
  /** A fixed interval, or one decided from the page on screen (e.g. while a round opens). */
  refetchInterval?: number | false | ((page: Page<T> | undefined) => number | false);
  enabled?: boolean;
  /** The route's own filters (e.g. `{ unitId, action }`): sent with each page; a change goes back to page 1. */
  filters?: ListParams;
}

export function usePagedList<T>(key: readonly unknown[], fetchPage: (p: ListParams) => Promise<Page<T>>, opts: PagedListOptions<T> = {}) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(opts.pageSize ?? DEFAULT_PAGE_SIZE);
  const [search, setSearchText] = useState('');
  const [sort, setSort] = useState<string | undefined>(opts.sort);
  const q = useDebounced(search.trim());
  const filters = JSON.stringify(opts.filters ?? {});
  const [shownFilters, setShownFilters] = useState(filters);
  if (shownFilters !== filters) {
    setShownFilters(filters);
    setPage(1);
  }
  // Keyset paging where the server offers it: the cursor that starts each page reached by "next" (a page
  // deep in a national list costs what the first does); a page jumped to directly goes by its number.
  const cursors = useRef({ of: '', byPage: new Map<number, string>() });
  const listed = JSON.stringify([q, sort, pageSize, filters]);
  if (cursors.current.of !== listed) cursors.current = { of: listed, byPage: new Map() };
  const params: ListParams = { ...opts.filters, page, pageSize, q: q || undefined, sort, after: cursors.current.byPage.get(page) };
  const query = useQuery({
    queryKey: [...key, params],
    queryFn: async () => {
      const data = await fetchPage(params);
      if (data.nextCursor && cursors.current.of === listed) cursors.current.byPage.set(page + 1, data.nextCursor);
      return data;
    },
    placeholderData: keepPreviousData,
    refetchInterval: typeof opts.refetchInterval === 'function' ? (qq) => (opts.refetchInterval as (p: Page<T> | undefined) => number | false)(qq.state.data) : opts.refetchInterval,
    enabled: opts.enabled,
  });
  const setSearch = (text: string) => {
    setSearchText(text);
    setPage(1);
  };
  const pagination: TablePaginationConfig = {
    current: page,
    pageSize,
    total: query.data?.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [20, 50, 100, 200, 500],
    showTotal: (total, [from, to]) => `${from}–${to} / ${totalText(total, query.data?.totalApprox)}`,
    locale: { items_per_page: '/ trang' },
  };
  const onChange = (p: TablePaginationConfig, _filters: unknown, sorter: SorterResult<T> | SorterResult<T>[]) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const column = one?.order ? String(one.columnKey ?? one.field) : undefined;
    const nextSort = column ? (one!.order === 'descend' ? `-${column}` : column) : opts.sort;
    if (nextSort !== sort) {
      setSort(nextSort);
      setPage(1);
    } else {
      setPage(p.current ?? 1);
    }
    if (p.pageSize && p.pageSize !== pageSize) {
      setPageSize(p.pageSize);
      setPage(1);
    }
  };
  return {
    query,
    items: query.data?.items ?? [],
    total: query.data?.total ?? 0,
    /** "khoảng 108.917" when the server only estimated the count (a very large list). */
    totalLabel: totalText(query.data?.total ?? 0, query.data?.totalApprox),
    search,
    setSearch,
    /** Spread on an antd Table: `<Table {...list.tableProps} />`. */
    tableProps: { dataSource: query.data?.items ?? [], pagination, onChange, loading: query.isFetching },
  };
}
