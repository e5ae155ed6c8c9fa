/**
 * The JSON the backend returns (docs/api-shapes.md). The shapes the backend also builds come from
 * @bdg/api-types, its one definition for both tiers; what only the browser reads is typed here.
 */
import type { AllowedEvent, HistoryEntry, Page, Round, SubmissionSummary, Task, User, WorkItem, WorkList, WorkPage } from '@bdg/api-types';

export type { AllowedEvent, HistoryEntry, Page, Round, SubmissionSummary, Task, User, WorkItem, WorkList, WorkPage };
export type Role = 'admin' | 'editor' | 'head' | 'reviewer';

import type { Coverage } from '@bdg/schemas';

export type { Coverage };

export interface LoginResponse {
  accessToken: string;
  user: User;
}

export type JsonObject = Record<string, unknown>;

export interface TemplateVersion {
  id: string;
  code: string;
  version: number;
  title: string;
  periodKind?: string;
  status: 'draft' | 'published';
  schema: JsonObject;
  uiSchema: JsonObject;
  document?: unknown;
  basedOn: { code: string; version: number } | null;
  ownerUnitId?: string;
  createdAt?: string;
  publishedAt?: string | null;
}





export interface FieldComment {
  path: string;
  text: string;
  by?: string;
  byName?: string;
  at?: string;
}

export interface Signature {
  hash: string;
  signedBy: string;
  signedByName: string;
  role: string;
  unitId: string;
  signedAt: string;
}

export interface Submission extends SubmissionSummary {
  data: JsonObject;
  /** Text typed into number fields it does not fit, by pointer: kept as typed, flagged until fixed. */
  rawInputs?: Record<string, string>;
  /** Whether this user may write the data now (absent in older answers: decided by `locked`). */
  editable?: boolean;
  allowedEvents: AllowedEvent[];
  signature?: Signature | null;
  fieldComments: FieldComment[];
  compiled?: { included: number; total: number; stale: boolean; compiledAt: string; kept?: string[] } | null;
  /** SHA-256 of the data and evidence as shown: sent back with every event (409 when it moved on). */
  contentHash?: string;
  /** Cross-field rules (x-rules) that fail on the stored data: errors and warnings. */
  findings?: RuleFindingView[];
  /** Compiled reports: which children the figures include. */
  coverage?: Coverage | null;
}

export interface RuleFindingView {
  ruleId: string;
  severity: 'error' | 'warning';
  path: string;
  title: string;
  message: string;
}

export interface SaveDataResponse {
  version: number;
  data: JsonObject;
  rawInputs?: Record<string, string>;
  updatedAt: string;
  contentHash?: string;
  findings?: RuleFindingView[];
}

/** GET /api/submissions/:id/compile-preview */
export interface CompilePreview {
  changes: { path: string; title: string; old: unknown; new: unknown; edited: boolean; replaced: boolean; units: { unitId: string; unitName: string }[] }[];
  coverage: { included: number; expected: number };
}


export interface SourceValue {
  unitId: string;
  unitCode: string;
  unitName: string;
  value: unknown;
}

/** GET /api/unit-kinds: a unit kind and the Vietnamese label the reader sees (their province's own name, else the national one). */
export interface UnitKind {
  code: string;
  label: string;
  units: number;
  /** The top admin's label, shared by every province. */
  nationalLabel?: string;
  /** The local name in force for this reader, and the unit (a Sở) that set it. */
  local?: { label: string; unitId: string; unitName: string } | null;
  /** What this reader's PUT changes: the national label (top admin), their unit's own name (other admins), nothing. */
  canSet?: 'national' | 'local' | null;
}

/** GET /api/submissions/:id/seen: what this user last saw of a report (server-side). */
export interface LastSeen {
  contentHash: string;
  version: number;
  data: JsonObject;
  seenAt: string;
}

export interface PreviousRound {
  roundName: string;
  data: JsonObject;
}

/** GET /api/submissions/:id/attachments/quota: the limits the server enforces and what is used. */
export interface AttachmentQuota {
  maxFileBytes: number;
  maxFiles: number;
  maxTotalBytes: number;
  files: number;
  totalBytes: number;
}

export interface Attachment {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  createdAt: string;
}


/** Counts of a subtree: how many, handed in (tags), late (deadline), by state. */
export interface ProgressCounts {
  total: number;
  done: number;
  late: number;
  byState: Record<string, number>;
}

/** A unit at one level of the drill-down: its own report in the round. */
export interface ProgressNode {
  unitId: string;
  unitCode: string;
  unitName: string;
  kind: string;
  submissionId: string | null;
  state: string | null;
  stateLabel: string | null;
  stateTags: string[] | null;
  handedIn: boolean;
  late: boolean;
  daysLate: number;
  deadline: string | null;
}

export interface ProgressChild extends ProgressNode {
  hasChildren: boolean;
  subtree: ProgressCounts;
}

/** GET /api/rounds/:id/progress?parentId= — one level of the drill-down (docs/api-shapes.md). */
export interface RoundProgress {
  round: Round;
  node: ProgressNode;
  breadcrumbs: { unitId: string; unitName: string; kind: string }[];
  totals: ProgressCounts;
  levels: (ProgressCounts & { kind: string })[];
  stateLabels: Record<string, string>;
  units: { items: ProgressChild[]; total: number; page: number; pageSize: number };
}
