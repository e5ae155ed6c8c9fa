/** The side panel for one transition: edit an existing one or add one from a state. */
import { Card, Typography } from 'antd';
import type { FlowGraphEditor } from '../hooks/use-flow-graph';
import type { PlacedFinding, Selection } from '../hooks/use-flow-checks';
import { addTransition, removeTransition, updateTransition } from '../utils/flow-edit';
import type { TransitionEdge } from '../utils/flow-graph';
import { TransitionForm } from './TransitionForm';

interface Props {
  editor: FlowGraphEditor;
  source: string;
  selected?: TransitionEdge;
  errors: PlacedFinding[];
  stateLabel: (name: string) => string;
  onSelect: (s: Selection) => void;
}

export function TransitionPanel({ editor, source, selected, errors, stateLabel, onSelect }: Props) {
  const { graph, apply, change } = editor;
  const title = selected ? (
    <span>
      Chuyển tiếp «{selected.label || selected.event}» từ «{stateLabel(source)}»{' '}
      <Typography.Text type="secondary" title="Mã sự kiện (nâng cao)" style={{ fontSize: 12 }}>
        {selected.event}
      </Typography.Text>
    </span>
  ) : (
    `Thêm chuyển tiếp từ «${stateLabel(source)}»`
  );
  return (
    <Card size="small" title={title}>
      <TransitionForm
        key={selected?.id ?? `new-${source}`}
        graph={graph}
        source={source}
        existing={selected}
        readOnly={false}
        findings={errors.filter((f) => selected && f.target.transitionId === selected.id).map((f) => f.message)}
        onSave={(t) => {
          const err = apply(selected ? updateTransition(graph, selected.id, t) : addTransition(graph, t));
          if (!err) onSelect({ state: source });
          return err;
        }}
        onRemove={
          selected
            ? () => {
                change(removeTransition(graph, selected.id));
                onSelect({ state: source });
              }
            : undefined
        }
        onCancel={() => onSelect({ state: source })}
      />
    </Card>
  );
}
