/** A round's opening, followed from any page: a large round opens in a background job the admin may leave. */
import { Progress, Tag, Tooltip } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { adminApi } from '../../api/admin-api';
import type { Round } from '../../api/types';
import { formatProgress } from '../../../../shared/format/format';

export function RoundOpeningStatus({ round }: { round: Round }) {
  const job = useQuery({
    queryKey: ['admin', 'job', round.openJobId],
    queryFn: () => adminApi.getJob(round.openJobId!),
    enabled: round.status === 'opening' && !!round.openJobId,
    refetchInterval: 2000,
    // Only the admin who opened it may read the job (404 for others): they see "Đang mở" without a bar.
    retry: false,
  });
  if (round.status === 'failed')
    return (
      <Tooltip title={round.openError ?? undefined}>
        <Tag color="#a8071a">Mở thất bại</Tag>
      </Tooltip>
    );
  if (round.status !== 'opening') return <Tag color="#237804">Đang mở nhận báo cáo</Tag>;
  const pct = typeof job.data?.progress === 'number' ? job.data.progress : null;
  return (
    <div data-testid="round-opening" style={{ minWidth: 160 }}>
      <Tag color="#874d00">Đang tạo hồ sơ…</Tag>
      {pct !== null && <Progress format={formatProgress} percent={pct} size="small" aria-label={`Đang tạo hồ sơ: ${formatProgress(pct)}`} />}
    </div>
  );
}
