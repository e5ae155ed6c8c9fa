/** Shapes from docs/api-shapes.md that the admin area reads: all of them @bdg/api-types'. */
import type { VersionStatus } from '@bdg/api-types';

export type {
  FlowSummary,
  FlowVersion,
  ImportResult,
  ImportRowError,
  JobView as Job,
  OpenRoundInput,
  OrgUnit,
  Page,
  RegimeSummary,
  RoleDef,
  Round,
  RoundPreview,
  TemplateSummary,
  TemplateVersion,
  TemplateVersionHead,
  TemplateVersionInput,
  User,
  VersionStatus,
} from '@bdg/api-types';

/** A version's status in the admins' words (templates and flows alike); the stored code never reaches the screen. */
export const VERSION_STATUS_LABELS: Record<VersionStatus, string> = { draft: 'Bản nháp', published: 'Đã xuất bản' };
export const versionStatusLabel = (s: VersionStatus | string): string => VERSION_STATUS_LABELS[s as VersionStatus] ?? s;
