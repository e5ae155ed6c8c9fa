/** Reporting regimes (chế độ báo cáo): declared once, their rounds open by themselves on their day. */
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Popconfirm, Space, Table, Tag, Typography, message } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Regime } from '@bdg/regimes';
import { useState } from 'react';
import { adminApi, type RegimeSummary } from '../../api/admin-api';
import { adminKeys } from '../../api/query-keys';
import { describeError } from '../../components/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SearchBox } from '../../../../shared/paging/SearchBox';
import { usePagedList } from '../../../../shared/paging/use-paged-list';
import { frequencyLabel, regimeExample } from '../utils/regime-view';
import { RegimeEditor } from './RegimeEditor';
import { RegimePreview } from './RegimePreview';

export function RegimeListPage() {
  const qc = useQueryClient();
  const regimes = usePagedList(adminKeys.regimes, adminApi.listRegimes);
  const [editing, setEditing] = useState<{ regime: Regime; existing: boolean } | null>(null);
  const openDue = useMutation({
    mutationFn: () => adminApi.openDueRounds(),
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: adminKeys.regimes });
      await qc.invalidateQueries({ queryKey: adminKeys.rounds });
      const n = r.opened.filter((o) => o.roundId).length;
      void message.info(n ? `Đã mở ${n} đợt báo cáo đến hạn.` : 'Hôm nay không có đợt báo cáo nào đến ngày mở.');
    },
  });
  return (
    <div data-testid="regime-list">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          Chế độ báo cáo
        </Typography.Title>
        <Space wrap>
          <Popconfirm title="Mở ngay các đợt báo cáo đã đến ngày mở theo chế độ?" okText="Mở" cancelText="Huỷ" onConfirm={() => openDue.mutate()}>
            <Button loading={openDue.isPending} data-testid="open-due">
              Mở các đợt đến hạn
            </Button>
          </Popconfirm>
          <Button type="primary" icon={<PlusOutlined />} data-testid="new-regime" onClick={() => setEditing({ regime: regimeExample(''), existing: false })}>
            Thêm chế độ báo cáo
          </Button>
        </Space>
      </Space>
      <Typography.Paragraph type="secondary">
        Mỗi chế độ báo cáo tự mở đợt báo cáo vào ngày đã định, theo lịch làm việc của Việt Nam (ngày nghỉ lễ, Tết, nghỉ bù); hạn nộp rơi vào ngày nghỉ
        được dời sang ngày làm việc tiếp theo. Mở một dòng để xem các đợt sắp tới.
      </Typography.Paragraph>
      <ErrorAlert error={regimes.query.error} prefix="Không tải được chế độ báo cáo" />
      {openDue.error && <Alert type="error" showIcon message={describeError(openDue.error)} />}
      <SearchBox value={regimes.search} onChange={regimes.setSearch} placeholder="Tìm chế độ báo cáo theo mã hoặc tên" testId="regime-search" />
      <Table<RegimeSummary>
        rowKey="code"
        {...regimes.tableProps}
        scroll={{ x: true }}
        expandable={{ expandedRowRender: (r) => <RegimePreview code={r.code} />, rowExpandable: () => true }}
        columns={[
          { title: 'Tên chế độ báo cáo', render: (_, r) => r.definition.name },
          { title: 'Tần suất', render: (_, r) => frequencyLabel(r.definition.frequency) },
          { title: 'Biểu mẫu', render: (_, r) => r.definition.template.code + (r.definition.template.version ? ` v${r.definition.template.version}` : ' (bản mới nhất)') },
          { title: 'Đơn vị gốc', render: (_, r) => r.definition.rootUnitCode },
          { title: 'Trạng thái', render: (_, r) => (r.enabled ? <Tag color="blue">Đang áp dụng</Tag> : <Tag>Tạm dừng</Tag>) },
          {
            title: '',
            render: (_, r) =>
              r.editable && (
                <Button size="small" icon={<EditOutlined />} data-testid={`edit-regime-${r.code}`} onClick={() => setEditing({ regime: r.definition, existing: true })}>
                  Sửa
                </Button>
              ),
          },
        ]}
        locale={{ emptyText: 'Chưa có chế độ báo cáo nào.' }}
      />
      {editing && (
        <RegimeEditor
          initial={editing.regime}
          editing={editing.existing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) void message.success('Đã lưu chế độ báo cáo.');
          }}
        />
      )}
    </div>
  );
}
