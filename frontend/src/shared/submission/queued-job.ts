/**
 * Heavy events (COMPILE over more than a thousand units) are answered `{queued, jobId}` and run as a
 * background job. The job id is kept in sessionStorage per submission, so the page that follows its
 * progress can be left and reopened (same tab) and still find it.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

export interface QueuedAnswer {
  queued: true;
  jobId: string;
  message?: string;
}

export const isQueued = (x: unknown): x is QueuedAnswer => typeof x === 'object' && x !== null && (x as { queued?: unknown }).queued === true;

const storageKey = (submissionId: string) => `bdg.job.${submissionId}`;
export const queuedJobKey = (submissionId: string) => ['queued-job', submissionId] as const;

export function rememberQueuedJob(submissionId: string, jobId: string | null) {
  if (jobId) sessionStorage.setItem(storageKey(submissionId), jobId);
  else sessionStorage.removeItem(storageKey(submissionId));
}

/** The job running for this submission, if any, and how to forget it once it ended. */
export function useQueuedJob(submissionId: string) {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: queuedJobKey(submissionId), queryFn: () => sessionStorage.getItem(storageKey(submissionId)), staleTime: Infinity });
  const forget = useCallback(() => {
    rememberQueuedJob(submissionId, null);
    qc.setQueryData(queuedJobKey(submissionId), null);
  }, [qc, submissionId]);
  return { jobId: q.data ?? null, forget };
}
