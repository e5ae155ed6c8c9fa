import { Tag } from 'antd';
import type { NotificationItem } from '../../../shared/api/documents';
import { absoluteVi, kindLabel, relativeVi } from '../utils/notifications';

/** The notifications of one page, newest first; each opens its report. */
export function NotificationList({ items, opening, onOpen }: { items: NotificationItem[]; opening: string | null; onOpen: (n: NotificationItem) => void }) {
  const now = Date.now();
  return (
    <ul className="bdg-notif-list" aria-label="Danh sách thông báo" data-testid="notification-list">
      {items.map((n) => (
        <li key={n.id} className={n.read ? 'bdg-notif' : 'bdg-notif bdg-notif-unread'} data-read={n.read}>
          <button type="button" className="bdg-notif-item" onClick={() => onOpen(n)} aria-busy={opening === n.id || undefined} data-testid={`notification-${n.id}`}>
            {!n.read && <span className="bdg-visually-hidden">Chưa đọc: </span>}
            <span className="bdg-notif-message">{n.message}</span>
            <span className="bdg-notif-meta">
              {n.kind && <Tag>{kindLabel(n.kind)}</Tag>}
              <time dateTime={n.createdAt} title={absoluteVi(n.createdAt)}>
                {relativeVi(n.createdAt, now)}
              </time>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
