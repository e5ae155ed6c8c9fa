/** The choices of a choice field: stored value and label shown, added and removed one by one. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space } from 'antd';
import type { Choice } from '../utils/field-model';
import type { PartProps } from './inspector-types';

export function ChoicesEditor({ n, onUpdate }: PartProps) {
  const choices = n.choices ?? [];
  const setChoices = (next: Choice[]) => onUpdate({ choices: next });
  const edit = (i: number, patch: Partial<Choice>) => setChoices(choices.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <Form.Item label="Các lựa chọn (giá trị lưu — nhãn hiển thị)">
      <Space direction="vertical" style={{ width: '100%' }} data-testid="field-choices">
        {choices.map((c, i) => (
          <Space.Compact key={i} style={{ width: '100%' }}>
            <Input aria-label={`Giá trị lựa chọn ${i + 1}`} style={{ width: '35%' }} value={c.value} onChange={(e) => edit(i, { value: e.target.value })} />
            <Input aria-label={`Nhãn lựa chọn ${i + 1}`} value={c.label} onChange={(e) => edit(i, { label: e.target.value })} />
            <Button aria-label={`Xoá lựa chọn ${i + 1}`} icon={<DeleteOutlined />} onClick={() => setChoices(choices.filter((_, j) => j !== i))} />
          </Space.Compact>
        ))}
        <Button
          icon={<PlusOutlined />}
          onClick={() => {
            const k = choices.length + 1;
            setChoices([...choices, { value: `lc${k}`, label: `Lựa chọn ${k}` }]);
          }}
        >
          Thêm lựa chọn
        </Button>
      </Space>
    </Form.Item>
  );
}
