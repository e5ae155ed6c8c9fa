/**
 * Cross-field rules (x-rules) of a section, edited by picking fields by their titles: "Trong đó nữ ≤ Tổng số",
 * "Kết quả ≤ Kế hoạch × 3". The expression is written for the admin; lint (@bdg/schemas) checks it as always.
 */
import { useState } from 'react';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, InputNumber, List, Select, Space, Tag, Typography } from 'antd';
import type { FieldNode } from '../utils/field-model';

export interface RuleValue {
  id: string;
  assert: string;
  message: string;
  severity: 'error' | 'warning';
}

const OPS = [
  { value: '<=', label: 'không lớn hơn (≤)', words: 'không được lớn hơn' },
  { value: '<', label: 'nhỏ hơn (<)', words: 'phải nhỏ hơn' },
  { value: '==', label: 'bằng (=)', words: 'phải bằng' },
  { value: '>=', label: 'không nhỏ hơn (≥)', words: 'không được nhỏ hơn' },
] as const;

/** The rule as a sentence with the fields' titles instead of their codes. */
export function ruleInWords(assert: string, fields: FieldNode[]): string {
  return fields.reduce((s, f) => s.replace(new RegExp(`\\b${f.key}\\b`, 'g'), `«${f.title || f.key}»`), assert).replace(/<=/g, '≤').replace(/>=/g, '≥').replace(/\*/g, '×');
}

export function RulesEditor({ node, readOnly, onChange }: { node: FieldNode; readOnly: boolean; onChange: (rules: RuleValue[]) => void }) {
  const rules = (Array.isArray(node.extra['x-rules']) ? node.extra['x-rules'] : []) as unknown as RuleValue[];
  const numeric = node.children.filter((c) => c.kind === 'number' || c.kind === 'integer');
  const [left, setLeft] = useState<string>();
  const [op, setOp] = useState<(typeof OPS)[number]['value']>('<=');
  const [right, setRight] = useState<string>();
  const [factor, setFactor] = useState<number>(1);
  const [severity, setSeverity] = useState<'error' | 'warning'>('error');
  const [message, setMessage] = useState('');
  const title = (k?: string) => numeric.find((f) => f.key === k)?.title || k || '';
  const defaultMessage = left && right ? `${title(left)} ${OPS.find((o) => o.value === op)!.words} ${factor !== 1 ? `${factor} lần ` : ''}${title(right).toLowerCase()}.` : '';

  const add = () => {
    if (!left || !right) return;
    const base = `${left}-${right}`.toLowerCase().replace(/[^a-z0-9-]/g, '').slice(0, 50) || 'quy-tac';
    let id = base;
    for (let i = 2; rules.some((r) => r.id === id); i++) id = `${base}-${i}`;
    const rhs = factor !== 1 ? `${right} * ${factor}` : right;
    onChange([...rules, { id, assert: `${left} ${op} ${rhs}`, message: message.trim() || defaultMessage, severity }]);
    setMessage('');
  };

  return (
    <Card size="small" title="Quy tắc kiểm tra chéo giữa các trường" data-testid="rules-editor" style={{ marginTop: 12 }}>
      <List
        size="small"
        locale={{ emptyText: 'Chưa có quy tắc nào.' }}
        dataSource={rules}
        renderItem={(r, i) => (
          <List.Item
            actions={
              readOnly
                ? []
                : [<Button key="del" size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={`Xoá quy tắc ${r.message}`} onClick={() => onChange(rules.filter((_, j) => j !== i))} />]
            }
          >
            <Space direction="vertical" size={0}>
              <span>
                <Tag color={r.severity === 'error' ? 'red' : 'gold'}>{r.severity === 'error' ? 'Lỗi (chặn gửi)' : 'Cảnh báo'}</Tag>
                {ruleInWords(r.assert, numeric)}
              </span>
              <Typography.Text type="secondary">{r.message}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {!readOnly && numeric.length >= 2 && (
        <Space wrap style={{ marginTop: 8 }}>
          <Select aria-label="Trường cần kiểm tra" placeholder="Trường" style={{ minWidth: 180 }} value={left} onChange={setLeft} options={numeric.map((f) => ({ value: f.key, label: f.title || f.key }))} />
          <Select aria-label="Phép so sánh" style={{ minWidth: 160 }} value={op} onChange={setOp} options={OPS.map((o) => ({ value: o.value, label: o.label }))} />
          <Select aria-label="So với trường" placeholder="So với trường" style={{ minWidth: 180 }} value={right} onChange={setRight} options={numeric.filter((f) => f.key !== left).map((f) => ({ value: f.key, label: f.title || f.key }))} />
          <InputNumber aria-label="Nhân với" addonBefore="×" min={0.01} max={1000} value={factor} onChange={(v) => setFactor(typeof v === 'number' ? v : 1)} style={{ width: 110 }} />
          <Select aria-label="Mức độ" style={{ minWidth: 150 }} value={severity} onChange={setSeverity} options={[{ value: 'error', label: 'Lỗi (chặn gửi)' }, { value: 'warning', label: 'Cảnh báo' }]} />
          <Input aria-label="Thông báo cho người nhập" placeholder={defaultMessage || 'Thông báo cho người nhập'} value={message} onChange={(e) => setMessage(e.target.value)} style={{ minWidth: 280 }} />
          <Button icon={<PlusOutlined aria-hidden />} disabled={!left || !right} onClick={add} data-testid="add-rule">
            Thêm quy tắc
          </Button>
        </Space>
      )}
    </Card>
  );
}
