import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Progress } from 'antd';
import { documentsApi } from '../api/documents';
import { qk } from '../api/endpoints';
import { useQueuedJob } from './queued-job';
import { formatProgress } from '../format/format';

const ENDED = new Set(['completed', 'failed', 'cancelled']);

/**
 * The progress bar of a background job started for this submission (a large compile): polls
 * GET /api/jobs/:id every second until it ends, then reloads the submission.
 */
export function QueuedJobProgress({ submissionId }: { submissionId: string }) {
  const qc = useQueryClient();
  const { jobId, forget } = useQueuedJob(submissionId);
  const job = useQuery({
    queryKey: ['job', jobId],
    queryFn: () => documentsApi.job(jobId!),
    enabled: !!jobId,
    refetchInterval: (q) => (q.state.data && ENDED.has(q.state.data.state) ? false : 1000),
  });
  const state = job.data?.state;
  useEffect(() => {
    if (state === 'completed') {
      void qc.invalidateQueries({ queryKey: qk.submission(submissionId) });
      void qc.invalidateQueries({ queryKey: qk.history(submissionId) });
      void qc.invalidateQueries({ queryKey: qk.children(submissionId) });
    }
  }, [state, qc, submissionId]);
  if (!jobId) return null;
  if (job.isError) {
    // an unknown or foreign job id (another account in this tab): nothing to follow
    return <Alert type="warning" showIcon title="Không theo dõi được công việc tổng hợp." action={<Button size="small" onClick={forget}>Đóng</Button>} />;
  }
  if (state === 'failed' || state === 'cancelled')
    return <Alert type="error" showIcon role="alert" title={`Tổng hợp không thành công: ${job.data?.error ?? 'lỗi không rõ'}`} action={<Button size="small" onClick={forget}>Đóng</Button>} />;
  if (state === 'completed')
    return <Alert type="success" showIcon role="status" title="Đã tổng hợp xong." action={<Button size="small" onClick={forget}>Đóng</Button>} />;
  return (
    <Alert
      type="info"
      role="status"
      title="Đang tổng hợp số liệu trong nền. Bạn có thể rời trang này và quay lại sau."
      description={<Progress format={formatProgress} percent={job.data?.progress ?? 0} status="active" aria-label="Tiến độ tổng hợp" />}
    />
  );
}
