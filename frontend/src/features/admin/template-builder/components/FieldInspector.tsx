/** Everything about one field: title, key, type, required, bounds, choices, roll-up rule, formula, unit. */
import { Alert, App, Button, Card, Form, Input, Select, Space } from 'antd';
import type { Finding } from '../../domain/bdg';
import { FIELD_KIND_LABELS, isValidKey, keyFromTitle, type FieldKind, type TemplateModel } from '../utils/field-model';
import { checkRule, ruleScope, withRules } from '../utils/rule-scope';
import { locate, numericPointers, type Located } from '../utils/tree-ops';
import { AggregateFields, type PointerOption } from './AggregateFields';
import { ChoicesEditor } from './ChoicesEditor';
import { ComputedField } from './ComputedField';
import { FieldBounds } from './FieldBounds';
import type { NodePatch, PartProps } from './inspector-types';
import { RulesEditor } from './RulesEditor';

export interface FieldInspectorProps {
  model: TemplateModel;
  nodeId: string;
  readOnly: boolean;
  findings: Finding[];
  onUpdate: (patch: NodePatch) => void;
  onChangeKind: (kind: FieldKind) => void;
}

/** Inside a table a ratio is computed per row from the row's numeric columns (pointers relative to the row). */
function ratioPointers(model: TemplateModel, loc: Located): PointerOption[] {
  const table = loc.parent?.kind === 'table' ? loc.parent : undefined;
  if (!table) return numericPointers(model);
  return loc.siblings
    .filter((c) => c.kind === 'number' || c.kind === 'integer')
    .map((c) => ({ pointer: `/${c.key}`, title: c.title || c.key, where: `mỗi dòng của “${table.title || table.key}”` }));
}

export function FieldInspector({ model, nodeId, readOnly, findings, onUpdate, onChangeKind }: FieldInspectorProps) {
  const { modal } = App.useApp();
  const loc = locate(model, nodeId);
  if (!loc) return null;
  const n = loc.node;
  const scope = ruleScope(model, n.id);
  const changeKind = (kind: FieldKind) => {
    const dropsChildren = n.children.length > 0 && kind !== 'section' && kind !== 'table';
    if (!dropsChildren) return onChangeKind(kind);
    modal.confirm({
      title: 'Đổi loại trường?',
      content: `“${n.title || n.key}” đang có ${n.children.length} trường bên trong; chúng sẽ bị xoá khi đổi sang “${FIELD_KIND_LABELS[kind]}”.`,
      okText: 'Đổi và xoá',
      okButtonProps: { danger: true },
      cancelText: 'Huỷ',
      onOk: () => onChangeKind(kind),
    });
  };

  return (
    <Card
      size="small"
      title={`${FIELD_KIND_LABELS[n.kind]}: ${n.title || n.key}`}
      data-testid="field-inspector"
      styles={{ body: { maxHeight: 'calc(100vh - 260px)', overflow: 'auto' } }}
    >
      {findings.length > 0 && (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }} data-testid="field-findings">
          {findings.map((f, i) => (
            <Alert key={i} type={f.severity === 'error' ? 'error' : 'warning'} showIcon message={f.message} />
          ))}
        </Space>
      )}
      <Form layout="vertical" disabled={readOnly} size="small">
        <FieldIdentity n={n} onUpdate={onUpdate} inTable={loc.parent?.kind === 'table'} onChangeKind={changeKind} />
        {scope && (
          <RulesEditor
            scopeLabel={n.kind === 'table' ? `mỗi dòng của bảng “${n.title || n.key}”` : `mục “${n.title || n.key}”`}
            fields={scope.fields}
            rules={scope.rules}
            readOnly={readOnly}
            check={(assert) => checkRule(model, scope.container, assert)}
            onChange={(rules) => onUpdate({ extra: withRules(n, rules) })}
          />
        )}
        <FieldBounds n={n} onUpdate={onUpdate} />
        {n.kind === 'choice' && <ChoicesEditor n={n} onUpdate={onUpdate} />}
        <AggregateFields n={n} onUpdate={onUpdate} pointers={ratioPointers(model, loc)} />
        <ComputedField n={n} onUpdate={onUpdate} model={model} siblings={loc.siblings} />
      </Form>
    </Card>
  );
}

/** Title, key (from the title on request), description and kind. */
function FieldIdentity({ n, onUpdate, inTable, onChangeKind }: PartProps & { inTable: boolean; onChangeKind: (k: FieldKind) => void }) {
  const keyOk = isValidKey(n.key);
  return (
    <>
      <Form.Item label="Tiêu đề hiển thị" required>
        <Input aria-label="Tiêu đề hiển thị" data-testid="field-title" value={n.title} onChange={(e) => onUpdate({ title: e.target.value })} />
      </Form.Item>
      <Form.Item
        label="Mã trường (dùng trong dữ liệu và công thức)"
        validateStatus={keyOk ? undefined : 'error'}
        help={keyOk ? 'Đổi mã làm câu trả lời năm trước không được mang sang trường này.' : 'Chỉ chữ không dấu, số và _, không bắt đầu bằng số.'}
      >
        <Space.Compact style={{ width: '100%' }}>
          <Input aria-label="Mã trường" data-testid="field-key" value={n.key} onChange={(e) => onUpdate({ key: e.target.value.trim() })} />
          <Button onClick={() => onUpdate({ key: keyFromTitle(n.title) })} data-testid="field-key-from-title">
            Tạo từ tiêu đề
          </Button>
        </Space.Compact>
      </Form.Item>
      <Form.Item label="Mô tả / hướng dẫn">
        <Input.TextArea aria-label="Mô tả" rows={2} value={n.description ?? ''} onChange={(e) => onUpdate({ description: e.target.value || undefined })} />
      </Form.Item>
      <Form.Item label="Loại">
        <Select
          aria-label="Loại trường"
          data-testid="field-kind"
          value={n.kind}
          onChange={onChangeKind}
          options={Object.entries(FIELD_KIND_LABELS)
            .filter(([k]) => !inTable || !['section', 'table', 'file'].includes(k))
            .map(([value, label]) => ({ value, label }))}
        />
      </Form.Item>
    </>
  );
}
