/** Official documents, background jobs, integrity checks and notifications (docs/api-shapes.md, "extra"). */
import type { JobView, NotificationItem, Page, PdfSignature, PdfSignatures, VerifyResult } from '@bdg/api-types';
import { apiFetch } from './client';
import { listQuery, type ListParams } from '../paging/page-params';

export type ExportFormat = 'docx' | 'pdf' | 'xlsx';

export type { JobView, NotificationItem, PdfSignature, PdfSignatures, VerifyResult };

const enc = encodeURIComponent;

export const documentsApi = {
  exportPath: (submissionId: string, format: ExportFormat, async = false) =>
    `/api/submissions/${enc(submissionId)}/export?format=${format}${async ? '&async=1' : ''}`,
  job: (jobId: string) => apiFetch<JobView>(`/api/jobs/${enc(jobId)}`),
  jobFilePath: (jobId: string) => `/api/jobs/${enc(jobId)}/file`,
  verify: (submissionId: string) => apiFetch<VerifyResult>(`/api/submissions/${enc(submissionId)}/verify`),
  pdfSignatures: (submissionId: string) => apiFetch<PdfSignatures>(`/api/submissions/${enc(submissionId)}/signatures`),
  /** The bell's newest notifications (one page) and how many are unread. */
  notifications: (params: ListParams = {}) => apiFetch<Page<NotificationItem> & { unread: number }>(`/api/notifications${listQuery(params)}`),
  markNotificationRead: (id: string) => apiFetch<unknown>(`/api/notifications/${enc(id)}/read`, { method: 'POST' }),
  markAllNotificationsRead: () => apiFetch<{ updated: number }>('/api/notifications/read-all', { method: 'POST' }),
};

export const documentsQk = {
  notifications: ['notifications'] as const,
  verify: (submissionId: string) => ['submission', submissionId, 'verify'] as const,
};

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  docx: 'Word (DOCX)',
  pdf: 'PDF',
  xlsx: 'Excel (XLSX)',
};
