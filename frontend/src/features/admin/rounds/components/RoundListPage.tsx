/** Rounds already opened, and the way into the wizard. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { adminApi } from '../../api/admin-api';
import { adminKeys } from '../../api/query-keys';
import type { Round } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RoundOpeningStatus } from './RoundOpeningStatus';
import { SearchBox } from '../../../../shared/paging/SearchBox';
import { usePagedList } from '../../../../shared/paging/use-paged-list';

export function RoundListPage() {
  // While a round opens in the background, the list follows it until it is open.
  const rounds = usePagedList(adminKeys.rounds, adminApi.listRounds, {
    refetchInterval: (page) => ((page?.items ?? []).some((r) => r.status === 'opening') ? 3000 : false),
  });
  return (
    <div data-testid="round-list">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          Đợt báo cáo
        </Typography.Title>
        <Link to="/admin/rounds/new">
          <Button type="primary" icon={<PlusOutlined />} data-testid="new-round">
            Mở đợt báo cáo
          </Button>
        </Link>
      </Space>
      <ErrorAlert error={rounds.query.error} prefix="Không tải được đợt báo cáo" />
      <SearchBox value={rounds.search} onChange={rounds.setSearch} placeholder="Tìm đợt theo tên hoặc kỳ" testId="round-search" />
      <Table<Round>
        rowKey="id"
        {...rounds.tableProps}
        columns={[
          { title: 'Tên đợt', dataIndex: 'name', key: 'name', sorter: true },
          { title: 'Kỳ', dataIndex: 'period', key: 'period', sorter: true },
          { title: 'Biểu mẫu', render: (_, r) => `${r.templateCode} v${r.templateVersion}` },
          {
            title: 'Quy trình theo loại đơn vị',
            render: (_, r) => Object.entries(r.flows).map(([k, f]) => <Tag key={k}>{`${k}: ${f}`}</Tag>),
          },
          {
            title: 'Hạn nộp',
            render: (_, r) =>
              Object.entries(r.deadlines).map(([k, d]) => (
                <Tag key={k}>{`${k}: ${dayjs(d).format('DD/MM/YYYY')}`}</Tag>
              )),
          },
          { title: 'Số hồ sơ', render: (_, r) => r.counts?.total ?? '—' },
          { title: 'Trạng thái', render: (_, r) => <RoundOpeningStatus round={r} /> },
        ]}
        locale={{ emptyText: 'Chưa có đợt báo cáo nào.' }}
      />
    </div>
  );
}
