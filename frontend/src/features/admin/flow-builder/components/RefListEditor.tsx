/** Guards or actions picked from the vocabulary, each with a form for its params: no free-text code. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Input, InputNumber, Select, Space, Tooltip, Typography } from 'antd';
import { recipientLabels, roleLabels } from '@bdg/workflows';
import { useRoleOptions } from '../../org/hooks/use-roles';
import type { VocabularyEntry } from '../../domain/bdg';
import type { GraphRef } from '../utils/flow-graph';

type Schema = {
  type?: string | string[];
  title?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  minimum?: number;
  maximum?: number;
};

const VALUE_LABELS: Record<string, string> = { ...roleLabels, ...recipientLabels };
const label = (v: unknown) => VALUE_LABELS[String(v)] ?? String(v);

function ParamInput({
  schema,
  value,
  onChange,
  name,
}: {
  schema: Schema;
  value: unknown;
  onChange: (v: unknown) => void;
  name: string;
}) {
  const t = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  // Roles are data (built in + the province's own): picked by label from GET /api/roles.
  if (name === 'role' || name === 'roles') return <RoleInput schema={schema} value={value} onChange={onChange} name={name} />;
  if (schema.enum) {
    return (
      <Select
        aria-label={schema.title ?? name}
        allowClear
        style={{ minWidth: 200 }}
        value={value as string}
        onChange={onChange}
        options={schema.enum.map((v) => ({ value: v as string, label: label(v) }))}
      />
    );
  }
  if (t === 'array' && schema.items?.enum) {
    return (
      <Select
        aria-label={schema.title ?? name}
        mode="multiple"
        allowClear
        style={{ minWidth: 240 }}
        value={(value as string[]) ?? []}
        onChange={(v: string[]) => onChange(v.length ? v : undefined)}
        options={schema.items.enum.map((v) => ({ value: v as string, label: label(v) }))}
      />
    );
  }
  if (t === 'number' || t === 'integer') {
    return (
      <InputNumber
        aria-label={schema.title ?? name}
        min={schema.minimum}
        max={schema.maximum}
        precision={t === 'integer' ? 0 : undefined}
        value={value as number}
        onChange={(v) => onChange(v ?? undefined)}
      />
    );
  }
  if (t === 'boolean')
    return <Checkbox checked={value === true} onChange={(e) => onChange(e.target.checked || undefined)} />;
  return (
    <Input
      aria-label={schema.title ?? name}
      style={{ minWidth: 240 }}
      value={(value as string) ?? ''}
      onChange={(e) => onChange(e.target.value || undefined)}
    />
  );
}

function RoleInput({ schema, value, onChange, name }: { schema: Schema; value: unknown; onChange: (v: unknown) => void; name: string }) {
  const { options } = useRoleOptions();
  const many = name === 'roles';
  return (
    <Select
      aria-label={schema.title ?? name}
      mode={many ? 'multiple' : undefined}
      allowClear
      style={{ minWidth: 240 }}
      value={many ? ((value as string[]) ?? []) : (value as string)}
      onChange={(v: string | string[]) => onChange(Array.isArray(v) ? (v.length ? v : undefined) : v)}
      options={options}
    />
  );
}

export interface RefListEditorProps {
  kind: 'guard' | 'action';
  vocabulary: VocabularyEntry[];
  value: GraphRef[];
  onChange: (refs: GraphRef[]) => void;
  disabled?: boolean;
}

export function RefListEditor({ kind, vocabulary, value, onChange, disabled }: RefListEditorProps) {
  const noun = kind === 'guard' ? 'điều kiện' : 'hành động';
  const set = (i: number, ref: GraphRef) => onChange(value.map((r, j) => (j === i ? ref : r)));
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={`${kind}-list`}>
      {value.map((ref, i) => {
        const entry = vocabulary.find((v) => v.name === ref.type);
        const props = ((entry?.params as Schema | undefined)?.properties ?? {}) as Record<string, Schema>;
        return (
          <Card key={i} size="small" styles={{ body: { padding: 8 } }}>
            <Space wrap align="start">
              <Select
                aria-label={`${noun} ${i + 1}`}
                data-testid={`${kind}-select-${i}`}
                style={{ minWidth: 260 }}
                value={ref.type || undefined}
                placeholder={`Chọn ${noun}`}
                disabled={disabled}
                onChange={(type: string) => set(i, { type, asString: true })}
                options={vocabulary.map((v) => ({
                  value: v.name,
                  label: `${v.label} (${v.name})`,
                  title: v.description,
                }))}
              />
              <Tooltip title={`Bỏ ${noun}`}>
                <Button
                  aria-label={`Bỏ ${noun} ${i + 1}`}
                  icon={<DeleteOutlined />}
                  disabled={disabled}
                  onClick={() => onChange(value.filter((_, j) => j !== i))}
                />
              </Tooltip>
            </Space>
            {entry?.description && (
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                {entry.description}
              </Typography.Paragraph>
            )}
            {Object.entries(props).map(([pname, ps]) => (
              <div key={pname} style={{ marginTop: 6 }}>
                <Typography.Text style={{ marginRight: 8 }}>{ps.title ?? pname}:</Typography.Text>
                <ParamInput
                  name={pname}
                  schema={ps}
                  value={ref.params?.[pname]}
                  onChange={(v) => {
                    const params = { ...(ref.params ?? {}) };
                    if (v === undefined) delete params[pname];
                    else params[pname] = v;
                    set(i, {
                      type: ref.type,
                      params: Object.keys(params).length ? params : undefined,
                      asString: !Object.keys(params).length,
                    });
                  }}
                />
              </div>
            ))}
          </Card>
        );
      })}
      <Button
        icon={<PlusOutlined />}
        disabled={disabled}
        onClick={() => onChange([...value, { type: '', asString: true }])}
        data-testid={`add-${kind}`}
      >
        Thêm {noun}
      </Button>
    </Space>
  );
}
