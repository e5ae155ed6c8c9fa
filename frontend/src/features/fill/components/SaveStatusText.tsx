import { CheckCircleOutlined, CloudSyncOutlined, DisconnectOutlined, ExclamationCircleOutlined, EditOutlined } from '@ant-design/icons';
import { formatDateTime, formatTime } from '../../../shared/format/format';
import type { SaveStatus } from '../hooks/use-fill-form';

export const OFFLINE_TEXT = 'Đang offline — sẽ lưu khi có mạng';

export function saveStatusText(status: SaveStatus, savedAt: string | null, saveError: string | null, lastUpdated?: string): string {
  switch (status) {
    case 'saving':
      return 'Đang lưu…';
    case 'saved':
      return savedAt ? `Đã lưu lúc ${formatTime(savedAt)}` : 'Đã lưu';
    case 'dirty':
      return 'Có thay đổi chưa lưu';
    case 'offline':
      return OFFLINE_TEXT;
    case 'invalid':
      return `Chưa lưu được: ${saveError ?? 'dữ liệu chưa hợp lệ'}`;
    case 'locked':
      return saveError ?? 'Báo cáo đã khóa';
    case 'conflict':
      return 'Bản trên máy chủ đã thay đổi — hãy chọn bản để giữ';
    case 'error':
      return `Chưa lưu được: ${saveError ?? ''}`;
    default:
      return lastUpdated ? `Cập nhật lần cuối ${formatDateTime(lastUpdated)}` : '';
  }
}

const ICONS: Partial<Record<SaveStatus, React.ReactNode>> = {
  saving: <CloudSyncOutlined aria-hidden />,
  saved: <CheckCircleOutlined aria-hidden style={{ color: '#237804' }} />,
  dirty: <EditOutlined aria-hidden />,
  offline: <DisconnectOutlined aria-hidden style={{ color: '#a8071a' }} />,
  invalid: <ExclamationCircleOutlined aria-hidden style={{ color: '#a8071a' }} />,
  conflict: <ExclamationCircleOutlined aria-hidden style={{ color: '#a8071a' }} />,
  locked: <ExclamationCircleOutlined aria-hidden style={{ color: '#a8071a' }} />,
  error: <ExclamationCircleOutlined aria-hidden style={{ color: '#a8071a' }} />,
};

export function SaveStatusText(props: { status: SaveStatus; savedAt: string | null; saveError: string | null; lastUpdated?: string }) {
  const text = saveStatusText(props.status, props.savedAt, props.saveError, props.lastUpdated);
  return (
    <span className="bdg-save-status" role="status" aria-live="polite" data-testid="save-status" data-status={props.status}>
      {ICONS[props.status]} {text}
    </span>
  );
}
