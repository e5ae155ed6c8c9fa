/** The reviewer's actions on the list of children (docs/api-shapes.md "Submissions", "Rounds"). */
import type { BulkAcceptResult, RemindLateResult, ReviewSummary } from '@bdg/api-types';
import { apiFetch } from '../../../shared/api/client';

export type { BulkAcceptResult, RemindLateResult, ReviewSummary };

export const reviewApi = {
  summaries: (ids: string[]) => apiFetch<ReviewSummary[]>(`/api/submissions/review-summary?ids=${ids.map(encodeURIComponent).join(',')}`),
  bulkAccept: (items: { id: string; contentHash: string }[]) =>
    apiFetch<BulkAcceptResult>('/api/submissions/bulk-accept', { method: 'POST', json: { items } }),
  remind: (submissionId: string) =>
    apiFetch<{ submissionId: string; unitName: string; notified: number }>(`/api/submissions/${encodeURIComponent(submissionId)}/remind`, { method: 'POST' }),
  remindLate: (roundId: string, parentId: string) =>
    apiFetch<RemindLateResult>(`/api/rounds/${encodeURIComponent(roundId)}/remind-late`, { method: 'POST', json: { parentId } }),
};
