import { Pagination } from 'antd';
import { NOTIFICATION_PAGE } from '../hooks/use-notifications';

/**
 * The pages of a long notification list. Its own chunk (NotificationCenter loads it when the open list has more than
 * one page): antd's Pagination brings the Select of its size changer, which no page needs at first paint.
 */
export default function NotificationPages({
  page,
  total,
  onChange,
}: {
  page: number;
  total: number;
  onChange: (page: number) => void;
}) {
  return (
    <Pagination
      size="small"
      current={page}
      pageSize={NOTIFICATION_PAGE}
      total={total}
      onChange={onChange}
      showSizeChanger={false}
      style={{ marginTop: 12, textAlign: 'center' }}
      data-testid="notification-pages"
    />
  );
}
