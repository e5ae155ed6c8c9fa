/** Add or edit one transition: event, label, target, guards and actions from the vocabulary. */
import { Alert, AutoComplete, Button, Form, Input, Popconfirm, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { actionVocabulary, guardVocabulary } from '../../domain/bdg';
import type { FlowGraph, GraphRef, TransitionEdge } from '../utils/flow-graph';
import { EVENT_NAME, type TransitionInput } from '../utils/flow-edit';
import { eventMatches, eventOptions, type EventOption } from '../utils/event-options';
import { RefListEditor } from './RefListEditor';

export interface TransitionFormProps {
  graph: FlowGraph;
  source: string;
  existing?: TransitionEdge;
  readOnly: boolean;
  findings: string[];
  onSave: (t: TransitionInput) => string | null;
  onRemove?: () => void;
  onCancel: () => void;
}

/** An event code from a Vietnamese button label: "Phó hiệu trưởng duyệt" → "PHO_HIEU_TRUONG_DUYET". */
export function eventCodeFrom(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^[^A-Z]+|_+$/g, '')
    .slice(0, 40);
}

export function TransitionForm({ graph, source, existing, readOnly, findings, onSave, onRemove, onCancel }: TransitionFormProps) {
  const [event, setEvent] = useState(existing?.event ?? '');
  const [label, setLabel] = useState(existing?.label ?? '');
  const [target, setTarget] = useState(existing?.target ?? '');
  const [guards, setGuards] = useState<GraphRef[]>(existing?.guards ?? []);
  const [actions, setActions] = useState<GraphRef[]>(existing?.actions ?? []);
  const [error, setError] = useState<string | null>(null);
  const submit = () => setError(onSave({ source, event, label: label.trim(), target, guards, actions }));

  return (
    <div data-testid="transition-form">
      {findings.map((f, i) => (
        <Alert key={i} type="error" showIcon message={f} style={{ marginBottom: 6 }} />
      ))}
      <Form layout="vertical" size="small" disabled={readOnly}>
        <EventFields graph={graph} isNew={!existing} label={label} event={event} onLabel={setLabel} onEvent={setEvent} />
        <Form.Item label="Trạng thái đích" required>
          <Select aria-label="Trạng thái đích" data-testid="transition-target" value={target || undefined} onChange={setTarget} options={targetOptions(graph.states)} />
        </Form.Item>
        <Form.Item label="Điều kiện (tất cả phải đạt)">
          <RefListEditor kind="guard" vocabulary={guardVocabulary()} value={guards} onChange={setGuards} disabled={readOnly} />
        </Form.Item>
        <Form.Item label="Hành động khi chuyển">
          <RefListEditor kind="action" vocabulary={actionVocabulary()} value={actions} onChange={setActions} disabled={readOnly} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} data-testid="transition-error" />}
        {!readOnly && <TransitionButtons existing={!!existing} onSubmit={submit} onCancel={onCancel} onRemove={onRemove} />}
      </Form>
    </div>
  );
}

/** The button label, and the event code (advanced) picked by the labels of the events the flow already has. */
function EventFields(props: {
  graph: FlowGraph;
  isNew: boolean;
  label: string;
  event: string;
  onLabel: (v: string) => void;
  onEvent: (v: string) => void;
}) {
  const { graph, isNew, label, event, onLabel, onEvent } = props;
  const [eventTouched, setEventTouched] = useState(false);
  const known = useMemo(() => eventOptions(graph), [graph]);
  const eventOk = !event || EVENT_NAME.test(event);
  return (
    <>
      <Form.Item label="Nhãn nút bấm (tiếng Việt)" required>
        <Input
          aria-label="Nhãn nút bấm"
          data-testid="transition-label"
          value={label}
          onChange={(e) => {
            onLabel(e.target.value);
            // The code follows the label until the admin writes one (codes are the advanced detail).
            if (!eventTouched && isNew) onEvent(eventCodeFrom(e.target.value));
          }}
          placeholder="Gửi ký, Trả lại…"
        />
      </Form.Item>
      <Form.Item
        label="Mã sự kiện (nâng cao; tự tạo từ nhãn, viết HOA không dấu)"
        validateStatus={eventOk ? undefined : 'error'}
        help={eventOk ? 'Chọn một sự kiện quy trình đã có (theo nhãn) để nút mới làm cùng việc đó, hoặc giữ mã tự tạo.' : 'Chỉ chữ HOA không dấu, số và _'}
      >
        <AutoComplete
          aria-label="Sự kiện"
          data-testid="transition-event"
          value={event}
          options={known.map((o) => ({ value: o.code, label: <EventOptionLabel option={o} /> }))}
          onChange={(v: string) => {
            setEventTouched(true);
            onEvent(v.toUpperCase().replace(/\s+/g, '_'));
          }}
          filterOption={(input, opt) => {
            const o = known.find((k) => k.code === opt?.value);
            return !!o && eventMatches(input, o);
          }}
        />
      </Form.Item>
    </>
  );
}

function EventOptionLabel({ option }: { option: EventOption }) {
  return (
    <span data-testid={`event-option-${option.code}`}>
      {option.label || <i>(chưa có nhãn)</i>}{' '}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {option.code}
      </Typography.Text>
    </span>
  );
}

function TransitionButtons({ existing, onSubmit, onCancel, onRemove }: { existing: boolean; onSubmit: () => void; onCancel: () => void; onRemove?: () => void }) {
  return (
    <Space>
      <Button type="primary" onClick={onSubmit} data-testid="save-transition">
        {existing ? 'Cập nhật chuyển tiếp' : 'Thêm chuyển tiếp'}
      </Button>
      <Button onClick={onCancel}>Huỷ</Button>
      {existing && onRemove && (
        <Popconfirm title="Xoá chuyển tiếp này?" okText="Xoá" cancelText="Huỷ" okButtonProps={{ danger: true }} onConfirm={onRemove}>
          <Button danger data-testid="remove-transition">
            Xoá chuyển tiếp
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

/**
 * Target states by their Vietnamese labels; the code appears only to tell apart two states that share a label
 * (codes are the advanced view's business).
 */
export function targetOptions(states: { name: string; label?: string }[]): { value: string; label: string }[] {
  const count = new Map<string, number>();
  for (const s of states) count.set(s.label || s.name, (count.get(s.label || s.name) ?? 0) + 1);
  return states.map((s) => {
    const label = s.label || s.name;
    return { value: s.name, label: (count.get(label) ?? 0) > 1 ? `${label} (${s.name})` : label };
  });
}
