/** How a field rolls up to the unit above, chosen in plain Vietnamese; a ratio's parts and a table's grouping column by title. */
import { Card, Form, InputNumber, Select, Space, Typography } from 'antd';
import { AGGREGATE_CODES, AGGREGATE_HELP, AGGREGATE_LABELS, aggregatesFor, type AggregateRule, type RatioRule } from '../utils/field-model';
import { num, type PartProps } from './inspector-types';

type AggChoice = keyof typeof AGGREGATE_LABELS | '';
export interface PointerOption {
  pointer: string;
  title: string;
  where: string;
}

function aggChoice(a: AggregateRule | undefined): AggChoice {
  if (a === undefined) return '';
  if (typeof a === 'string') return a;
  if ('ratio' in a) return 'ratio';
  return 'groupBy';
}

export function AggregateFields({ n, onUpdate, pointers }: PartProps & { pointers: PointerOption[] }) {
  const agg = aggChoice(n.aggregate);
  const aggOptions = aggregatesFor(n.kind);
  const setAgg = (choice: AggChoice) => {
    if (choice === '') onUpdate({ aggregate: undefined });
    else if (choice === 'ratio') onUpdate({ aggregate: { ratio: { numerator: '', denominator: '', scale: 100 } } });
    else if (choice === 'groupBy') onUpdate({ aggregate: { groupBy: n.children[0]?.key ?? '' } });
    else onUpdate({ aggregate: choice });
  };
  const help = agg ? (
    <span data-testid="aggregate-help">
      {AGGREGATE_HELP[agg]}{' '}
      <Typography.Text type="secondary" code>
        x-aggregate: {AGGREGATE_CODES[agg]}
      </Typography.Text>
    </span>
  ) : undefined;
  return (
    <>
      {aggOptions.length > 0 && (
        <Form.Item label="Tổng hợp lên cấp trên" help={help}>
          <Select
            aria-label="Cách tổng hợp"
            data-testid="field-aggregate"
            value={agg}
            onChange={setAgg}
            options={[{ value: '', label: '— chưa khai báo —' }, ...aggOptions.map((a) => ({ value: a, label: AGGREGATE_LABELS[a] }))]}
          />
        </Form.Item>
      )}
      {n.aggregate && typeof n.aggregate === 'object' && 'ratio' in n.aggregate && (
        <RatioCard ratio={n.aggregate.ratio} pointers={pointers} onChange={(ratio) => onUpdate({ aggregate: { ratio } })} />
      )}
      {n.aggregate && typeof n.aggregate === 'object' && 'groupBy' in n.aggregate && (
        <Form.Item label="Gộp các dòng có cùng giá trị ở cột">
          <Select
            aria-label="Cột gộp dòng"
            value={n.aggregate.groupBy}
            onChange={(v: string) => onUpdate({ aggregate: { groupBy: v } })}
            options={n.children.map((c) => ({ value: c.key, label: c.title || c.key }))}
          />
          <Typography.Text type="secondary">Mỗi cột khác tổng hợp theo quy tắc của chính nó.</Typography.Text>
        </Form.Item>
      )}
    </>
  );
}

function RatioCard({ ratio, pointers, onChange }: { ratio: RatioRule; pointers: PointerOption[]; onChange: (r: RatioRule) => void }) {
  const options = pointers.map((p) => ({
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
  }));
  return (
    <Card size="small" type="inner" title="Tỉ lệ = tử số / mẫu số × hệ số" style={{ marginBottom: 12 }}>
      {(['numerator', 'denominator'] as const).map((part) => (
        <Form.Item key={part} label={part === 'numerator' ? 'Tử số' : 'Mẫu số'}>
          <Select
            aria-label={part === 'numerator' ? 'Tử số' : 'Mẫu số'}
            data-testid={`ratio-${part}`}
            value={ratio[part] || undefined}
            onChange={(v: string) => onChange({ ...ratio, [part]: v })}
            showSearch
            optionFilterProp="title"
            options={options}
          />
        </Form.Item>
      ))}
      <Form.Item label="Hệ số (100 cho phần trăm)">
        <InputNumber aria-label="Hệ số" value={ratio.scale} onChange={(v) => onChange({ ...ratio, scale: num(v) })} />
      </Form.Item>
    </Card>
  );
}
