/**
 * Cross-field rules (x-rules) of the whole form, a section or a table's rows, edited by picking fields by their
 * titles: "Trong đó nữ ≤ Tổng số", "Kết quả ≤ Kế hoạch × 3". An advanced box takes any expression of the x-computed
 * language. Every expression is checked as the admin types by @bdg/schemas (the check lint runs at publish).
 */
import { useState } from 'react';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, InputNumber, List, Select, Space, Tag, Typography } from 'antd';
import { ruleInWords, type RuleField, type RuleValue } from '../utils/rule-scope';

export type { RuleValue } from '../utils/rule-scope';

const OPS = [
  { value: '<=', label: 'không lớn hơn (≤)', words: 'không được lớn hơn' },
  { value: '<', label: 'nhỏ hơn (<)', words: 'phải nhỏ hơn' },
  { value: '==', label: 'bằng (=)', words: 'phải bằng' },
  { value: '>=', label: 'không nhỏ hơn (≥)', words: 'không được nhỏ hơn' },
] as const;
const SEVERITIES = [
  { value: 'error', label: 'Lỗi (chặn gửi)' },
  { value: 'warning', label: 'Cảnh báo' },
];

export interface RulesEditorProps {
  /** "toàn biểu mẫu", "mục …", "mỗi dòng của bảng …" */
  scopeLabel: string;
  fields: RuleField[];
  rules: RuleValue[];
  readOnly: boolean;
  /** Problems of an expression on this object (empty = sound), from @bdg/schemas. */
  check: (assert: string) => string[];
  onChange: (rules: RuleValue[]) => void;
}

function newId(rules: RuleValue[], seed: string): string {
  const base = seed.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50) || 'quy-tac';
  let id = base;
  for (let i = 2; rules.some((r) => r.id === id); i++) id = `${base}-${i}`;
  return id;
}

export function RulesEditor({ scopeLabel, fields, rules, readOnly, check, onChange }: RulesEditorProps) {
  const patch = (i: number, p: Partial<RuleValue>) => onChange(rules.map((r, j) => (j === i ? { ...r, ...p } : r)));
  return (
    <Card size="small" title={`Quy tắc kiểm tra chéo — ${scopeLabel}`} data-testid="rules-editor" style={{ marginTop: 12 }}>
      <List
        size="small"
        locale={{ emptyText: 'Chưa có quy tắc nào.' }}
        dataSource={rules}
        renderItem={(r, i) => (
          <RuleItem rule={r} fields={fields} readOnly={readOnly} problems={check(r.assert)} onPatch={(p) => patch(i, p)} onRemove={() => onChange(rules.filter((_, j) => j !== i))} />
        )}
      />
      {!readOnly && fields.length >= 1 && <NewRule fields={fields} check={check} onAdd={(rule) => onChange([...rules, { ...rule, id: newId(rules, rule.id) }])} />}
    </Card>
  );
}

interface RuleItemProps {
  rule: RuleValue;
  fields: RuleField[];
  readOnly: boolean;
  problems: string[];
  onPatch: (p: Partial<RuleValue>) => void;
  onRemove: () => void;
}

/** One rule in words, its severity and message (editable), and what is wrong with it. */
function RuleItem({ rule: r, fields, readOnly, problems, onPatch, onRemove }: RuleItemProps) {
  const remove = <Button key="del" size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={`Xoá quy tắc ${r.message}`} onClick={onRemove} />;
  return (
    <List.Item data-testid={`rule-${r.id}`} actions={readOnly ? [] : [remove]}>
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <span>
          <Tag color={r.severity === 'error' ? 'red' : 'gold'}>{r.severity === 'error' ? 'Lỗi (chặn gửi)' : 'Cảnh báo'}</Tag>
          {ruleInWords(r.assert, fields)}
        </span>
        {readOnly ? (
          <Typography.Text type="secondary">{r.message}</Typography.Text>
        ) : (
          <Space.Compact style={{ width: '100%' }}>
            <Select aria-label={`Mức độ của quy tắc ${r.id}`} style={{ width: 150 }} value={r.severity} options={SEVERITIES} onChange={(v) => onPatch({ severity: v as RuleValue['severity'] })} />
            <Input aria-label={`Thông báo của quy tắc ${r.id}`} value={r.message} status={r.message.trim() ? undefined : 'error'} onChange={(e) => onPatch({ message: e.target.value })} />
          </Space.Compact>
        )}
        {problems.length > 0 && <Alert type="error" showIcon message={problems.join(' ')} data-testid="rule-problem" />}
      </Space>
    </List.Item>
  );
}

/** A new rule: two fields picked by title and a comparison, or an advanced expression; `id` is a seed for the rule's id. */
function NewRule({ fields, check, onAdd }: { fields: RuleField[]; check: (assert: string) => string[]; onAdd: (r: RuleValue) => void }) {
  const [left, setLeft] = useState<string>();
  const [op, setOp] = useState<(typeof OPS)[number]['value']>('<=');
  const [right, setRight] = useState<string>();
  const [factor, setFactor] = useState<number>(1);
  const [severity, setSeverity] = useState<'error' | 'warning'>('error');
  const [message, setMessage] = useState('');
  const [advanced, setAdvanced] = useState('');
  const title = (k?: string) => fields.find((f) => f.name === k)?.title || k || '';
  const picked = left && right ? `${left} ${op} ${factor !== 1 ? `${right} * ${factor}` : right}` : '';
  const assert = advanced.trim() || picked;
  const problems = advanced.trim() ? check(advanced) : [];
  const defaultMessage = advanced.trim() || !picked ? '' : `${title(left)} ${OPS.find((o) => o.value === op)!.words} ${factor !== 1 ? `${factor} lần ` : ''}${title(right).toLowerCase()}.`;
  const finalMessage = message.trim() || defaultMessage;
  const add = () => {
    if (!assert || problems.length || !finalMessage) return;
    onAdd({ id: advanced.trim() ? 'quy-tac' : `${left}-${right}`, assert, message: finalMessage, severity });
    setMessage('');
    setAdvanced('');
  };
  const options = fields.map((f) => ({ value: f.name, label: f.title }));
  return (
    <Space direction="vertical" style={{ marginTop: 8, width: '100%' }}>
      <Space wrap>
        <Select aria-label="Trường cần kiểm tra" placeholder="Trường" style={{ minWidth: 180 }} value={left} onChange={setLeft} options={options} />
        <Select aria-label="Phép so sánh" style={{ minWidth: 160 }} value={op} onChange={setOp} options={OPS.map((o) => ({ value: o.value, label: o.label }))} />
        <Select aria-label="So với trường" placeholder="So với trường" style={{ minWidth: 180 }} value={right} onChange={setRight} options={options.filter((f) => f.value !== left)} />
        <InputNumber aria-label="Nhân với" addonBefore="×" min={0.01} max={1000} value={factor} onChange={(v) => setFactor(typeof v === 'number' ? v : 1)} style={{ width: 110 }} />
      </Space>
      <AdvancedExpression fields={fields} value={advanced} problems={problems} onChange={setAdvanced} />
      <Space wrap>
        <Select aria-label="Mức độ" style={{ minWidth: 150 }} value={severity} onChange={setSeverity} options={SEVERITIES} />
        <Input aria-label="Thông báo cho người nhập" placeholder={defaultMessage || 'Thông báo cho người nhập (bắt buộc)'} value={message} onChange={(e) => setMessage(e.target.value)} style={{ minWidth: 280 }} />
        <Button icon={<PlusOutlined aria-hidden />} disabled={!assert || problems.length > 0 || !finalMessage} onClick={add} data-testid="add-rule">
          Thêm quy tắc
        </Button>
      </Space>
    </Space>
  );
}

function AdvancedExpression({ fields, value, problems, onChange }: { fields: RuleField[]; value: string; problems: string[]; onChange: (v: string) => void }) {
  return (
    <>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          aria-label="Biểu thức (nâng cao)"
          data-testid="rule-expression"
          placeholder="Nâng cao: biểu thức tự viết, ví dụ soNu <= tongSo"
          value={value}
          status={problems.length ? 'error' : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        <Select
          aria-label="Chèn trường vào biểu thức"
          placeholder="Chèn trường…"
          style={{ minWidth: 200 }}
          value={null}
          showSearch
          optionFilterProp="label"
          options={fields.map((f) => ({ value: f.name, label: f.title }))}
          onChange={(name: string) => onChange(`${value}${value && !value.endsWith(' ') ? ' ' : ''}${name}`)}
        />
      </Space.Compact>
      {problems.length > 0 && (
        <Typography.Text type="danger" data-testid="rule-expression-problem">
          {problems.join(' ')}
        </Typography.Text>
      )}
      {value.trim() && !problems.length && <Typography.Text type="secondary">{ruleInWords(value, fields)}</Typography.Text>}
    </>
  );
}
