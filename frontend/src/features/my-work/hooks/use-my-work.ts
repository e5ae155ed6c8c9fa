import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DEFAULT_PAGE_SIZE } from '@bdg/api-types';
import { api, qk } from '../../../shared/api/endpoints';
import type { Task, WorkList } from '../../../shared/api/types';

export interface WorkListParams {
  page: number;
  pageSize?: number;
  q: string;
  task?: Task;
}

/** "Việc cần làm": one page of what waits for me, with the counts of each task over the whole list. */
export function useMyWork(p: WorkListParams = { page: 1, q: '' }) {
  const params = { page: p.page, pageSize: p.pageSize ?? DEFAULT_PAGE_SIZE, q: p.q || undefined, task: p.task };
  return useQuery({
    queryKey: [...qk.workList('todo'), params],
    queryFn: () => api.myWork(params),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

/** "Đã gửi" / "Đã xong": my unit's reports by the meaning of their state, one page. */
export function useHandedIn(list: Exclude<WorkList, 'todo'>, p: WorkListParams) {
  const params = { page: p.page, pageSize: p.pageSize ?? DEFAULT_PAGE_SIZE, q: p.q || undefined };
  return useQuery({
    queryKey: [...qk.workList(list), params],
    queryFn: () => api.handedIn(list, params),
    placeholderData: keepPreviousData,
  });
}
