import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ProgressParams } from '../../../shared/api/endpoints';

const SORTS = ['name', '-name', 'late', 'done', '-done', 'state'] as const;
export const PAGE_SIZE = 50;

/**
 * Where the user is in the drill-down, kept in the address (?unit=&page=&q=&sort=&late=1): one click per
 * level, the browser's Back goes up a level, and a link shows the same screen.
 */
export function useDrillDown() {
  const [params, setParams] = useSearchParams();
  const state = useMemo((): ProgressParams => {
    const sort = params.get('sort');
    return {
      parentId: params.get('unit') ?? undefined,
      page: Number(params.get('page') ?? 1) || 1,
      pageSize: PAGE_SIZE,
      q: params.get('q') ?? undefined,
      sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as ProgressParams['sort']) : undefined,
      late: params.get('late') === '1' ? true : undefined,
    };
  }, [params]);
  const update = useCallback(
    (patch: Record<string, string | number | undefined>, push = false) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === undefined || v === '' || (k === 'page' && v === 1)) next.delete(k);
            else next.set(k, String(v));
          }
          return next;
        },
        { replace: !push },
      ),
    [setParams],
  );
  return {
    params: state,
    /** One level down (or up through the breadcrumbs): a new history entry, first page, no filter. */
    openUnit: (unitId: string) => update({ unit: unitId, page: undefined, q: undefined, late: undefined }, true),
    setPage: (page: number) => update({ page }),
    setSearch: (q: string) => update({ q: q.trim() || undefined, page: undefined }),
    setSort: (sort: string | undefined) => update({ sort, page: undefined }),
    setLateOnly: (on: boolean) => update({ late: on ? 1 : undefined, page: undefined }),
  };
}
