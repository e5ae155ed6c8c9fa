import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { adminApi } from '../../api/admin-api';
import type { Round } from '../../api/types';
import { buildRoundPayload, type RoundDraft } from '../utils/round-payload';

/** Opens the round; a large subtree is opened by a background job, followed here with its progress. */
export function useOpenRound(draft: RoundDraft) {
  const [jobProgress, setJobProgress] = useState<number | null>(null);
  const open = useMutation({
    mutationFn: async () => {
      setJobProgress(null);
      const res = (await adminApi.openRound(buildRoundPayload(draft))) as Round & { jobId?: string };
      if (!res.jobId) return res;
      for (;;) {
        await new Promise((r) => setTimeout(r, 1000));
        const job = await adminApi.getJob(res.jobId);
        setJobProgress(typeof job.progress === 'number' ? job.progress : null);
        if (job.state === 'completed') return { ...res, ...(job.result as object | null), status: 'open' } as Round;
        if (job.state === 'failed')
          throw new Error(typeof job.error === 'string' ? job.error : 'Tạo hồ sơ thất bại; không có đợt nào được mở.');
      }
    },
  });
  return { open, jobProgress };
}
