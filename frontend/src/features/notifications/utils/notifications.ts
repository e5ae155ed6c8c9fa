/** Pure helpers of the notification centre: order, labels, relative time, where a click leads. */
import { isCollectingTags } from '@bdg/workflows';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import 'dayjs/locale/vi';
import type { NotificationItem } from '../../../shared/api/documents';
import type { Submission, User } from '../../../shared/api/types';

dayjs.extend(relativeTime);

/** Newest first; an unparseable date goes last. */
export function newestFirst(items: readonly NotificationItem[]): NotificationItem[] {
  const t = (n: NotificationItem) => {
    const v = dayjs(n.createdAt).valueOf();
    return Number.isFinite(v) ? v : -Infinity;
  };
  return [...items].sort((a, b) => t(b) - t(a));
}

export function unreadCount(items: readonly NotificationItem[] | undefined): number {
  return (items ?? []).filter((n) => !n.read).length;
}

/** "5 phút trước", "2 ngày trước" (dayjs, Vietnamese). */
export function relativeVi(value: string, now: Date | number = Date.now()): string {
  const d = dayjs(value);
  if (!d.isValid()) return '';
  return d.locale('vi').from(dayjs(now).locale('vi'));
}

export function absoluteVi(value: string): string {
  const d = dayjs(value);
  return d.isValid() ? d.format('DD/MM/YYYY HH:mm') : '';
}

const KIND_LABELS: Record<string, string> = {
  'remind-3d': 'Sắp đến hạn',
  'remind-1d': 'Còn 1 ngày',
  'remind-late': 'Quá hạn',
  'remind-sign': 'Chờ ký',
  'round-opened': 'Đợt mới',
};

const EVENT_LABELS: Record<string, string> = {
  SUBMIT: 'Gửi ký',
  SIGN: 'Đã ký',
  REJECT: 'Trả lại người nhập',
  ACCEPT: 'Được chấp nhận',
  RETURN: 'Bị trả lại',
  COMPILE: 'Đã tổng hợp',
};

/** Reminders and flow events (`event:<TYPE>`) get a Vietnamese label; an unknown event keeps its name. */
export function kindLabel(kind: string): string {
  if (kind.startsWith('event:')) return EVENT_LABELS[kind.slice(6)] ?? kind.slice(6);
  return KIND_LABELS[kind] ?? kind;
}

/**
 * Where a notification leads: another unit's report is reviewed; one's own unit's report is filled
 * (or signed) on its page, and a compile report still collecting opens the compile page.
 */
export function notificationPath(
  submissionId: string,
  submission: Pick<Submission, 'unitId' | 'state' | 'stateTags'> | null | undefined,
  user: Pick<User, 'unitId'> | null | undefined,
): string {
  const base = `/submissions/${encodeURIComponent(submissionId)}`;
  if (!submission) return base;
  if (user && submission.unitId !== user.unitId) return `${base}/review`;
  if (isCollectingTags(submission.stateTags ?? [])) return `${base}/compile`;
  return base;
}
