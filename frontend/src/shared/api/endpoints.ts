/** Every backend call the SPA makes, one function per route (docs/api-shapes.md). */
import { apiFetch, apiUpload } from './client';
import type {
  Attachment,
  AttachmentQuota,
  CompilePreview,
  FieldComment,
  HistoryEntry,
  JsonObject,
  Page,
  LoginResponse,
  PreviousRound,
  Round,
  RoundProgress,
  SaveDataResponse,
  SourceValue,
  Submission,
  SubmissionSummary,
  TemplateVersion,
  Task,
  User,
  WorkList,
  WorkPage,
} from './types';
import { ALL, listQuery, type ListParams } from '../paging/page-params';

const sub = (id: string) => `/api/submissions/${encodeURIComponent(id)}`;

export const api = {
  login: (username: string, password: string) =>
    apiFetch<LoginResponse>('/api/auth/login', { method: 'POST', json: { username, password } }),
  /** Revokes every token of the signed-in user on the server (all devices), not only this one. */
  logout: () => apiFetch<void>('/api/auth/logout', { method: 'POST' }),
  me: () => apiFetch<User>('/api/me'),
  /** "Việc cần làm" (`todo`, with its counts by task), "Đã gửi" (`sent`) or "Đã xong" (`done`), one page. */
  myWork: (params: ListParams & { task?: Task } = {}) => apiFetch<WorkPage>(`/api/my-work${listQuery({ ...params, list: 'todo' })}`),
  handedIn: (list: Exclude<WorkList, 'todo'>, params: ListParams = {}) =>
    apiFetch<Page<SubmissionSummary>>(`/api/my-work${listQuery({ ...params, list })}`),
  templateVersion: (code: string, version: number) =>
    apiFetch<TemplateVersion>(`/api/templates/${encodeURIComponent(code)}/versions/${version}`),
  submission: (id: string) => apiFetch<Submission>(sub(id)),
  saveData: (id: string, data: JsonObject, version: number) =>
    apiFetch<SaveDataResponse>(`${sub(id)}/data`, { method: 'PUT', json: { data, version } }),
  sendEvent: (
    id: string,
    body: { type: string; comment?: string; fieldComments?: Pick<FieldComment, 'path' | 'text'>[]; contentHash?: string; overwrite?: string[] },
  ) => apiFetch<Submission>(`${sub(id)}/events`, { method: 'POST', json: body }),
  compilePreview: (id: string) => apiFetch<CompilePreview>(`${sub(id)}/compile-preview`),
  /** One report's log is short: the history tab reads it whole (the largest page). */
  history: async (id: string) => (await apiFetch<Page<HistoryEntry>>(`${sub(id)}/history${listQuery(ALL)}`)).items,
  sources: (id: string, path: string) =>
    apiFetch<SourceValue[]>(`${sub(id)}/sources?path=${encodeURIComponent(path)}`),
  children: (id: string) => apiFetch<SubmissionSummary[]>(`${sub(id)}/children`),
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
  roundProgress: (id: string) => apiFetch<RoundProgress>(`/api/rounds/${encodeURIComponent(id)}/progress`),
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
  rounds: ['rounds'] as const,
  progress: (id: string) => ['rounds', id, 'progress'] as const,
};
