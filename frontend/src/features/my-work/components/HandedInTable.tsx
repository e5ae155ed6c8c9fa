import { useState } from 'react';
import { Link } from 'react-router';
import { Empty, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { SubmissionListItem, WorkList } from '../../../shared/api/types';
import { formatDate, formatDateTime } from '../../../shared/format/format';
import { QueryState } from '../../../shared/ui/QueryState';
import { StateTag } from '../../../shared/ui/StateTag';
import { useHandedIn } from '../hooks/use-my-work';

const EMPTY: Record<Exclude<WorkList, 'todo'>, string> = {
  sent: 'Chưa có báo cáo nào đang chờ cấp trên duyệt.',
  done: 'Chưa có báo cáo nào đã xong.',
};

/** "Đã gửi" or "Đã xong": the unit's reports handed in, by the meaning of their state (server-paged). */
export function HandedInTable({ list, q }: { list: Exclude<WorkList, 'todo'>; q: string }) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const query = useHandedIn(list, { page, pageSize, q });
  const columns: ColumnsType<SubmissionListItem> = [
    {
      title: 'Đơn vị',
      dataIndex: 'unitName',
      render: (_: unknown, s) => (
        <Link to={`/submissions/${s.id}`} data-testid={`${list}-link-${s.id}`}>
          {s.unitName}
        </Link>
      ),
    },
    { title: 'Đợt báo cáo', dataIndex: 'roundName' },
    { title: 'Trạng thái', dataIndex: 'state', render: (_: unknown, s) => <StateTag state={s.state} label={s.stateLabel} tags={s.stateTags} /> },
    { title: 'Hạn nộp', dataIndex: 'deadline', render: (v: string | null) => (v ? formatDate(v) : 'Không có hạn') },
    { title: 'Cập nhật', dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v) },
  ];
  return (
    <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()}>
      {() =>
        query.data && query.data.total === 0 && !q ? (
          <Empty description={EMPTY[list]} />
        ) : (
          <Table<SubmissionListItem>
            rowKey="id"
            // stacked into cards on phones (app.css)
            className="bdg-cards"
            columns={columns}
            dataSource={query.data?.items ?? []}
            loading={query.isFetching}
            pagination={{
              current: page,
              pageSize,
              total: query.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              onChange: (p, ps) => {
                setPage(ps !== pageSize ? 1 : p);
                setPageSize(ps);
              },
            }}
            locale={{ emptyText: 'Không có báo cáo nào khớp với từ khoá.' }}
            data-testid={`${list}-table`}
          />
        )
      }
    </QueryState>
  );
}
