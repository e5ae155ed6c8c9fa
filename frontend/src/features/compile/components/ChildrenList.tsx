/** The compile page's first tab: the children's reports, their states and deadlines, each opening its review. */
import { Link } from 'react-router';
import type { UseQueryResult } from '@tanstack/react-query';
import { Table } from 'antd';
import type { ChildSubmission } from '../../../shared/api/types';
import { formatDateTime } from '../../../shared/format/format';
import { DeadlineBadge } from '../../../shared/ui/DeadlineBadge';
import { QueryState } from '../../../shared/ui/QueryState';
import { StateTag } from '../../../shared/ui/StateTag';

export function ChildrenList({ children }: { children: UseQueryResult<ChildSubmission[]> }) {
  return (
    <QueryState isLoading={children.isLoading} error={children.error} onRetry={() => void children.refetch()}>
      {() => (
        <Table<ChildSubmission>
          rowKey="id"
          size="small"
          dataSource={children.data ?? []}
          data-testid="children-table"
          pagination={(children.data?.length ?? 0) > 30 ? { pageSize: 30 } : false}
          columns={[
            { title: 'Đơn vị', dataIndex: 'unitName', render: (n: string, c) => <Link to={`/submissions/${c.id}/review`}>{n}</Link> },
            { title: 'Trạng thái', dataIndex: 'state', render: (_: unknown, c) => <StateTag state={c.state} label={c.stateLabel} tags={c.stateTags} /> },
            { title: 'Hạn nộp', dataIndex: 'deadline', render: (_: unknown, c) => <DeadlineBadge deadline={c.deadline} late={c.late} /> },
            { title: 'Cập nhật', dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v) },
          ]}
        />
      )}
    </QueryState>
  );
}
