/** Every flow and its versions, copying one into a new flow, and which unit kinds use which flow in which round. */
import { CopyOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { adminApi } from '../../api/admin-api';
import { adminKeys } from '../../api/query-keys';
import { versionStatusLabel, type FlowSummary } from '../../api/types';
import { describeError } from '../../components/errors';
import { SearchBox } from '../../../../shared/paging/SearchBox';
import { usePagedList } from '../../../../shared/paging/use-paged-list';

const FLOW_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

type CopyTarget = { code: string; version: number; newCode: string };

export function FlowListPage() {
  const flows = usePagedList(adminKeys.flows, adminApi.listFlows, { sort: 'code' });
  const [copy, setCopy] = useState<CopyTarget | null>(null);
  return (
    <div data-testid="flow-list">
      <Typography.Title level={4}>Quy trình phê duyệt</Typography.Title>
      {flows.query.error && <Alert type="error" showIcon message={`Không tải được quy trình: ${describeError(flows.query.error)}`} />}
      <SearchBox value={flows.search} onChange={flows.setSearch} placeholder="Tìm quy trình theo mã hoặc tên" testId="flow-search" />
      <Table<FlowSummary>
        rowKey="code"
        {...flows.tableProps}
        columns={[
          { title: 'Mã', dataIndex: 'code', key: 'code', sorter: true, render: (c: string) => <code>{c}</code> },
          { title: 'Tên', dataIndex: 'title', key: 'title', sorter: true },
          { title: 'Phiên bản', render: (_, f) => <FlowVersions flow={f} onCopy={(version) => setCopy({ code: f.code, version, newCode: `${f.code}-ban-sao` })} /> },
        ]}
      />
      <FlowUsageTable />
      {copy && <CopyFlowModal copy={copy} onChange={setCopy} onClose={() => setCopy(null)} />}
    </div>
  );
}

function FlowVersions({ flow: f, onCopy }: { flow: FlowSummary; onCopy: (version: number) => void }) {
  return (
    <Space wrap>
      {[...f.versions]
        .sort((a, b) => b.version - a.version)
        .map((v) => (
          <Space key={v.version} size={4}>
            <Link to={`/admin/flows/${encodeURIComponent(f.code)}/${v.version}`} data-testid={`open-flow-${f.code}-${v.version}`}>
              <EditOutlined /> v{v.version}
            </Link>
            <Tag color={v.status === 'published' ? 'green' : 'gold'}>
              {versionStatusLabel(v.status)}
              {v.status === 'published' && v.publishedAt ? ` ${dayjs(v.publishedAt).format('DD/MM/YYYY')}` : ''}
            </Tag>
            <Button
              size="small"
              icon={<CopyOutlined />}
              onClick={() => onCopy(v.version)}
              data-testid={`copy-flow-${f.code}-${v.version}`}
              aria-label={`Sao chép ${f.code} v${v.version} thành quy trình mới`}
            />
          </Space>
        ))}
    </Space>
  );
}

function FlowUsageTable() {
  const rounds = useQuery({ queryKey: adminKeys.all(adminKeys.rounds), queryFn: adminApi.allRounds });
  const usage = (rounds.data ?? []).flatMap((r) =>
    Object.entries(r.flows).map(([kind, flow]) => ({ key: `${r.id}/${kind}`, round: r.name, period: r.period, kind, flow })),
  );
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        Loại đơn vị nào dùng quy trình nào, trong đợt nào
      </Typography.Title>
      <Table
        size="small"
        data-testid="flow-usage"
        loading={rounds.isLoading}
        dataSource={usage}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: 'Chưa có đợt báo cáo nào.' }}
        columns={[
          { title: 'Đợt báo cáo', dataIndex: 'round' },
          { title: 'Kỳ', dataIndex: 'period' },
          { title: 'Loại đơn vị', dataIndex: 'kind', render: (k: string) => <Tag>{k}</Tag> },
          { title: 'Quy trình', dataIndex: 'flow', render: (c: string) => <code>{c}</code> },
        ]}
      />
    </>
  );
}

function CopyFlowModal({ copy, onChange, onClose }: { copy: CopyTarget; onChange: (c: CopyTarget) => void; onClose: () => void }) {
  const navigate = useNavigate();
  // Copying checks the new code against every flow, not only the page shown.
  const allFlows = useQuery({ queryKey: adminKeys.all(adminKeys.flows), queryFn: adminApi.allFlows });
  const taken = new Set((allFlows.data ?? []).map((f) => f.code));
  const copyError = !FLOW_ID.test(copy.newCode) ? 'Mã gồm chữ không dấu, số, - hoặc _' : taken.has(copy.newCode) ? 'Mã này đã có' : null;
  return (
    <Modal
      open
      title="Sao chép thành quy trình mới"
      okText="Mở để sửa"
      cancelText="Huỷ"
      okButtonProps={{ disabled: !!copyError }}
      onCancel={onClose}
      onOk={() => navigate(`/admin/flows/${encodeURIComponent(copy.code)}/${copy.version}?as=${encodeURIComponent(copy.newCode)}`)}
    >
      <Form layout="vertical">
        <Form.Item label="Mã quy trình mới" validateStatus={copyError ? 'error' : undefined} help={copyError ?? 'Quy trình mới chỉ được lưu khi bạn bấm Lưu hoặc Xuất bản.'}>
          <Input aria-label="Mã quy trình mới" data-testid="copy-flow-code" value={copy.newCode} onChange={(e) => onChange({ ...copy, newCode: e.target.value.trim() })} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
