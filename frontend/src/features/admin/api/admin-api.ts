/** Every call the admin area makes to the API, in one place (see docs/api-shapes.md). */
import type { DeadlineFinding, PlannedRound, Regime } from '@bdg/regimes';
import { apiFetch } from '../../../shared/api/client';
import { ALL, listQuery, type ListParams } from '../../../shared/paging/page-params';
import type {
  RoleDef,
  FlowSummary,
  FlowVersion,
  ImportResult,
  Job,
  OpenRoundInput,
  OrgUnit,
  Page,
  RegimeSummary as RegimeDef,
  Round,
  RoundPreview,
  TemplateSummary,
  TemplateVersion,
  TemplateVersionHead,
  TemplateVersionInput,
  User,
} from './types';

const enc = encodeURIComponent;

/** GET /api/regimes: the stored regime, and whether this admin may change it. */
export type RegimeSummary = RegimeDef<Regime>;

/** POST /api/regimes/draft/preview. */
export interface DraftPreview {
  problems: Array<{ path: string; title: string; message: string }>;
  rounds: PlannedRound[];
}

const qs = listQuery;

export const adminApi = {
  /** Pickers: the whole small catalogue (the largest page), as a plain list. */
  allTemplates: async () => (await adminApi.listTemplates()).items,
  allFlows: async () => (await adminApi.listFlows()).items,
  allRounds: async () => (await adminApi.listRounds()).items,
  allRoles: async () => (await adminApi.listRoles()).items,

  // templates
  /** Every list answers one page (`{items, total, page, pageSize}`); pickers ask for the largest page (ALL). */
  listTemplates: (params: ListParams = ALL) => apiFetch<Page<TemplateSummary>>(`/api/templates${qs(params)}`),
  listTemplateVersions: (code: string) => apiFetch<TemplateVersionHead[]>(`/api/templates/${enc(code)}/versions`),
  getTemplateVersion: (code: string, version: number) =>
    apiFetch<TemplateVersion>(`/api/templates/${enc(code)}/versions/${version}`),
  createTemplateVersion: (code: string, body: TemplateVersionInput) =>
    apiFetch<TemplateVersion>(`/api/templates/${enc(code)}/versions`, { method: 'POST', json: body }),
  updateTemplateVersion: (code: string, version: number, body: TemplateVersionInput) =>
    apiFetch<TemplateVersion>(`/api/templates/${enc(code)}/versions/${version}`, {
      method: 'PUT',
      json: body,
    }),
  publishTemplateVersion: (code: string, version: number) =>
    apiFetch<TemplateVersion>(`/api/templates/${enc(code)}/versions/${version}/publish`, { method: 'POST' }),

  // flows
  listFlows: (params: ListParams = ALL) => apiFetch<Page<FlowSummary>>(`/api/flows${qs(params)}`),
  getFlowVersion: (code: string, version: number) =>
    apiFetch<FlowVersion>(`/api/flows/${enc(code)}/versions/${version}`),
  createFlowVersion: (code: string, machine: Record<string, unknown>) =>
    apiFetch<FlowVersion>(`/api/flows/${enc(code)}/versions`, { method: 'POST', json: { machine } }),
  publishFlowVersion: (code: string, version: number) =>
    apiFetch<FlowVersion>(`/api/flows/${enc(code)}/versions/${version}/publish`, { method: 'POST' }),

  // reporting regimes (chế độ báo cáo)
  listRegimes: (params: ListParams = ALL) => apiFetch<Page<RegimeSummary>>(`/api/regimes${qs(params)}`),
  createRegime: (definition: Regime) => apiFetch<RegimeSummary>('/api/regimes', { method: 'POST', json: { definition } }),
  updateRegime: (code: string, definition: Regime, enabled?: boolean) =>
    apiFetch<RegimeSummary>(`/api/regimes/${enc(code)}`, { method: 'PATCH', json: { definition, enabled } }),
  /** The editor's check of an unsaved regime: lint problems, or the next rounds with their dates. */
  previewDraftRegime: (definition: Regime, count = 4, from?: string) =>
    apiFetch<DraftPreview>('/api/regimes/draft/preview', { method: 'POST', json: { definition, count, ...(from ? { from } : {}) } }),
  /** What opening the round would refuse or warn of, before the admin confirms. */
  checkRoundDeadlines: (body: { rootUnitId: string; period: string; flows: Record<string, string>; deadlines: Record<string, string> }) =>
    apiFetch<{ findings: DeadlineFinding[] }>('/api/regimes/check-deadlines', { method: 'POST', json: body }),
  previewRegime: (code: string, count: number) =>
    apiFetch<{ rounds: Array<PlannedRound & { roundId: string | null }> }>(`/api/regimes/${enc(code)}/preview${qs({ count })}`),
  openDueRounds: (today?: string) =>
    apiFetch<{ today: string; opened: Array<{ regime: string; period: string; roundId?: string; error?: string }> }>(
      '/api/regimes/open-due',
      { method: 'POST', json: today ? { today } : {} },
    ),
  // rounds
  listRounds: (params: ListParams = ALL) => apiFetch<Page<Round>>(`/api/rounds${qs(params)}`),
  previewRound: (body: { rootUnitId: string; flows: Record<string, string> }) =>
    apiFetch<RoundPreview>('/api/rounds/preview', { method: 'POST', json: body }),
  openRound: (body: OpenRoundInput) => apiFetch<Round>('/api/rounds', { method: 'POST', json: body }),
  getJob: (id: string) => apiFetch<Job>(`/api/jobs/${enc(id)}`),

  // org units
  listOrgUnits: (params: ListParams & { parentId?: string | null }) => apiFetch<Page<OrgUnit>>(`/api/org-units${qs(params)}`),
  /** A tree node's children, all of them (the largest page): a unit has at most a few hundred. */
  orgUnitChildren: async (parentId: string) => (await apiFetch<Page<OrgUnit>>(`/api/org-units${qs({ ...ALL, parentId })}`)).items,
  getOrgUnit: (id: string) => apiFetch<OrgUnit>(`/api/org-units/${enc(id)}`),
  getOrgUnitTree: (id: string) =>
    apiFetch<OrgUnit & { children: unknown[] }>(`/api/org-units/${enc(id)}/tree`),
  createOrgUnit: (body: { code: string; name: string; kind: string; parentId: string | null }) =>
    apiFetch<OrgUnit>('/api/org-units', { method: 'POST', json: body }),
  updateOrgUnit: (
    id: string,
    body: Partial<Pick<OrgUnit, 'name' | 'code' | 'kind' | 'placeName' | 'governingBody' | 'shortName' | 'headTitle' | 'signAuthority'>>,
  ) =>
    apiFetch<OrgUnit>(`/api/org-units/${enc(id)}`, { method: 'PATCH', json: body }),
  moveOrgUnit: (id: string, parentId: string) =>
    apiFetch<OrgUnit>(`/api/org-units/${enc(id)}/move`, { method: 'POST', json: { parentId } }),
  mergeOrgUnit: (id: string, intoId: string) =>
    apiFetch<OrgUnit>(`/api/org-units/${enc(id)}/merge`, { method: 'POST', json: { intoId } }),
  importOrgUnits: (file: File, dryRun: boolean) =>
    upload(`/api/org-units/import${dryRun ? '?dryRun=1' : ''}`, file),

  // roles
  listRoles: (params: ListParams = ALL) => apiFetch<Page<RoleDef>>(`/api/roles${qs(params)}`),
  createRole: (body: { code: string; label: string; description?: string; ownerUnitId?: string }) =>
    apiFetch<RoleDef>('/api/roles', { method: 'POST', json: body }),
  updateRole: (id: string, body: { label?: string; description?: string }) =>
    apiFetch<RoleDef>(`/api/roles/${enc(id)}`, { method: 'PATCH', json: body }),

  // users
  listUsers: (params: ListParams & { unitId?: string } = {}) => apiFetch<Page<User>>(`/api/users${qs(params)}`),
  createUser: (body: {
    username: string;
    password: string;
    fullName: string;
    unitId: string;
    roles: string[];
    position?: string;
  }) => apiFetch<User>('/api/users', { method: 'POST', json: body }),
  updateUser: (
    id: string,
    body: Partial<{ fullName: string; unitId: string; roles: string[]; active: boolean; password: string; position: string }>,
  ) => apiFetch<User>(`/api/users/${enc(id)}`, { method: 'PATCH', json: body }),
  importUsers: (file: File, dryRun: boolean) => upload(`/api/users/import${dryRun ? '?dryRun=1' : ''}`, file),

  // signature and seal images (visible appearance of digital signatures, Nghị định 30/2020 Phụ lục I)
  putAppearanceImage: (path: AppearanceImagePath, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return apiFetch<{ hasImage: boolean; width: number; height: number }>(path, { method: 'PUT', body: form });
  },
  deleteAppearanceImage: (path: AppearanceImagePath) => apiFetch<{ hasImage: boolean }>(path, { method: 'DELETE' }),
};

/** `/api/users/:id/signature-image` or `/api/org-units/:id/seal-image`. */
export type AppearanceImagePath = `/api/users/${string}/signature-image` | `/api/org-units/${string}/seal-image`;
export const signatureImagePath = (userId: string): AppearanceImagePath => `/api/users/${enc(userId)}/signature-image`;
export const sealImagePath = (unitId: string): AppearanceImagePath => `/api/org-units/${enc(unitId)}/seal-image`;

function upload(path: string, file: File): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file);
  return apiFetch<ImportResult>(path, { method: 'POST', body: form });
}
