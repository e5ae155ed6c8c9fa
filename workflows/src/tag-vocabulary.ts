/**
 * The documented tag vocabulary (README "State tags") and the questions asked of a report's tags alone: no flow
 * definition is read here, so a screen that only asks these (the notification list, a state tag) does not load the
 * flow engine (XState) that tags.ts needs.
 */
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

/** Is this unit's work finished? (tags, not the state's name) */
export const isDoneTags = (tags: readonly string[]): boolean => tags.includes('done');
/** Has the unit handed its report in (waiting above it, or finished)? */
export const isHandedInTags = (tags: readonly string[]): boolean => tags.some((t) => (HANDED_IN_TAGS as string[]).includes(t));
/** Is a compiling unit still waiting for its children (it opens on the compile page)? */
export const isCollectingTags = (tags: readonly string[]): boolean => tags.includes('collecting');
/** Does a state with these tags lock the data? */
export const locksDataTags = (tags: readonly string[]): boolean => tags.some((t) => (LOCKING_TAGS as string[]).includes(t));

/**
 * The one definition of "done" for a report: its state means done, or the flow has ended. The backend's
 * SQL says the same (backend/src/common/status-sql.ts); dashboards and the compile page ask this.
 */
export const isDone = (s: { stateTags?: readonly string[] | null; final: boolean }): boolean => s.final || isDoneTags(s.stateTags ?? []);
/**
 * The one definition of "late": past its deadline and not handed in (no HANDED_IN_TAGS, not final). A report
 * waiting for its head's signature is still late: the level above has not received it.
 */
export const isLate = (s: { deadline: Date | string | null; stateTags?: readonly string[] | null; final: boolean }, now: Date | number = Date.now()): boolean =>
  s.deadline !== null && new Date(s.deadline).getTime() < new Date(now).getTime() && !s.final && !isHandedInTags(s.stateTags ?? []);
