/** GET /api/notifications (one page, newest first, with the unread count) every 60 s; marking read updates it at once. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '@bdg/api-types';
import { documentsApi, documentsQk, type NotificationItem } from '../../../shared/api/documents';

export const NOTIFICATION_REFRESH_MS = 60_000;

export const NOTIFICATION_PAGE = 30;

type NotificationPage = Page<NotificationItem> & { unread: number };

export function useNotifications(enabled = true, page = 1) {
  return useQuery({
    queryKey: [...documentsQk.notifications, page],
    queryFn: () => documentsApi.notifications({ page, pageSize: NOTIFICATION_PAGE }),
    placeholderData: keepPreviousData,
    enabled,
    refetchInterval: NOTIFICATION_REFRESH_MS,
    staleTime: 15_000,
  });
}

function setRead(qc: ReturnType<typeof useQueryClient>, ids: Set<string> | 'all') {
  qc.setQueriesData<NotificationPage>({ queryKey: documentsQk.notifications }, (old) => {
    if (!old) return old;
    const newlyRead = old.items.filter((n) => !n.read && (ids === 'all' || ids.has(n.id))).length;
    return {
      ...old,
      items: old.items.map((n) => (ids === 'all' || ids.has(n.id) ? { ...n, read: true } : n)),
      unread: ids === 'all' ? 0 : Math.max(0, old.unread - newlyRead),
    };
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => documentsApi.markNotificationRead(id),
    onMutate: (id) => setRead(qc, new Set([id])),
    onError: () => void qc.invalidateQueries({ queryKey: documentsQk.notifications }),
  });
}

/** One request marks every notification read; the list updates at once. */
export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (ids: string[]) => {
      await documentsApi.markAllNotificationsRead();
      return ids;
    },
    onMutate: () => setRead(qc, 'all'),
    onSettled: (_d, error) => {
      if (error) void qc.invalidateQueries({ queryKey: documentsQk.notifications });
    },
  });
}
