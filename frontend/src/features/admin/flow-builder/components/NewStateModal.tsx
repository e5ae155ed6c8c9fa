/** Adding a state: its code (advanced) and its Vietnamese label. */
import { Form, Input, Modal } from 'antd';
import { useState } from 'react';

export function NewStateModal({ onAdd, onClose }: { onAdd: (name: string, label: string) => boolean; onClose: () => void }) {
  const [draft, setDraft] = useState({ name: '', label: '' });
  return (
    <Modal open title="Thêm trạng thái" okText="Thêm" cancelText="Huỷ" onCancel={onClose} onOk={() => onAdd(draft.name, draft.label) && onClose()}>
      <Form layout="vertical">
        <Form.Item label="Mã trạng thái (chữ không dấu, ví dụ reviewing)">
          <Input aria-label="Mã trạng thái" value={draft.name} onChange={(e) => setDraft((s) => ({ ...s, name: e.target.value.trim() }))} />
        </Form.Item>
        <Form.Item label="Nhãn hiển thị">
          <Input aria-label="Nhãn trạng thái mới" value={draft.label} onChange={(e) => setDraft((s) => ({ ...s, label: e.target.value }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
