/** The side panel for one state: its label, meaning, start/end, removal, and the transitions that leave it. */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, List, Popconfirm, Space, Switch, Tag, Typography } from 'antd';
import type { FlowGraphEditor } from '../hooks/use-flow-graph';
import type { PlacedFinding, Selection } from '../hooks/use-flow-checks';
import { removeState, setFinal, setInitial, setStateLabel, setStateLocked, setStateStatus, stateTagsOf } from '../utils/flow-edit';
import type { StateNode } from '../utils/flow-graph';
import { StateMeaningField } from './StateMeaningField';

interface Props {
  editor: FlowGraphEditor;
  state: StateNode;
  errors: PlacedFinding[];
  problemTransitions: Set<string>;
  stateLabel: (name: string) => string;
  onSelect: (s: Selection) => void;
}

export function StatePanel({ editor, state, errors, problemTransitions, stateLabel, onSelect }: Props) {
  const title = `Trạng thái «${state.label || state.name}»`;
  const code = (
    <Typography.Text type="secondary" code title="Mã (nâng cao)">
      {state.name}
    </Typography.Text>
  );
  return (
    <Card size="small" title={title} extra={code} data-testid="state-panel">
      {errors
        .filter((f) => f.target.state === state.name && !f.target.transitionId)
        .map((f, i) => (
          <Alert key={i} type="error" showIcon message={f.message} style={{ marginBottom: 6 }} />
        ))}
      <StateSettings editor={editor} state={state} onRemoved={() => onSelect({})} />
      <OutgoingTransitions editor={editor} state={state} problemTransitions={problemTransitions} stateLabel={stateLabel} onSelect={onSelect} />
    </Card>
  );
}

function StateSettings({ editor, state, onRemoved }: { editor: FlowGraphEditor; state: StateNode; onRemoved: () => void }) {
  const { graph, change, apply } = editor;
  return (
    <Form layout="vertical" size="small">
      <Form.Item label="Nhãn hiển thị">
        <Input aria-label="Nhãn trạng thái" data-testid="state-label" value={state.label} onChange={(e) => change(setStateLabel(graph, state.name, e.target.value))} />
      </Form.Item>
      <StateMeaningField
        tags={stateTagsOf(graph, state.name)}
        onStatus={(s) => change(setStateStatus(graph, state.name, s))}
        onLocked={(v) => change(setStateLocked(graph, state.name, v))}
      />
      <Space wrap>
        <span>
          <Switch checked={state.final} onChange={(v) => apply(setFinal(graph, state.name, v))} aria-label="Trạng thái kết thúc" /> Trạng thái kết thúc
        </span>
        <Button size="small" disabled={graph.initial === state.name} onClick={() => apply(setInitial(graph, state.name))}>
          Đặt làm trạng thái bắt đầu
        </Button>
        <Popconfirm
          title={`Xoá trạng thái «${state.label || state.name}»?`}
          description="Mọi chuyển tiếp đi vào và đi ra khỏi trạng thái này cũng bị xoá."
          okText="Xoá"
          cancelText="Huỷ"
          okButtonProps={{ danger: true }}
          onConfirm={() => {
            if (!apply(removeState(graph, state.name))) onRemoved();
          }}
        >
          <Button size="small" danger data-testid="remove-state">
            Xoá trạng thái
          </Button>
        </Popconfirm>
      </Space>
    </Form>
  );
}

function OutgoingTransitions({ editor, state, problemTransitions, stateLabel, onSelect }: Omit<Props, 'errors'>) {
  const out = editor.graph.transitions.filter((t) => t.source === state.name);
  return (
    <>
      <List
        style={{ marginTop: 12 }}
        size="small"
        header={<Typography.Text strong>Chuyển tiếp đi ra</Typography.Text>}
        dataSource={out}
        locale={{ emptyText: state.final ? 'Trạng thái kết thúc không có chuyển tiếp.' : 'Chưa có chuyển tiếp nào.' }}
        renderItem={(t) => (
          <List.Item style={{ cursor: 'pointer' }} onClick={() => onSelect({ state: t.source, transitionId: t.id })} data-testid={`transition-item-${t.id}`}>
            <span>
              <Tag color={problemTransitions.has(t.id) ? 'red' : undefined}>{t.label || <i>(chưa có nhãn)</i>}</Tag>→ {stateLabel(t.target)}{' '}
              <Typography.Text type="secondary" title="Mã sự kiện (nâng cao)" style={{ fontSize: 12 }}>
                {t.event}
              </Typography.Text>
            </span>
          </List.Item>
        )}
      />
      {!state.final && (
        <Button icon={<PlusOutlined />} onClick={() => onSelect({ state: state.name, addingFrom: state.name })} data-testid="add-transition">
          Thêm chuyển tiếp
        </Button>
      )}
    </>
  );
}
