/** Adding a unit below the selected one, and renaming it. */
import { useMutation } from '@tanstack/react-query';
import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { adminApi } from '../../api/admin-api';
import type { OrgUnit } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { KindInput } from './UnitKindsCard';

interface ModalProps {
  onDone: (m: string) => void;
  onCancel: () => void;
}

export function AddUnitModal({ parent, onDone, onCancel }: ModalProps & { parent: OrgUnit }) {
  const [form] = Form.useForm<{ code: string; name: string; kind: string }>();
  const add = useMutation({
    mutationFn: async (v: { code: string; name: string; kind: string }) => {
      await adminApi.createOrgUnit({ ...v, parentId: parent.id });
      return v.name;
    },
    onSuccess: (name) => onDone(`Đã thêm “${name}”.`),
  });
  return (
    <Modal
      open
      title={`Thêm đơn vị trực thuộc “${parent.name}”`}
      okText="Thêm"
      cancelText="Huỷ"
      // Invalid fields say so under themselves: nothing is sent.
      onOk={() => form.validateFields().then((v) => add.mutate(v), () => undefined)}
      confirmLoading={add.isPending}
      onCancel={onCancel}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="code" label="Mã đơn vị" rules={[{ required: true, message: 'Nhập mã đơn vị' }]}>
          <Input aria-label="Mã đơn vị" />
        </Form.Item>
        <Form.Item name="name" label="Tên đơn vị" rules={[{ required: true, message: 'Nhập tên đơn vị' }]}>
          <Input aria-label="Tên đơn vị" />
        </Form.Item>
        <Form.Item
          name="kind"
          label="Loại đơn vị"
          rules={[{ required: true, message: 'Chọn loại đơn vị (hoặc gõ mã loại mới, ví dụ truong_th)' }]}
        >
          <KindInput />
        </Form.Item>
      </Form>
      <ErrorAlert error={add.error} />
    </Modal>
  );
}

export function RenameModal({ unit, onDone, onCancel }: ModalProps & { unit: OrgUnit }) {
  const [name, setName] = useState(unit.name);
  const rename = useMutation({
    mutationFn: async (next: string) => {
      if (!next) throw new Error('Tên không được để trống.');
      await adminApi.updateOrgUnit(unit.id, { name: next });
      return next;
    },
    onSuccess: (next) => onDone(`Đã đổi tên thành “${next}”.`),
  });
  return (
    <Modal
      open
      title="Đổi tên đơn vị"
      okText="Lưu"
      cancelText="Huỷ"
      onOk={() => rename.mutate(name.trim())}
      confirmLoading={rename.isPending}
      onCancel={onCancel}
    >
      <Input aria-label="Tên mới" value={name} onChange={(e) => setName(e.target.value)} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        Các báo cáo đã ký giữ nguyên tên cũ trong văn bản.
      </Typography.Paragraph>
      <ErrorAlert error={rename.error} />
    </Modal>
  );
}
