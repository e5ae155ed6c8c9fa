/** The documented tag vocabulary (README "State tags"). */
import type { FlagTag, StatusTag } from './types.js';

export const STATUS_TAGS: readonly StatusTag[] = [
  'collecting',
  'editing',
  'returned',
  'awaitingApproval',
  'awaitingSignature',
  'submitted',
  'done',
];
export const FLAG_TAGS: readonly FlagTag[] = ['locked'];

/** Vietnamese meaning of each tag, for the builder and the docs. */
export const tagLabels: Readonly<Record<StatusTag | FlagTag, string>> = {
  collecting: 'Đang thu thập báo cáo đơn vị trực thuộc',
  editing: 'Đơn vị đang soạn',
  returned: 'Bị cấp trên trả lại, đơn vị soạn lại',
  awaitingApproval: 'Chờ người trong đơn vị duyệt trước khi ký',
  awaitingSignature: 'Chờ thủ trưởng ký',
  submitted: 'Đã gửi, chờ cấp trên duyệt',
  done: 'Đã xong',
  locked: 'Khoá dữ liệu ở trạng thái này',
};

/** Statuses in which the unit's own work is handed in (the dashboards' "đã nộp"). */
export const HANDED_IN_TAGS: readonly StatusTag[] = ['submitted', 'done'];
/** Statuses that wait for someone inside the unit, not its editors (signature, approval): reminders tell them "đang chờ bạn". */
export const WAITING_INSIDE_TAGS: readonly StatusTag[] = ['awaitingSignature', 'awaitingApproval'];
/**
 * The lists beside "Việc cần làm", by meaning: `sent` = handed in and waiting at the level above,
 * `done` = finished (a final state counts as done too, whatever its tags).
 */
export const WORK_LIST_TAGS: Readonly<Record<'sent' | 'done', readonly StatusTag[]>> = {
  sent: ['submitted'],
  done: ['done'],
};
/** Statuses whose data nobody edits: from the signer's desk on. */
export const LOCKING_TAGS: readonly (StatusTag | FlagTag)[] = [
  'awaitingApproval',
  'awaitingSignature',
  'submitted',
  'done',
  'locked',
];

const STATUS_SET = new Set<string>(STATUS_TAGS);

export const isStatusTag = (t: string): t is StatusTag => STATUS_SET.has(t);

