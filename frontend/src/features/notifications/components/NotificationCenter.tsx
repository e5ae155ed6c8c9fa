import { lazy, Suspense, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Drawer, Empty, Skeleton } from 'antd';
import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { errorMessage } from '../../../shared/api/client';
import type { NotificationItem } from '../../../shared/api/documents';
import { api, qk } from '../../../shared/api/endpoints';
import type { Submission } from '../../../shared/api/types';
import { useSession } from '../../auth/hooks/use-session';
import { NOTIFICATION_PAGE, useMarkAllRead, useMarkRead, useNotifications } from '../hooks/use-notifications';
import { newestFirst, notificationPath } from '../utils/notifications';
import { NotificationList } from './NotificationList';
import './notifications.css';

const NotificationPages = lazy(() => import('./NotificationPages'));

/** Opening a notification: marked read, its report fetched to choose the page (fill, review, compile), then shown. */
function useOpenNotification(close: () => void) {
  const { user } = useSession();
  const markRead = useMarkRead();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [opening, setOpening] = useState<string | null>(null);
  const openItem = async (n: NotificationItem) => {
    if (!n.read) markRead.mutate(n.id);
    if (!n.submissionId) return;
    setOpening(n.id);
    let sub: Submission | null = null;
    try {
      sub = await qc.fetchQuery({
        queryKey: qk.submission(n.submissionId),
        queryFn: () => api.submission(n.submissionId!),
        staleTime: 10_000,
      });
    } catch {
      // The page itself will show why it cannot be opened.
    }
    setOpening(null);
    close();
    navigate(notificationPath(n.submissionId, sub, user));
  };
  return { opening, openItem };
}

/** Thông báo: a bell with the unread count in the header; the list opens in a side panel. */
export function NotificationCenter() {
  const { user } = useSession();
  const [page, setPage] = useState(1);
  const q = useNotifications(!!user, page);
  const markAll = useMarkAllRead();
  const [open, setOpen] = useState(false);
  const { opening, openItem } = useOpenNotification(() => setOpen(false));
  const items = useMemo(() => newestFirst(q.data?.items ?? []), [q.data]);
  // Counted by the server over every notification, not only the page shown.
  const unread = q.data?.unread ?? 0;

  return (
    <>
      <Bell unread={unread} open={open} onOpen={() => setOpen(true)} />
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={`Thông báo${unread ? ` (${unread} chưa đọc)` : ''}`}
        placement="right"
        data-testid="notification-drawer"
        extra={
          <Button
            size="small"
            icon={<CheckOutlined aria-hidden />}
            disabled={unread === 0 || markAll.isPending}
            loading={markAll.isPending}
            onClick={() => markAll.mutate(items.filter((n) => !n.read).map((n) => n.id))}
          >
            Đánh dấu tất cả đã đọc
          </Button>
        }
      >
        {markAll.error && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 8 }}
            title={errorMessage(markAll.error)}
          />
        )}
        {q.isLoading ? (
          <Skeleton active />
        ) : q.error && !q.data ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={errorMessage(q.error)}
            action={
              <Button size="small" onClick={() => void q.refetch()}>
                Thử lại
              </Button>
            }
          />
        ) : items.length === 0 ? (
          <Empty description="Chưa có thông báo nào." />
        ) : (
          <NotificationList items={items} opening={opening} onOpen={(n) => void openItem(n)} />
        )}
        {(q.data?.total ?? 0) > NOTIFICATION_PAGE && (
          <Suspense fallback={null}>
            <NotificationPages page={page} total={q.data?.total ?? 0} onChange={setPage} />
          </Suspense>
        )}
      </Drawer>
    </>
  );
}

/** The header's bell with the unread count; it opens the list. */
function Bell({ unread, open, onOpen }: { unread: number; open: boolean; onOpen: () => void }) {
  const label = unread > 0 ? `Thông báo: ${unread} chưa đọc` : 'Thông báo';
  return (
    <Badge count={unread} overflowCount={99} size="small" offset={[-4, 4]}>
      <Button
        type="text"
        className="bdg-bell"
        icon={<BellOutlined aria-hidden style={{ fontSize: 20 }} />}
        aria-label={label}
        aria-haspopup="dialog"
        aria-expanded={open}
        title={label}
        data-testid="notification-bell"
        onClick={onOpen}
      />
    </Badge>
  );
}
