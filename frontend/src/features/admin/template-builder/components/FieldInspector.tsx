/** Everything about one field: title, key, type, required, bounds, choices, roll-up rule, formula, unit. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import type { Finding } from '../../domain/bdg';
import {
  AGGREGATE_CODES,
  AGGREGATE_HELP,
  AGGREGATE_LABELS,
  aggregatesFor,
  FIELD_KIND_LABELS,
  isValidKey,
  keyFromTitle,
  type AggregateRule,
  type Choice,
  type FieldKind,
  type FieldNode,
  type TemplateModel,
} from '../utils/field-model';
import { checkExpression } from '../utils/expression';
import { locate, numericPointers } from '../utils/tree-ops';
import { FieldPicker } from './FieldPicker';
import { RulesEditor } from './RulesEditor';
import { checkRule, ruleScope, withRules } from '../utils/rule-scope';

export interface FieldInspectorProps {
  model: TemplateModel;
  nodeId: string;
  readOnly: boolean;
  findings: Finding[];
  onUpdate: (patch: Partial<Omit<FieldNode, 'id' | 'kind'>>) => void;
  onChangeKind: (kind: FieldKind) => void;
}

type AggChoice = keyof typeof AGGREGATE_LABELS | '';

function aggChoice(a: AggregateRule | undefined): AggChoice {
  if (a === undefined) return '';
  if (typeof a === 'string') return a;
  if ('ratio' in a) return 'ratio';
  return 'groupBy';
}

const num = (v: number | null | undefined): number | undefined => (typeof v === 'number' ? v : undefined);

export function FieldInspector({
  model,
  nodeId,
  readOnly,
  findings,
  onUpdate,
  onChangeKind,
}: FieldInspectorProps) {
  const { modal } = App.useApp();
  const loc = locate(model, nodeId);
  if (!loc) return null;
  const n = loc.node;
  const isNumber = n.kind === 'number' || n.kind === 'integer';
  const isText = n.kind === 'text' || n.kind === 'longText';
  const agg = aggChoice(n.aggregate);
  const aggOptions = aggregatesFor(n.kind);
  // Inside a table a ratio is computed per row from the row's numeric columns (pointers relative to the row).
  const pointers =
    loc.parent?.kind === 'table'
      ? loc.siblings
          .filter((c) => c.kind === 'number' || c.kind === 'integer')
          .map((c) => ({ pointer: `/${c.key}`, title: c.title || c.key, where: `mỗi dòng của “${loc.parent!.title || loc.parent!.key}”` }))
      : numericPointers(model);
  const exprCheck = n.computed !== undefined ? checkExpression(n.computed, model, loc.siblings) : null;
  const keyOk = isValidKey(n.key);
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

  const setAgg = (choice: AggChoice) => {
    if (choice === '') onUpdate({ aggregate: undefined });
    else if (choice === 'ratio')
      onUpdate({ aggregate: { ratio: { numerator: '', denominator: '', scale: 100 } } });
    else if (choice === 'groupBy') onUpdate({ aggregate: { groupBy: n.children[0]?.key ?? '' } });
    else onUpdate({ aggregate: choice });
  };

  const setChoices = (choices: Choice[]) => onUpdate({ choices });

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
        <Form.Item label="Tiêu đề hiển thị" required>
          <Input
            aria-label="Tiêu đề hiển thị"
            data-testid="field-title"
            value={n.title}
            onChange={(e) => onUpdate({ title: e.target.value })}
          />
        </Form.Item>
        <Form.Item
          label="Mã trường (dùng trong dữ liệu và công thức)"
          validateStatus={keyOk ? undefined : 'error'}
          help={
            keyOk
              ? 'Đổi mã làm câu trả lời năm trước không được mang sang trường này.'
              : 'Chỉ chữ không dấu, số và _, không bắt đầu bằng số.'
          }
        >
          <Space.Compact style={{ width: '100%' }}>
            <Input
              aria-label="Mã trường"
              data-testid="field-key"
              value={n.key}
              onChange={(e) => onUpdate({ key: e.target.value.trim() })}
            />
            <Button
              onClick={() => onUpdate({ key: keyFromTitle(n.title) })}
              data-testid="field-key-from-title"
            >
              Tạo từ tiêu đề
            </Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item label="Mô tả / hướng dẫn">
          <Input.TextArea
            aria-label="Mô tả"
            rows={2}
            value={n.description ?? ''}
            onChange={(e) => onUpdate({ description: e.target.value || undefined })}
          />
        </Form.Item>
        <Form.Item label="Loại">
          <Select
            aria-label="Loại trường"
            data-testid="field-kind"
            value={n.kind}
            onChange={changeKind}
            options={Object.entries(FIELD_KIND_LABELS)
              .filter(([k]) => loc.parent?.kind !== 'table' || !['section', 'table', 'file'].includes(k))
              .map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
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
        {n.kind !== 'section' && (
          <Form.Item>
            <Checkbox
              data-testid="field-required"
              checked={n.required}
              onChange={(e) => onUpdate({ required: e.target.checked })}
            >
              Bắt buộc trả lời
            </Checkbox>
          </Form.Item>
        )}
        {isNumber && (
          <Space wrap>
            <Form.Item label="Nhỏ nhất">
              <InputNumber
                aria-label="Giá trị nhỏ nhất"
                data-testid="field-minimum"
                value={n.minimum}
                onChange={(v) => onUpdate({ minimum: num(v) })}
              />
            </Form.Item>
            <Form.Item label="Lớn nhất">
              <InputNumber
                aria-label="Giá trị lớn nhất"
                data-testid="field-maximum"
                value={n.maximum}
                onChange={(v) => onUpdate({ maximum: num(v) })}
              />
            </Form.Item>
            <Form.Item label="Đơn vị tính">
              <Input
                aria-label="Đơn vị tính"
                data-testid="field-unit"
                style={{ width: 120 }}
                placeholder="người, %, triệu đồng"
                value={n.unit ?? ''}
                onChange={(e) => onUpdate({ unit: e.target.value || undefined })}
              />
            </Form.Item>
          </Space>
        )}
        {isText && (
          <Space wrap>
            <Form.Item label="Độ dài tối thiểu">
              <InputNumber
                aria-label="Độ dài tối thiểu"
                min={0}
                value={n.minLength}
                onChange={(v) => onUpdate({ minLength: num(v) })}
              />
            </Form.Item>
            <Form.Item label="Độ dài tối đa">
              <InputNumber
                aria-label="Độ dài tối đa"
                min={0}
                value={n.maxLength}
                onChange={(v) => onUpdate({ maxLength: num(v) })}
              />
            </Form.Item>
          </Space>
        )}
        {(n.kind === 'table' || n.kind === 'file') && (
          <Space wrap>
            <Form.Item label={n.kind === 'table' ? 'Số dòng tối thiểu' : 'Số tệp tối thiểu'}>
              <InputNumber
                aria-label="Số dòng tối thiểu"
                min={0}
                value={n.minItems}
                onChange={(v) => onUpdate({ minItems: num(v) })}
              />
            </Form.Item>
            <Form.Item label={n.kind === 'table' ? 'Số dòng tối đa' : 'Số tệp tối đa'}>
              <InputNumber
                aria-label="Số dòng tối đa"
                min={0}
                value={n.maxItems}
                onChange={(v) => onUpdate({ maxItems: num(v) })}
              />
            </Form.Item>
          </Space>
        )}
        {n.kind === 'choice' && (
          <Form.Item label="Các lựa chọn (giá trị lưu — nhãn hiển thị)">
            <Space direction="vertical" style={{ width: '100%' }} data-testid="field-choices">
              {(n.choices ?? []).map((c, i) => (
                <Space.Compact key={i} style={{ width: '100%' }}>
                  <Input
                    aria-label={`Giá trị lựa chọn ${i + 1}`}
                    style={{ width: '35%' }}
                    value={c.value}
                    onChange={(e) =>
                      setChoices(
                        (n.choices ?? []).map((x, j) => (j === i ? { ...x, value: e.target.value } : x)),
                      )
                    }
                  />
                  <Input
                    aria-label={`Nhãn lựa chọn ${i + 1}`}
                    value={c.label}
                    onChange={(e) =>
                      setChoices(
                        (n.choices ?? []).map((x, j) => (j === i ? { ...x, label: e.target.value } : x)),
                      )
                    }
                  />
                  <Button
                    aria-label={`Xoá lựa chọn ${i + 1}`}
                    icon={<DeleteOutlined />}
                    onClick={() => setChoices((n.choices ?? []).filter((_, j) => j !== i))}
                  />
                </Space.Compact>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => {
                  const k = (n.choices ?? []).length + 1;
                  setChoices([...(n.choices ?? []), { value: `lc${k}`, label: `Lựa chọn ${k}` }]);
                }}
              >
                Thêm lựa chọn
              </Button>
            </Space>
          </Form.Item>
        )}
        {aggOptions.length > 0 && (
          <Form.Item
            label="Tổng hợp lên cấp trên"
            help={agg ? <span data-testid="aggregate-help">{AGGREGATE_HELP[agg]} <Typography.Text type="secondary" code>x-aggregate: {AGGREGATE_CODES[agg]}</Typography.Text></span> : undefined}
          >
            <Select
              aria-label="Cách tổng hợp"
              data-testid="field-aggregate"
              value={agg}
              onChange={setAgg}
              options={[
                { value: '', label: '— chưa khai báo —' },
                ...aggOptions.map((a) => ({ value: a, label: AGGREGATE_LABELS[a] })),
              ]}
            />
          </Form.Item>
        )}
        {n.aggregate && typeof n.aggregate === 'object' && 'ratio' in n.aggregate && (
          <Card size="small" type="inner" title="Tỉ lệ = tử số / mẫu số × hệ số" style={{ marginBottom: 12 }}>
            {(['numerator', 'denominator'] as const).map((part) => (
              <Form.Item key={part} label={part === 'numerator' ? 'Tử số' : 'Mẫu số'}>
                <Select
                  aria-label={part === 'numerator' ? 'Tử số' : 'Mẫu số'}
                  data-testid={`ratio-${part}`}
                  value={
                    (n.aggregate as { ratio: { numerator: string; denominator: string } }).ratio[part] ||
                    undefined
                  }
                  onChange={(v: string) =>
                    onUpdate({
                      aggregate: {
                        ratio: {
                          ...(
                            n.aggregate as {
                              ratio: { numerator: string; denominator: string; scale?: number };
                            }
                          ).ratio,
                          [part]: v,
                        },
                      },
                    })
                  }
                  showSearch
                  optionFilterProp="title"
                  options={pointers.map((p) => ({
                    value: p.pointer,
                    title: p.title,
                    label: (
                      <Space size={6}>
                        <span>{p.title}</span>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {p.where}
                        </Typography.Text>
                      </Space>
                    ),
                  }))}
                />
              </Form.Item>
            ))}
            <Form.Item label="Hệ số (100 cho phần trăm)">
              <InputNumber
                aria-label="Hệ số"
                value={n.aggregate.ratio.scale}
                onChange={(v) =>
                  onUpdate({
                    aggregate: {
                      ratio: {
                        ...(n.aggregate as { ratio: { numerator: string; denominator: string } }).ratio,
                        scale: num(v),
                      },
                    },
                  })
                }
              />
            </Form.Item>
          </Card>
        )}
        {n.aggregate && typeof n.aggregate === 'object' && 'groupBy' in n.aggregate && (
          <Form.Item label="Gộp các dòng có cùng giá trị ở cột">
            <Select
              aria-label="Cột gộp dòng"
              value={n.aggregate.groupBy}
              onChange={(v: string) => onUpdate({ aggregate: { groupBy: v } })}
              options={n.children.map((c) => ({ value: c.key, label: c.title || c.key }))}
            />
            <Typography.Text type="secondary">
              Mỗi cột khác tổng hợp theo quy tắc của chính nó.
            </Typography.Text>
          </Form.Item>
        )}
        {isNumber && (
          <Form.Item
            label="Công thức tính tự động"
            validateStatus={exprCheck && !exprCheck.ok ? 'error' : exprCheck?.ok ? 'success' : undefined}
            help={
              exprCheck
                ? exprCheck.ok
                  ? 'Công thức hợp lệ.'
                  : exprCheck.message
                : 'Ví dụ: soNu / tongSo * 100 — tên trường cùng mục; $root.I.tongSo để lấy từ mục khác.'
            }
          >
            <Space.Compact style={{ width: '100%' }}>
              <FieldPicker
                fields={loc.siblings.filter((f) => f.id !== n.id && (f.kind === 'integer' || f.kind === 'number'))}
                onPick={(key) => onUpdate({ computed: `${n.computed ? `${n.computed.trimEnd()} ` : ''}${key}`, nullable: true })}
              />
              <Input
                aria-label="Công thức"
                data-testid="field-computed"
                placeholder="soNu / tongSo * 100"
                value={n.computed ?? ''}
                onChange={(e) =>
                  onUpdate(
                    e.target.value === ''
                      ? { computed: undefined }
                      : // null without its inputs (or on a division by zero): the type allows it.
                        { computed: e.target.value, nullable: true },
                  )
                }
              />
            </Space.Compact>
          </Form.Item>
        )}
        {n.computed !== undefined && (
          <Form.Item>
            <Switch
              size="small"
              checked={n.extra.readOnly === true}
              onChange={(v) => {
                const extra = { ...n.extra };
                if (v) extra.readOnly = true;
                else delete extra.readOnly;
                onUpdate({ extra });
              }}
            />{' '}
            Người điền không sửa được (chỉ đọc)
          </Form.Item>
        )}
      </Form>
    </Card>
  );
}
