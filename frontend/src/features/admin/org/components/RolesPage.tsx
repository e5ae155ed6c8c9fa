/** Roles as data: the four built in, plus those the province defines (code + Vietnamese label) for its flows' steps. */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { adminApi } from '../../api/admin-api';
import { adminKeys } from '../../api/query-keys';
import type { RoleDef } from '../../api/types';
import { describeError } from '../../components/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SearchBox } from '../../../../shared/paging/SearchBox';
import { usePagedList } from '../../../../shared/paging/use-paged-list';
import { UnitKindsCard } from './UnitKindsCard';
import { asciiSlug } from '../../../../shared/utils/ascii-slug';

/** A code from a Vietnamese label: "Phó hiệu trưởng" → "pho_hieu_truong". */
export function roleCodeFrom(label: string): string {
  // A code starts with a letter (ROLE_CODE_PATTERN).
  return asciiSlug(label, '_').replace(/^[^a-z]+/, '').slice(0, 40);
}

export function RolesPage() {
  const roles = usePagedList(adminKeys.roles, adminApi.listRoles);
  const [creating, setCreating] = useState(false);
  return (
    <div data-testid="roles-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          Vai trò
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-role">
          Thêm vai trò
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">
        Vai trò do tỉnh định nghĩa (ví dụ Phó hiệu trưởng) dùng được trong bước của quy trình («Có vai trò») và gán cho người dùng của đơn vị sở hữu
        cùng các đơn vị trực thuộc.
      </Typography.Paragraph>
      <ErrorAlert error={roles.query.error} prefix="Không tải được vai trò" />
      <SearchBox value={roles.search} onChange={roles.setSearch} placeholder="Tìm vai trò theo tên hoặc mã" testId="role-search" />
      <Table<RoleDef>
        rowKey="code"
        {...roles.tableProps}
        columns={[
          { title: 'Tên vai trò', dataIndex: 'label', key: 'label', sorter: true },
          { title: 'Mô tả', dataIndex: 'description', render: (d: string | null) => d ?? '' },
          { title: 'Thuộc', render: (_, r) => (r.builtIn ? <Tag>Có sẵn</Tag> : r.ownerUnitName) },
          { title: 'Số người giữ', render: (_, r) => (r.builtIn ? '' : r.holders === 0 ? <Tag color="orange">Chưa ai</Tag> : r.holders) },
          { title: 'Mã (nâng cao)', dataIndex: 'code', key: 'code', sorter: true, render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
        ]}
      />
      <UnitKindsCard />
      {creating && <RoleModal onClose={() => setCreating(false)} />}
    </div>
  );
}

function RoleModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ label: string; code: string; description?: string }>();
  const [codeTouched, setCodeTouched] = useState(false);
  const create = useMutation({
    mutationFn: (v: { label: string; code: string; description?: string }) => adminApi.createRole(v),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: adminKeys.roles });
      message.success(`Đã thêm vai trò «${r.label}»`);
      onClose();
    },
  });
  return (
    <Modal open title="Thêm vai trò" okText="Thêm" cancelText="Hủy" confirmLoading={create.isPending} onCancel={onClose} onOk={() => form.submit()}>
      {create.error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={describeError(create.error)} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => create.mutate({ ...v, label: v.label.trim() })}
        onValuesChange={(changed: { label?: string }) => {
          if (changed.label !== undefined && !codeTouched) form.setFieldValue('code', roleCodeFrom(changed.label));
        }}
      >
        <Form.Item name="label" label="Tên vai trò" rules={[{ required: true, message: 'Nhập tên vai trò, ví dụ Phó hiệu trưởng.' }]}>
          <Input placeholder="Phó hiệu trưởng" />
        </Form.Item>
        <Form.Item
          name="code"
          label="Mã (tự tạo từ tên, dùng trong quy trình)"
          rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,39}$/, message: 'Mã gồm chữ thường không dấu, số, gạch dưới; bắt đầu bằng chữ.' }]}
        >
          <Input onChange={() => setCodeTouched(true)} />
        </Form.Item>
        <Form.Item name="description" label="Mô tả">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
