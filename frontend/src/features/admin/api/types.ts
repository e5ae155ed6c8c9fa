/** Shapes from docs/api-shapes.md that the admin area reads: the backend's own from @bdg/api-types. */
import type { FlowSummary, OrgUnit, Page, RegimeSummary, RoleDef, TemplateSummary, User, VersionStatus } from '@bdg/api-types';

export type { FlowSummary, OrgUnit, Page, RegimeSummary, RoleDef, TemplateSummary, User, VersionStatus };

/** A version's status in the admins' words (templates and flows alike); the stored code never reaches the screen. */
export const VERSION_STATUS_LABELS: Record<VersionStatus, string> = { draft: 'Bản nháp', published: 'Đã xuất bản' };
export const versionStatusLabel = (s: VersionStatus | string): string => VERSION_STATUS_LABELS[s as VersionStatus] ?? s;

export interface TemplateVersion {
  id: string;
  code: string;
  version: number;
  title: string;
  periodKind: string;
  status: VersionStatus;
  schema?: Record<string, unknown>;
  uiSchema?: Record<string, unknown>;
  document?: unknown;
  basedOn: { code: string; version: number } | null;
  ownerUnitId: string;
  createdAt: string;
  publishedAt: string | null;
}

export interface TemplateVersionInput {
  title?: string;
  periodKind?: string;
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
  document?: unknown;
  basedOn?: { code: string; version: number };
}

export interface FlowVersion {
  id: string;
  code: string;
  version: number;
  title: string;
  status: VersionStatus;
  machine: Record<string, unknown>;
  ownerUnitId: string;
  createdAt: string;
  publishedAt: string | null;
}

/** One definition of a round for every feature. */
export type { Round } from '../../../shared/api/types';

export interface OpenRoundInput {
  name: string;
  template: { code: string; version: number };
  rootUnitId: string;
  period: string;
  flows: Record<string, string>;
  deadlines: Record<string, string>;
}

export interface RoundPreview {
  byKind: Record<string, number>;
  total: number;
}

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

export interface Job {
  id: string;
  name: string;
  state: string;
  progress: number | null;
  result: unknown;
  error: unknown;
}
