import { Link } from 'react-router';
import { Button, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { WorkItem } from '../../../shared/api/types';
import { formatDateTime, TASK_LABELS } from '../../../shared/format/format';
import { DeadlineBadge } from '../../../shared/ui/DeadlineBadge';
import { StateTag } from '../../../shared/ui/StateTag';
import { taskPath } from '../utils/work-links';

const OPEN_LABEL: Record<string, string> = { fill: 'Nhập liệu', sign: 'Xem và ký', approve: 'Xem và duyệt', review: 'Duyệt', compile: 'Tổng hợp' };

/** The columns of "Việc cần làm": unit, round, task (with the flow's words for the step), deadline, state, open. */
export function todoColumns(open: (w: WorkItem) => void): ColumnsType<WorkItem> {
  return [
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
        <Button type="primary" size="small" aria-label={`${OPEN_LABEL[w.task] ?? 'Mở'}: ${w.unitName}, ${w.roundName}`} onClick={() => open(w)}>
          {OPEN_LABEL[w.task] ?? 'Mở'}
        </Button>
      ),
    },
  ];
}
