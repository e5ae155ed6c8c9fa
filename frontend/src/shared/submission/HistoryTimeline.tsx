import { Empty, Skeleton, Timeline, Typography } from 'antd';
import { formatDateTime } from '../format/format';
import { QueryState } from '../ui/QueryState';
import { useHistory } from './hooks';

/** Lịch sử xử lý: who did what, when, with which comment. */
export function HistoryTimeline({ submissionId }: { submissionId: string }) {
  const q = useHistory(submissionId);
  return (
    <section aria-label="Lịch sử xử lý" data-testid="history">
      <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        {() =>
          !q.data ? (
            <Skeleton />
          ) : q.data.length === 0 ? (
            <Empty description="Chưa có thao tác nào." />
          ) : (
            <Timeline
              items={q.data.map((h) => ({
                key: h.seq,
                content: (
                  <div>
                    <Typography.Text strong>{h.eventLabel}</Typography.Text>
                    {' · '}
                    <span>{h.actorName ?? 'Hệ thống'}</span>
                    {' · '}
                    <time dateTime={h.at}>{formatDateTime(h.at)}</time>
                    <div className="bdg-prev">
                      {h.fromLabel ? `${h.fromLabel} → ` : ''}
                      {h.toLabel}
                    </div>
                    {h.comment && <blockquote className="bdg-wrap" style={{ margin: '4px 0 0', paddingLeft: 8, borderLeft: '3px solid #d9d9d9' }}>{h.comment}</blockquote>}
                  </div>
                ),
              }))}
            />
          )
        }
      </QueryState>
    </section>
  );
}
