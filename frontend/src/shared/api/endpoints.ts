/** Every backend call the SPA makes, one function per route (docs/api-shapes.md). */
import { apiFetch, apiUpload } from './client';
import type {
  Attachment,
  AttachmentQuota,
  ChildSubmission,
  CompilePreview,
  FieldComment,
  HistoryEntry,
  JsonObject,
  LastSeen,
  Page,
  LoginResponse,
  PreviousRound,
  Round,
  RoundProgress,
  SaveDataResponse,
  SourceValue,
  Submission,
  SubmissionListItem,
  TemplateVersion,
  UnitKind,
  Task,
  User,
  WorkList,
  WorkPage,
} from './types';
import { ALL, listQuery, type ListParams } from '../paging/page-params';

export interface ProgressParams {
  parentId?: string;
  page?: number;
  pageSize?: number;
  q?: string;
  sort?: 'name' | '-name' | 'late' | 'done' | '-done' | 'state';
  late?: boolean;
}

const sub = (id: string) => `/api/submissions/${encodeURIComponent(id)}`;

export const api = {
  login: (username: string, password: string) =>
    apiFetch<LoginResponse>('/api/auth/login', { method: 'POST', json: { username, password } }),
  /** Revokes every token of the signed-in user on the server (all devices), not only this one. */
  logout: () => apiFetch<void>('/api/auth/logout', { method: 'POST' }),
  me: () => apiFetch<User>('/api/me'),
  /** The own-password screen: every other session is signed out; this one goes on with the returned token. */
  changeMyPassword: (currentPassword: string, newPassword: string) =>
    apiFetch<{ accessToken: string }>('/api/me/password', { method: 'POST', json: { currentPassword, newPassword } }),
  forgotPassword: (username: string) =>
    apiFetch<{ message: string }>('/api/auth/forgot-password', { method: 'POST', json: { username } }),
  resetPassword: (token: string, newPassword: string) =>
    apiFetch<void>('/api/auth/reset-password', { method: 'POST', json: { token, newPassword } }),
  /** "Việc cần làm" (`todo`, with its counts by task), "Đã gửi" (`sent`) or "Đã xong" (`done`), one page. */
  myWork: (params: ListParams & { task?: Task } = {}) => apiFetch<WorkPage>(`/api/my-work${listQuery({ ...params, list: 'todo' })}`),
  handedIn: (list: Exclude<WorkList, 'todo'>, params: ListParams = {}) =>
    apiFetch<Page<SubmissionListItem>>(`/api/my-work${listQuery({ ...params, list })}`),
  templateVersion: (code: string, version: number) =>
    apiFetch<TemplateVersion>(`/api/templates/${encodeURIComponent(code)}/versions/${version}`),
  submission: (id: string) => apiFetch<Submission>(sub(id)),
  saveData: (id: string, data: JsonObject, version: number, rawInputs?: Record<string, string>) =>
    apiFetch<SaveDataResponse>(`${sub(id)}/data`, { method: 'PUT', json: { data, version, ...(rawInputs ? { rawInputs } : {}) } }),
  sendEvent: (
    id: string,
    body: { type: string; comment?: string; fieldComments?: Pick<FieldComment, 'path' | 'text'>[]; contentHash?: string; overwrite?: string[] },
  ) => apiFetch<Submission>(`${sub(id)}/events`, { method: 'POST', json: body }),
  /** What the signed-in user last saw of this report (kept on the server, so it follows them to another computer). */
  lastSeen: (id: string) => apiFetch<{ lastSeen: LastSeen | null }>(`${sub(id)}/seen`),
  markSeen: (id: string, contentHash: string) =>
    apiFetch<Omit<LastSeen, 'data'>>(`${sub(id)}/seen`, { method: 'PUT', json: { contentHash } }),
  compilePreview: (id: string) => apiFetch<CompilePreview>(`${sub(id)}/compile-preview`),
  /** One report's log is short: the history tab reads it whole (the largest page). */
  history: async (id: string) => (await apiFetch<Page<HistoryEntry>>(`${sub(id)}/history${listQuery(ALL)}`)).items,
  sources: (id: string, path: string) =>
    apiFetch<SourceValue[]>(`${sub(id)}/sources?path=${encodeURIComponent(path)}`),
  children: (id: string) => apiFetch<ChildSubmission[]>(`${sub(id)}/children`),
  previous: (id: string) => apiFetch<PreviousRound | null>(`${sub(id)}/previous`),
  /** Extra (requested from the backend): the data as it stood when the submission was last returned. */
  returned: (id: string) => apiFetch<{ data: JsonObject; at: string } | null>(`${sub(id)}/returned`),
  attachments: (id: string) => apiFetch<Attachment[]>(`${sub(id)}/attachments`),
  attachmentQuota: (id: string) => apiFetch<AttachmentQuota>(`${sub(id)}/attachments/quota`),
  uploadAttachment: (id: string, file: File, onProgress?: (p: number) => void, signal?: AbortSignal) =>
    apiUpload<Attachment>(`${sub(id)}/attachments`, file, { onProgress, signal }),
  attachmentUrl: (attachmentId: string) => `/api/attachments/${encodeURIComponent(attachmentId)}`,
  /** Every round the user may see, for a picker (the largest page). */
  rounds: async () => (await apiFetch<Page<Round>>(`/api/rounds${listQuery(ALL)}`)).items,
  /** Unit kinds with their Vietnamese labels (data on the server, renamed by the top admin). */
  unitKinds: () => apiFetch<UnitKind[]>('/api/unit-kinds'),
  /** One level of the drill-down: `parentId` (default: the user's unit), a page of its children. */
  roundProgress: (id: string, params: ProgressParams = {}) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '' && v !== null) q.set(k, String(v));
    const s = q.toString();
    return apiFetch<RoundProgress>(`/api/rounds/${encodeURIComponent(id)}/progress${s ? `?${s}` : ''}`);
  },
};

/** Query keys, one place so that mutations invalidate the right caches. */
export const qk = {
  me: ['me'] as const,
  myWork: ['my-work'] as const,
  workList: (list: WorkList) => ['my-work', list] as const,
  template: (code: string, version: number) => ['template', code, version] as const,
  submission: (id: string) => ['submission', id] as const,
  history: (id: string) => ['submission', id, 'history'] as const,
  attachments: (id: string) => ['submission', id, 'attachments'] as const,
  attachmentQuota: (id: string) => ['submission', id, 'attachments', 'quota'] as const,
  children: (id: string) => ['submission', id, 'children'] as const,
  previous: (id: string) => ['submission', id, 'previous'] as const,
  returned: (id: string) => ['submission', id, 'returned'] as const,
  sources: (id: string, path: string) => ['submission', id, 'sources', path] as const,
  seen: (id: string, contentHash: string) => ['submission', id, 'seen', contentHash] as const,
  rounds: ['rounds'] as const,
  unitKinds: ['unit-kinds'] as const,
  progress: (id: string, params: object = {}) => ['rounds', id, 'progress', params] as const,
};
