import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Empty, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { WorkItem } from '../../../shared/api/types';
import { formatDateTime, TASK_LABELS } from '../../../shared/format/format';
import { DeadlineBadge } from '../../../shared/ui/DeadlineBadge';
import { QueryState } from '../../../shared/ui/QueryState';
import { StateTag } from '../../../shared/ui/StateTag';
import { useMyWork } from '../hooks/use-my-work';
import { sortWork, TASK_ORDER, taskPath } from '../utils/work-links';

const OPEN_LABEL: Record<string, string> = { fill: 'Nhập liệu', sign: 'Xem và ký', approve: 'Xem và duyệt', review: 'Duyệt', compile: 'Tổng hợp' };

/** Việc cần làm: what waits for me, by role — to fill, to sign, to review, to compile. */
export function MyWorkPage() {
  const q = useMyWork();
  const navigate = useNavigate();
  const [tab, setTab] = useState<string>('all');
  const items = useMemo(() => sortWork(q.data ?? []), [q.data]);
  const counts = useMemo(() => {
    const c: Record<string, number> = {};
    for (const i of items) c[i.task] = (c[i.task] ?? 0) + 1;
    return c;
  }, [items]);
  const shown = tab === 'all' ? items : items.filter((i) => i.task === tab);
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
    {
      title: 'Hạn nộp',
      dataIndex: 'deadline',
      render: (_: unknown, w) => <DeadlineBadge deadline={w.deadline} daysLeft={w.daysLeft} />,
    },
    { title: 'Trạng thái', dataIndex: 'state', render: (_: unknown, w) => <StateTag state={w.state} label={w.stateLabel} tags={w.stateTags} /> },
    { title: 'Cập nhật', dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v) },
    {
      title: <span className="bdg-visually-hidden">Thao tác</span>,
      key: 'open',
      render: (_: unknown, w) => (
        <Button
          type="primary"
          size="small"
          aria-label={`${OPEN_LABEL[w.task] ?? 'Mở'}: ${w.unitName}, ${w.roundName}`}
          onClick={() => navigate(taskPath(w))}
        >
          {OPEN_LABEL[w.task] ?? 'Mở'}
        </Button>
      ),
    },
  ];
  return (
    <section aria-labelledby="my-work-title">
      <Typography.Title level={2} id="my-work-title">
        Việc cần làm
      </Typography.Title>
      <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        {() =>
          items.length === 0 ? (
            <Empty description="Không có việc nào đang chờ bạn." />
          ) : (
            <>
              <Tabs
                activeKey={tab}
                onChange={setTab}
                items={[
                  { key: 'all', label: `Tất cả (${items.length})` },
                  ...TASK_ORDER.filter((t) => counts[t]).map((t) => ({ key: t, label: `${TASK_LABELS[t]} (${counts[t]})` })),
                ]}
              />
              <Table<WorkItem>
                rowKey={(w) => `${w.id}-${w.task}`}
                columns={columns}
                dataSource={shown}
                pagination={shown.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                data-testid="my-work-table"
                className="bdg-cards"
              />
            </>
          )
        }
      </QueryState>
    </section>
  );
}
