/** Reporting regimes (chế độ báo cáo): declared once, their rounds open by themselves on their day. */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Modal, Popconfirm, Space, Table, Tag, Typography, message } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Regime } from '@bdg/regimes';
import { useState } from 'react';
import { adminApi, type RegimeSummary } from '../../api/admin-api';
import { adminKeys } from '../../api/query-keys';
import { describeError } from '../../components/errors';
import { SearchBox } from '../../../../shared/paging/SearchBox';
import { usePagedList } from '../../../../shared/paging/use-paged-list';
import { frequencyLabel, regimeExample } from '../utils/regime-view';
import { RegimePreview } from './RegimePreview';

export function RegimeListPage() {
  const qc = useQueryClient();
  const regimes = usePagedList(adminKeys.regimes, adminApi.listRegimes);
  const [editing, setEditing] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (definition: Regime) => adminApi.createRegime(definition),
    onSuccess: async () => {
      setEditing(null);
      await qc.invalidateQueries({ queryKey: adminKeys.regimes });
      void message.success('Đã lưu chế độ báo cáo.');
    },
  });
  const openDue = useMutation({
    mutationFn: () => adminApi.openDueRounds(),
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: adminKeys.regimes });
      await qc.invalidateQueries({ queryKey: adminKeys.rounds });
      const n = r.opened.filter((o) => o.roundId).length;
      void message.info(n ? `Đã mở ${n} đợt báo cáo đến hạn.` : 'Hôm nay không có đợt báo cáo nào đến ngày mở.');
    },
  });
  const parsed = parseJson(editing);
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
          <Button type="primary" icon={<PlusOutlined />} data-testid="new-regime" onClick={() => setEditing(JSON.stringify(regimeExample(''), null, 2))}>
            Thêm chế độ báo cáo
          </Button>
        </Space>
      </Space>
      <Typography.Paragraph type="secondary">
        Mỗi chế độ báo cáo tự mở đợt báo cáo vào ngày đã định, theo lịch làm việc của Việt Nam (ngày nghỉ lễ, Tết, nghỉ bù); hạn nộp rơi vào ngày nghỉ
        được dời sang ngày làm việc tiếp theo. Mở một dòng để xem các đợt sắp tới.
      </Typography.Paragraph>
      {regimes.query.error && <Alert type="error" showIcon message={`Không tải được chế độ báo cáo: ${describeError(regimes.query.error)}`} />}
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
        ]}
        locale={{ emptyText: 'Chưa có chế độ báo cáo nào.' }}
      />
      <Modal
        open={editing !== null}
        title="Thêm chế độ báo cáo"
        okText="Lưu"
        cancelText="Huỷ"
        width={760}
        okButtonProps={{ disabled: !parsed.ok, loading: create.isPending, ...({ 'data-testid': 'save-regime' } as Record<string, string>) }}
        onOk={() => parsed.ok && create.mutate(parsed.value)}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          Dán hoặc sửa chế độ báo cáo (xem mẫu của các tỉnh trong thư mục <code>regimes/plans</code>). Hạn nộp: <code>{'{"date": "10/6"}'}</code> hoặc{' '}
          <code>{'{"workingDaysAfterCutOff": 5}'}</code>.
        </Typography.Paragraph>
        <Input.TextArea data-testid="regime-json" value={editing ?? ''} onChange={(e) => setEditing(e.target.value)} autoSize={{ minRows: 12, maxRows: 24 }} style={{ fontFamily: 'monospace' }} />
        {!parsed.ok && editing !== null && <Alert type="error" showIcon message={parsed.error} style={{ marginTop: 8 }} />}
        {create.error && <Alert type="error" showIcon message={describeError(create.error)} style={{ marginTop: 8 }} data-testid="regime-error" />}
      </Modal>
    </div>
  );
}

function parseJson(text: string | null): { ok: true; value: Regime } | { ok: false; error: string } {
  if (text === null) return { ok: false, error: '' };
  try {
    return { ok: true, value: JSON.parse(text) as Regime };
  } catch (e) {
    return { ok: false, error: `JSON chưa đúng cú pháp: ${(e as Error).message}` };
  }
}
