/** Shapes from docs/api-shapes.md that the admin area reads. */
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
  /** Letterhead (Nghị định 30/2020): tên cơ quan chủ quản, tên viết tắt, địa danh, chức danh, TM./TL. */
  placeName?: string | null;
  governingBody?: string | null;
  shortName?: string | null;
  headTitle?: string | null;
  signAuthority?: string | null;
}

export interface User {
  id: string;
  username: string;
  fullName: string;
  unitId: string;
  unitName?: string;
  unitKind?: string;
  roles: string[];
  active: boolean;
  /** Chức vụ, printed in the signer block ("Phó Trưởng phòng": a deputy signs "KT. …"). */
  position?: string | null;
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

export type VersionStatus = 'draft' | 'published';

/** A version's status in the admins' words (templates and flows alike); the stored code never reaches the screen. */
export const VERSION_STATUS_LABELS: Record<VersionStatus, string> = { draft: 'Bản nháp', published: 'Đã xuất bản' };
export const versionStatusLabel = (s: VersionStatus | string): string => VERSION_STATUS_LABELS[s as VersionStatus] ?? s;

export interface TemplateSummary {
  code: string;
  title: string;
  ownerUnitId: string;
  versions: { version: number; status: VersionStatus; title: string; publishedAt: string | null }[];
}

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

export interface FlowSummary {
  code: string;
  title: string;
  versions: { version: number; status: VersionStatus; publishedAt: string | null }[];
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
