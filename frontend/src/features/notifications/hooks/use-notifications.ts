/** GET /api/notifications every 60 s; marking one or all as read updates the list at once. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { documentsApi, documentsQk, type NotificationItem } from '../../../shared/api/documents';

export const NOTIFICATION_REFRESH_MS = 60_000;

export function useNotifications(enabled = true) {
  return useQuery({
    queryKey: documentsQk.notifications,
    queryFn: documentsApi.notifications,
    enabled,
    refetchInterval: NOTIFICATION_REFRESH_MS,
    staleTime: 15_000,
  });
}

function setRead(qc: ReturnType<typeof useQueryClient>, ids: Set<string> | 'all') {
  qc.setQueryData<NotificationItem[]>(documentsQk.notifications, (old) =>
    old?.map((n) => (ids === 'all' || ids.has(n.id) ? { ...n, read: true } : n)),
  );
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
    onMutate: (ids) => setRead(qc, new Set(ids)),
    onSettled: (_d, error) => {
      if (error) void qc.invalidateQueries({ queryKey: documentsQk.notifications });
    },
  });
}
