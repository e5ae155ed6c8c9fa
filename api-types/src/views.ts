/**
 * Detail answers (docs/api-shapes.md): one report as its page shows it, a template or flow version,
 * one level of a round's progress, and the smaller answers beside them. The backend's controllers
 * declare these as their return types; the frontend reads the same ones.
 */
import type { Coverage, RecompileChange } from '@bdg/schemas';
import type { Round, SubmissionSummary, User, AllowedEvent, VersionStatus } from './shapes.js';
import type { Page } from './paging.js';

export type { Coverage };

/** A JSON object as stored (form data, schema, ui schema). */
export type JsonObject = Record<string, unknown>;

/** `POST /api/auth/login`. */
export interface LoginResponse {
  accessToken: string;
  user: User;
}

/** A note a reviewer left on one field of a report. */
export interface FieldComment {
  path: string;
  text: string;
  by: string;
  byName: string;
  at: string;
}

/** The head's signature over a report's content. */
export interface Signature {
  hash: string;
  signedBy: string;
  signedByName: string;
  role: string;
  unitId: string;
  signedAt: string;
}

/** A cross-field rule (`x-rules`) that fails on the stored data. */
export interface RuleFindingView {
  ruleId: string;
  severity: 'error' | 'warning';
  path: string;
  title: string;
  message: string;
}

/** A required field the stored data lacks: its pointer (or its section's, when the whole section is missing). */
export interface RequiredFieldView {
  path: string;
  title: string;
  message: string;
}

/** `GET /api/submissions/:id` (and the answer of an event): a report as its page shows it. */
export interface Submission<D = string> extends SubmissionSummary<D> {
  data: JsonObject;
  /** Text typed into number fields it does not fit, by pointer: kept as typed, flagged until fixed. */
  rawInputs: Record<string, string>;
  /** Whether this user may write the data now. */
  editable: boolean;
  allowedEvents: AllowedEvent[];
  signature: Signature | null;
  fieldComments: FieldComment[];
  compiled: { included: number; total: number; stale: boolean; compiledAt: string; kept?: string[] } | null;
  /** SHA-256 of the data and evidence as shown: sent back with every event (409 when it moved on). */
  contentHash: string;
  /** Cross-field rules (x-rules) that fail on the stored data: errors and warnings. */
  findings: RuleFindingView[];
  /**
   * The required fields the stored data lacks (the complete check's `required` problems), for the editor's progress
   * bar when the page opens, before the browser has loaded its own check; null when this user may not edit.
   */
  missingRequired: RequiredFieldView[] | null;
  /** Compiled reports: which children the figures include. */
  coverage: Coverage | null;
}

/** `GET /api/submissions/:id/children`: a child's report as the parent's reviewer sees it. */
export interface ChildSubmission<D = string> extends SubmissionSummary<D> {
  late: boolean;
  includedInCompile: boolean;
  changedSinceCompile: boolean;
}

/** `PUT /api/submissions/:id/data`. */
export interface SaveDataResponse<D = string> {
  id: string;
  version: number;
  data: JsonObject;
  rawInputs: Record<string, string>;
  updatedAt: D;
  contentHash: string;
  findings: RuleFindingView[];
}

/** `GET /api/submissions/:id/compile-preview`: what compiling again would change. */
export interface CompilePreview {
  changes: (RecompileChange & { units: { unitId: string; unitName: string }[] })[];
  coverage: { included: number; expected: number };
}

/** `GET /api/submissions/:id/sources?path=`: which unit gave which value to a consolidated figure. */
export interface SourceValue {
  unitId: string;
  unitCode: string;
  unitName: string;
  value: unknown;
}

/** `GET /api/submissions/:id/previous`: the same unit's report of the previous round. */
export interface PreviousRound {
  roundName: string;
  data: unknown;
}

/** `GET /api/submissions/:id/seen` → `{lastSeen}`: what this user last saw of a report (server-side). */
export interface LastSeen {
  contentHash: string;
  version: number;
  data: JsonObject;
  seenAt: string;
}

/** `GET /api/unit-kinds`: a unit kind and its Vietnamese label. */
export interface UnitKind {
  code: string;
  /** The label the reader sees: their province's own name, else the national one. */
  label: string;
  units: number;
  /** The top admin's label, shared by every province. */
  nationalLabel?: string;
  /** The local name in force for this reader, and the unit (a Sở) that set it. */
  local?: { label: string; unitId: string; unitName: string } | null;
  /** What this reader's PUT changes: the national label (top admin), their unit's own name (other admins), nothing. */
  canSet?: 'national' | 'local' | null;
}

/** `GET /api/submissions/:id/attachments/quota`: the limits the server enforces and what is used. */
export interface AttachmentQuota {
  maxFileBytes: number;
  maxFiles: number;
  maxTotalBytes: number;
  files: number;
  totalBytes: number;
}

/** `GET /api/submissions/:id/attachments`: one piece of evidence (its content is downloaded apart). */
export interface Attachment<D = string> {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  createdAt: D;
}

/** `GET /api/templates/:code/versions`: a template version without its bodies. */
export interface TemplateVersionHead<D = string> {
  id: string;
  code: string;
  version: number;
  title: string;
  periodKind: string;
  status: VersionStatus;
  basedOn: { code: string; version: number } | null;
  ownerUnitId: string | null;
  createdAt: D;
  publishedAt: D | null;
}

/** `GET /api/templates/:code/versions/:version` (and a saved or published draft): one version of a template. */
export interface TemplateVersion<D = string> extends TemplateVersionHead<D> {
  schema: JsonObject;
  uiSchema: JsonObject;
  document: unknown;
}

/** `POST`/`PUT /api/templates/:code/versions`: the body of a draft. */
export interface TemplateVersionInput {
  title?: string;
  periodKind?: string;
  schema: JsonObject;
  uiSchema: JsonObject;
  document?: unknown;
  basedOn?: { code: string; version: number };
}

/** `GET /api/flows/:code/versions/:version`: one version of a flow (`machine` is its definition). */
export interface FlowVersion<D = string> {
  id: string;
  code: string;
  version: number;
  title: string;
  status: VersionStatus;
  machine: JsonObject;
  ownerUnitId: string | null;
  createdAt: D;
  publishedAt: D | null;
  /** On the answer of a save or publish: the linter's warnings. */
  warnings?: { path: string; message: string; severity: string }[];
}

/** `POST /api/rounds`: the round to open. */
export interface OpenRoundInput {
  name: string;
  template: { code: string; version: number };
  rootUnitId: string;
  period: string;
  flows: Record<string, string>;
  deadlines: Record<string, string>;
}

/** `POST /api/rounds/preview`: how many reports a round would create, by unit kind. */
export interface RoundPreview {
  byKind: Record<string, number>;
  total: number;
}

/** `POST /api/org-units/import`, `POST /api/users/import`: all rows or none. */
export interface ImportRowError {
  line: number;
  column: string;
  message: string;
}
export interface ImportResult {
  ok: boolean;
  created: number;
  errors: ImportRowError[];
}

/** `GET /api/jobs/:id`: a background job; `state` is one of created | active | retry | completed | failed. */
export interface JobView<D = string> {
  id: string;
  name: string;
  state: string;
  progress: number;
  result: unknown;
  error: string | null;
  createdAt: D;
  updatedAt: D;
}

/** Counts of a subtree: how many, handed in (tags), late (deadline), by state. */
export interface ProgressCounts {
  total: number;
  done: number;
  late: number;
  byState: Record<string, number>;
}

/** A unit at one level of the drill-down: its own report in the round. */
export interface ProgressNode<D = string> {
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
  deadline: D | null;
}

export interface ProgressChild<D = string> extends ProgressNode<D> {
  hasChildren: boolean;
  subtree: ProgressCounts;
}

/** `GET /api/rounds/:id/progress?parentId=`: one level of the drill-down. */
export interface RoundProgress<D = string> {
  round: Round<D>;
  node: ProgressNode<D>;
  breadcrumbs: { unitId: string; unitName: string; kind: string }[];
  totals: ProgressCounts;
  levels: (ProgressCounts & { kind: string })[];
  stateLabels: Record<string, string>;
  units: Page<ProgressChild<D>>;
}
