/** The flow builder: graph, click-to-edit states and transitions, lint on the graph, simulation, publish. */
import { Alert, Col, Empty, Row, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { adminApi } from '../../api/admin-api';
import { adminKeys } from '../../api/query-keys';
import type { FlowVersion } from '../../api/types';
import { describeError } from '../../components/errors';
import { stateLabelOf, useFlowChecks, useFlowSimulation, type PlacedFinding, type Selection } from '../hooks/use-flow-checks';
import { useFlowGraph, type FlowGraphEditor } from '../hooks/use-flow-graph';
import { useFlowSave } from '../hooks/use-flow-save';
import { addState } from '../utils/flow-edit';
import { FlowEditorTabs } from './FlowEditorTabs';
import { FlowGraphView } from './FlowGraphView';
import { FlowToolbar, SaveProgressCard } from './FlowToolbar';
import { NewStateModal } from './NewStateModal';
import { StatePanel } from './StatePanel';
import { TransitionPanel } from './TransitionPanel';

export function FlowEditorPage() {
  const { code = '', version = '' } = useParams();
  const [search] = useSearchParams();
  const v = Number(version);
  const q = useQuery({
    queryKey: adminKeys.flowVersion(code, v),
    queryFn: () => adminApi.getFlowVersion(code, v),
  });
  if (q.isLoading) return <Spin tip="Đang tải quy trình…" />;
  if (q.error || !q.data)
    return <Alert type="error" showIcon message={`Không tải được quy trình: ${describeError(q.error)}`} />;
  const as = search.get('as');
  return <FlowEditor key={`${code}/${v}/${as ?? ''}`} fv={q.data} targetCode={as || code} />;
}

function FlowEditor({ fv, targetCode }: { fv: FlowVersion; targetCode: string }) {
  const editor = useFlowGraph(fv, targetCode);
  const { graph, dirty, setDirty, serverIssues, setServerIssues, apply } = editor;
  const [sel, setSel] = useState<Selection>({});
  const [addingState, setAddingState] = useState(false);
  const { def, findings, errors, problemsByState, problemTransitions } = useFlowChecks(graph, serverIssues);
  const { paths, loops } = useFlowSimulation(graph, def, errors.length);
  const { progress, closeProgress, confirmSave } = useFlowSave({
    targetCode,
    def,
    errorCount: errors.length,
    onSaved: () => setDirty(false),
    onServerIssues: setServerIssues,
  });
  const stateLabel = stateLabelOf(graph);
  const title = (graph.root.meta as { label?: string } | undefined)?.label ?? fv.title ?? targetCode;

  return (
    <div data-testid="flow-editor">
      <FlowToolbar fv={fv} targetCode={targetCode} title={title} dirty={dirty} errorCount={errors.length} onAddState={() => setAddingState(true)} onSave={confirmSave} />
      {progress && <SaveProgressCard progress={progress} onClose={closeProgress} />}
      <Row gutter={16} style={{ marginTop: 12 }}>
        <Col xs={24} xl={15}>
          <FlowGraphView
            graph={graph}
            selected={sel}
            problemsByState={problemsByState}
            problemTransitions={problemTransitions}
            onSelectState={(name) => setSel({ state: name })}
            onSelectTransition={(id) => setSel({ state: graph.transitions.find((t) => t.id === id)?.source, transitionId: id })}
          />
        </Col>
        <Col xs={24} xl={9}>
          <SidePanel editor={editor} sel={sel} errors={errors} problemTransitions={problemTransitions} stateLabel={stateLabel} onSelect={setSel} />
        </Col>
      </Row>
      <FlowEditorTabs targetCode={targetCode} def={def} findings={findings} errorCount={errors.length} paths={paths} loops={loops} onSelect={setSel} />
      {addingState && (
        <NewStateModal
          onClose={() => setAddingState(false)}
          onAdd={(name, label) => {
            if (apply(addState(graph, name, label))) return false;
            setSel({ state: name });
            return true;
          }}
        />
      )}
    </div>
  );
}

interface SidePanelProps {
  editor: FlowGraphEditor;
  sel: Selection;
  errors: PlacedFinding[];
  problemTransitions: Set<string>;
  stateLabel: (name: string) => string;
  onSelect: (s: Selection) => void;
}

/** What the side panel shows: the transition being edited or added, else the selected state, else a hint. */
function SidePanel({ editor, sel, errors, problemTransitions, stateLabel, onSelect }: SidePanelProps) {
  const { graph } = editor;
  const transition = sel.transitionId ? graph.transitions.find((t) => t.id === sel.transitionId) : undefined;
  if (sel.addingFrom || transition) {
    const source = transition?.source ?? sel.addingFrom!;
    return <TransitionPanel editor={editor} source={source} selected={transition} errors={errors} stateLabel={stateLabel} onSelect={onSelect} />;
  }
  const state = sel.state ? graph.states.find((s) => s.name === sel.state) : undefined;
  if (state) return <StatePanel editor={editor} state={state} errors={errors} problemTransitions={problemTransitions} stateLabel={stateLabel} onSelect={onSelect} />;
  return <Empty description="Bấm vào một trạng thái hoặc một mũi tên trên sơ đồ để sửa." />;
}
