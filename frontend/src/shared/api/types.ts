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


export interface RoundProgress {
  round: Round;
  levels: { kind: string; total: number; byState: Record<string, number>; late: number; done?: number }[];
  units: {
    unitId: string;
    unitCode: string;
    unitName: string;
    kind: string;
    parentId: string | null;
    submissionId: string;
    state: string;
    stateLabel: string;
    stateTags?: string[];
    /** Handed in: its state means submitted or done. */
    handedIn?: boolean;
    deadline: string | null;
    late: boolean;
    /** A unit that compiles its children: how many of them its figures include. */
    coverage?: { included: number; expected: number } | null;
  }[];
}
