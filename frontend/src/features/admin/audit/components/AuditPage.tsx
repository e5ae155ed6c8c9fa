/** "Nhật ký": who did what, when, in the admin's subtree — paged, filtered and searched on the server. */
import type { AuditEntry } from '@bdg/api-types';
import { Alert, DatePicker, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { formatDateTime } from '../../../../shared/format/format';
import { usePagedList } from '../../../../shared/paging/use-paged-list';
import { SearchBox } from '../../../../shared/paging/SearchBox';
import { describeError } from '../../components/errors';
import { OrgUnitTreeSelect } from '../../components/OrgUnitTreeSelect';
import { auditApi, auditKeys, type AuditFilters } from '../api/audit-api';
import { ACTION_OPTIONS, actionLabel, detailText, entityLabel } from '../utils/audit-labels';

const columns: ColumnsType<AuditEntry> = [
  { title: 'Thời điểm', dataIndex: 'at', key: 'at', sorter: true, defaultSortOrder: 'descend', render: (v: string) => formatDateTime(v), width: 150 },
  {
    title: 'Người thực hiện',
    key: 'actor',
    render: (_, e) => (e.actorId ? `${e.actorName ?? ''} (${e.actorUsername ?? ''})` : <Typography.Text type="secondary">Hệ thống</Typography.Text>),
  },
  { title: 'Đơn vị', key: 'unitName', render: (_, e) => e.unitName ?? '' },
  { title: 'Thao tác', dataIndex: 'action', key: 'action', sorter: true, render: (v: string) => actionLabel(v) },
  { title: 'Đối tượng', key: 'entity', render: (_, e) => `${entityLabel(e.entity)}${e.entityId ? ` · ${e.entityId}` : ''}` },
  { title: 'Chi tiết', key: 'detail', ellipsis: true, render: (_, e) => detailText(e.detail) },
  { title: 'Địa chỉ IP', dataIndex: 'ip', key: 'ip', render: (v: string | null) => v ?? '', width: 130 },
];

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

export function AuditPage() {
  const [filters, setFilters] = useState<AuditFilters>({});
  const log = usePagedList(auditKeys.list, auditApi.list, { sort: '-at', filters: { ...filters } });
  return (
    <div data-testid="audit-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        Nhật ký
      </Typography.Title>
      <Space wrap align="start">
        <SearchBox value={log.search} onChange={log.setSearch} placeholder="Tìm theo họ tên hoặc tài khoản người thực hiện" testId="audit-search" width={320} />
        <div style={{ width: 280 }}>
          <OrgUnitTreeSelect
            value={filters.unitId ?? null}
            onChange={(unitId) => setFilters((f) => ({ ...f, unitId }))}
            placeholder="Mọi đơn vị (theo đơn vị của người thực hiện)"
            data-testid="audit-unit"
          />
        </div>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          aria-label="Thao tác"
          placeholder="Mọi thao tác"
          options={ACTION_OPTIONS}
          value={filters.action}
          onChange={(action?: string) => setFilters((f) => ({ ...f, action }))}
          style={{ width: 220 }}
          data-testid="audit-action"
        />
        <DatePicker.RangePicker
          format="DD/MM/YYYY"
          placeholder={['Từ ngày', 'Đến ngày']}
          aria-label="Khoảng ngày"
          onChange={(range) => setFilters((f) => ({ ...f, from: day(range?.[0]), to: day(range?.[1]) }))}
          data-testid="audit-dates"
        />
      </Space>
      {log.query.error && <Alert type="error" showIcon message={`Không tải được nhật ký: ${describeError(log.query.error)}`} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary" data-testid="audit-total">
        {log.totalLabel} mục
      </Typography.Paragraph>
      <Table<AuditEntry> rowKey="id" size="small" columns={columns} {...log.tableProps} locale={{ emptyText: 'Không có mục nào khớp.' }} data-testid="audit-table" />
    </div>
  );
}
