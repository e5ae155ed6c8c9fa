import type { EventKind, StatusTag } from '@bdg/workflows';
import type { Page } from './paging.js';

/** ISO 8601 on the wire; `Date` where the backend builds the answer. */
type Stamp<D> = D;

export interface User {
  id: string;
  username: string;
  fullName: string;
  email?: string | null;
  unitId: string;
  unitCode?: string;
  unitName: string;
  unitKind: string;
  roles: string[];
  active: boolean;
  /** Chức vụ (e.g. "Phó Trưởng phòng"). */
  position?: string | null;
  /** An admin set the password: the user must choose a new one (the web app sends them to "Đổi mật khẩu"). */
  mustChangePassword?: boolean;
}

export interface OrgUnit {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  path: string;
  level: number;
  childCount?: number;
  mergedIntoId: string | null;
  active?: boolean;
  /** Letterhead (Nghị định 30/2020): địa danh, cơ quan chủ quản, tên viết tắt, chức danh, TM./TL. */
  placeName?: string | null;
  governingBody?: string | null;
  shortName?: string | null;
  headTitle?: string | null;
  signAuthority?: string | null;
}

/** A role: built in (admin, editor, head, reviewer) or defined by a province (code + Vietnamese label). */
export interface RoleDef {
  id?: string;
  code: string;
  label: string;
  description: string | null;
  builtIn: boolean;
  ownerUnitId: string | null;
  ownerUnitName: string | null;
  /** Active users holding it (province roles). */
  holders: number | null;
}

/**
 * A row of a large submissions list (`GET /api/submissions`, "Đã gửi" / "Đã xong"): only what the tables
 * show and link with — no data, no schema, no flow or template version (the report's page reads those).
 */
export interface SubmissionListItem<D = string> {
  id: string;
  roundId: string;
  roundName: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  unitKind: string;
  /** The unit a report goes up to (named in "chờ … duyệt"), from the tree. */
  parentUnitName: string | null;
  parentUnitKind: string | null;
  /** Which form (a unit may report on several templates in a season). */
  templateCode: string;
  state: string;
  stateLabel: string;
  /** The state's meaning (workflows/ README "State tags"): screens ask these, never the state's name. */
  stateTags: string[];
  status: StatusTag | null;
  handedIn: boolean;
  final: boolean;
  /** The version a save must name (optimistic locking). */
  version: number;
  deadline: Stamp<D> | null;
  updatedAt: Stamp<D>;
}

/** A report as the screens show it outside its own page: the list item and what a work item needs besides. */
export interface SubmissionSummary<D = string> extends SubmissionListItem<D> {
  parentUnitId: string | null;
  templateVersion: number;
  flowCode: string;
  locked: boolean;
  late?: boolean;
}

export type Task = 'fill' | 'sign' | 'review' | 'approve' | 'compile';

export interface AllowedEvent {
  type: string;
  label: string;
  /** What the event does (from the flow's actions, guards and tags), never read from its name. */
  kind?: EventKind;
  requiresComment: boolean;
  blockedReason?: string;
  /** The step locks data that is editable now (from the flow's tags): the UI asks first. */
  locksData?: boolean;
}

/** `GET /api/my-work?list=todo`: a report waiting for this user, and what they are to do with it. */
export interface WorkItem<D = string> extends SubmissionSummary<D> {
  task: Task;
  /** The flow's own label for the step (e.g. "Chờ phó hiệu trưởng duyệt"). */
  stepLabel?: string;
  daysLeft: number | null;
  allowedEvents?: AllowedEvent[];
}

/** `GET /api/my-work` (list `todo`): one page, and how many items of each task the whole list holds. */
export interface WorkPage<D = string> extends Page<WorkItem<D>> {
  taskCounts: Partial<Record<Task, number>>;
}

/** The lists of "Việc cần làm": waiting for me, handed in and waiting above, finished (by state tags). */
export type WorkList = 'todo' | 'sent' | 'done';

export interface HistoryEntry<D = string> {
  seq: number;
  event: string;
  eventLabel: string;
  from: string | null;
  fromLabel: string | null;
  to: string;
  toLabel: string;
  actorId: string | null;
  actorName: string | null;
  comment: string | null;
  at: Stamp<D>;
  hash?: string;
}

export interface NotificationItem<D = string> {
  id: string;
  kind: string;
  message: string;
  submissionId: string | null;
  read: boolean;
  createdAt: Stamp<D>;
}

export interface Round<D = string> {
  id: string;
  name: string;
  templateCode: string;
  templateVersion: number;
  templateTitle?: string;
  rootUnitId: string;
  rootUnitName?: string;
  period: string;
  flows: Record<string, string>;
  deadlines: Record<string, string>;
  createdAt: Stamp<D>;
  templateVersionId?: string;
  /** On the answer of `POST /api/rounds` (the submissions it created). */
  counts?: { total: number; byKind: Record<string, number> };
  /** Nơi nhận for the round's documents (from its regime). */
  recipients?: string[];
  /** `opening` while a background job creates its reports (`openJobId`), then `open`; `failed` with `openError`. */
  status?: 'opening' | 'open' | 'failed';
  openJobId?: string | null;
  openError?: string | null;
}

export type VersionStatus = 'draft' | 'published';

export interface TemplateSummary<D = string> {
  code: string;
  title: string;
  ownerUnitId: string | null;
  versions: { version: number; status: VersionStatus; title: string; publishedAt: Stamp<D> | null }[];
}

export interface FlowSummary<D = string> {
  code: string;
  title: string;
  ownerUnitId?: string | null;
  versions: { version: number; status: VersionStatus; publishedAt: Stamp<D> | null }[];
}

/** `GET /api/regimes`: a stored reporting regime (its definition is `Regime` of @bdg/regimes). */
export interface RegimeSummary<Def = unknown, D = string> {
  id: string;
  code: string;
  ownerUnitId: string;
  definition: Def;
  enabled: boolean;
  createdBy: string | null;
  createdAt: Stamp<D>;
  editable: boolean;
}

/** `GET /api/submissions/review-summary?ids=`: what a reviewer needs to accept a report from the list of children. */
export interface ReviewSummary {
  id: string;
  unitName: string;
  state: string;
  stateLabel: string;
  contentHash: string;
  errors: number;
  warnings: number;
  /** The flow's accept event the user may send now (kind `accept`), if any. */
  acceptEvent: { type: string; label: string } | null;
  /** Accepted in bulk only without errors or warnings, and when the user may accept it now. */
  bulkAcceptable: boolean;
}

/** `GET /api/audit`: one entry of the audit log ("Nhật ký"), with who did it and from which unit. */
export interface AuditEntry<D = string> {
  id: string;
  at: Stamp<D>;
  /** What was done, as recorded (e.g. `save`, `publish`, `event:SUBMIT`). */
  action: string;
  /** The kind of thing it was done to (`submission`, `user`, `org_unit`, …) and its id. */
  entity: string;
  entityId: string | null;
  actorId: string | null;
  /** Null for the system's own entries (jobs, a forgotten-password request). */
  actorName: string | null;
  actorUsername: string | null;
  /** The actor's unit (today's): the subtree an admin sees the log of. */
  unitName: string | null;
  /** The recorded details; null when too large to list (over 2,000 characters). */
  detail: Record<string, unknown> | null;
  ip: string | null;
}
