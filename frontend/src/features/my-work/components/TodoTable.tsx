import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Empty, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Task, WorkItem } from '../../../shared/api/types';
import { formatDateTime, TASK_LABELS } from '../../../shared/format/format';
import { DeadlineBadge } from '../../../shared/ui/DeadlineBadge';
import { QueryState } from '../../../shared/ui/QueryState';
import { StateTag } from '../../../shared/ui/StateTag';
import { useMyWork } from '../hooks/use-my-work';
import { sortWork, TASK_ORDER, taskPath } from '../utils/work-links';

const OPEN_LABEL: Record<string, string> = { fill: 'Nhập liệu', sign: 'Xem và ký', approve: 'Xem và duyệt', review: 'Duyệt', compile: 'Tổng hợp' };

/** What waits for me, by task (tabs counted by the server over the whole list), one page at a time. */
export function TodoTable({ q }: { q: string }) {
  const navigate = useNavigate();
  const [tab, setTab] = useState<'all' | Task>('all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const query = useMyWork({ page, pageSize, q, task: tab === 'all' ? undefined : tab });
  // Late first, then the nearest deadline, within the page the server sent in that order.
  const items = useMemo(() => sortWork(query.data?.items ?? []), [query.data]);
  const counts = query.data?.taskCounts ?? {};
  const all = Object.values(counts).reduce((a, n) => a + (n ?? 0), 0);
  const columns: ColumnsType<WorkItem> = [
    {
      title: 'Đơn vị',
      dataIndex: 'unitName',
      render: (_: unknown, w) => (
        <Link to={taskPath(w)} data-testid={`work-link-${w.id}`}>
          {w.unitName}
        </Link>
      ),
    },
    { title: 'Đợt báo cáo', dataIndex: 'roundName' },
    {
      title: 'Việc',
      dataIndex: 'task',
      // The flow's own words for the step (e.g. "Chờ phó hiệu trưởng duyệt") under the kind of task.
      render: (t: string, w) => (
        <span>
          {TASK_LABELS[t] ?? t}
          {w.stepLabel ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid={`step-${w.id}`}>
              {w.stepLabel}
            </Typography.Text>
          ) : null}
        </span>
      ),
    },
    { title: 'Hạn nộp', dataIndex: 'deadline', render: (_: unknown, w) => <DeadlineBadge deadline={w.deadline} daysLeft={w.daysLeft} /> },
    { title: 'Trạng thái', dataIndex: 'state', render: (_: unknown, w) => <StateTag state={w.state} label={w.stateLabel} tags={w.stateTags} /> },
    { title: 'Cập nhật', dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v) },
    {
      title: <span className="bdg-visually-hidden">Thao tác</span>,
      key: 'open',
      render: (_: unknown, w) => (
        <Button type="primary" size="small" aria-label={`${OPEN_LABEL[w.task] ?? 'Mở'}: ${w.unitName}, ${w.roundName}`} onClick={() => navigate(taskPath(w))}>
          {OPEN_LABEL[w.task] ?? 'Mở'}
        </Button>
      ),
    },
  ];
  return (
    <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()}>
      {() =>
        all === 0 && !q ? (
          <Empty description="Không có việc nào đang chờ bạn." />
        ) : (
          <>
            <Tabs
              activeKey={tab}
              onChange={(k) => {
                setTab(k as 'all' | Task);
                setPage(1);
              }}
              items={[
                { key: 'all', label: `Tất cả (${all})` },
                ...TASK_ORDER.filter((t) => counts[t]).map((t) => ({ key: t, label: `${TASK_LABELS[t]} (${counts[t]})` })),
              ]}
            />
            <Table<WorkItem>
              rowKey={(w) => `${w.id}-${w.task}`}
              // stacked into cards on phones (app.css)
              className="bdg-cards"
              columns={columns}
              dataSource={items}
              loading={query.isFetching}
              pagination={{
                current: page,
                pageSize,
                total: query.data?.total ?? 0,
                hideOnSinglePage: true,
                showSizeChanger: true,
                pageSizeOptions: [20, 50, 100],
                onChange: (p, ps) => {
                  setPage(ps !== pageSize ? 1 : p);
                  setPageSize(ps);
                },
              }}
              locale={{ emptyText: 'Không có việc nào khớp với từ khoá.' }}
              data-testid="my-work-table"
            />
          </>
        )
      }
    </QueryState>
  );
}
