/** The flow drawn as a graph: states as nodes (start and end marked), transitions as labelled edges. */
import {
  Background,
  Controls,
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  type Edge,
  type Node,
  type NodeProps,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { FlowGraph } from '../utils/flow-graph';
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH, type Positioned } from '../utils/layout';

type StateData = {
  name: string;
  label: string;
  final: boolean;
  initial: boolean;
  problems: number;
  selected: boolean;
};

function StateNodeView({ data }: NodeProps<Node<StateData>>) {
  const border = data.problems ? '#ff4d4f' : data.selected ? '#1677ff' : '#8c8c8c';
  return (
    <div
      data-testid={`flow-state-${data.name}`}
      style={{
        width: NODE_WIDTH,
        minHeight: NODE_HEIGHT,
        padding: '6px 10px',
        borderRadius: 8,
        background: data.final ? '#f6ffed' : data.initial ? '#e6f4ff' : '#fff',
        border: `${data.final ? 4 : 2}px ${data.final ? 'double' : 'solid'} ${border}`,
        boxShadow: data.selected ? '0 0 0 3px rgba(22,119,255,.2)' : undefined,
      }}
    >
      <Handle type="target" position={Position.Top} />
      <Typography.Text strong>{data.label || data.name}</Typography.Text>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 11 }}>
          {data.name}
        </Typography.Text>{' '}
        {data.initial && <Tag color="blue">Bắt đầu</Tag>}
        {data.final && <Tag color="green">Kết thúc</Tag>}
        {data.problems > 0 && <Tag color="red">{data.problems} lỗi</Tag>}
      </div>
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
}

const nodeTypes = { state: StateNodeView };

export interface FlowGraphViewProps {
  graph: FlowGraph;
  selected: { state?: string; transitionId?: string };
  problemsByState: Map<string, number>;
  problemTransitions: Set<string>;
  onSelectState: (name: string) => void;
  onSelectTransition: (id: string) => void;
}

/** Positions of the states, laid out again only when the shape changes (not when a label does). */
function useGraphLayout(graph: FlowGraph): Positioned[] {
  const [positions, setPositions] = useState<Positioned[]>([]);
  const shape = JSON.stringify([graph.states.map((s) => s.name), graph.transitions.map((t) => [t.source, t.target])]);
  useEffect(() => {
    let live = true;
    layoutGraph(
      graph.states.map((s) => ({ id: s.name })),
      graph.transitions.map((t) => ({ id: t.id, source: t.source, target: t.target })),
    )
      .then((p) => live && setPositions(p))
      .catch(() => live && setPositions(graph.states.map((s, i) => ({ id: s.name, x: 0, y: i * 120 }))));
    return () => {
      live = false;
    };
  }, [shape]);
  return positions;
}

function toNodes(graph: FlowGraph, positions: Positioned[], props: FlowGraphViewProps): Node<StateData>[] {
  return graph.states.map((s) => {
    const p = positions.find((x) => x.id === s.name);
    return {
      id: s.name,
      type: 'state',
      position: { x: p?.x ?? 0, y: p?.y ?? 0 },
      data: {
        name: s.name,
        label: s.label,
        final: s.final,
        initial: graph.initial === s.name,
        problems: props.problemsByState.get(s.name) ?? 0,
        selected: props.selected.state === s.name && !props.selected.transitionId,
      },
    };
  });
}

/** Arrows labelled by the transitions' Vietnamese labels (event codes are the advanced view's: the side panel). */
function toEdges(graph: FlowGraph, props: FlowGraphViewProps): Edge[] {
  return graph.transitions.map((t) => {
    const bad = props.problemTransitions.has(t.id);
    const sel = props.selected.transitionId === t.id;
    const color = bad ? '#ff4d4f' : sel ? '#1677ff' : '#595959';
    return {
      id: t.id,
      source: t.source,
      target: t.target,
      label: t.label || '(chưa có nhãn)',
      labelBgPadding: [4, 2] as [number, number],
      labelStyle: { fill: color, fontWeight: sel ? 600 : 400 },
      style: { stroke: color, strokeWidth: sel ? 2.5 : 1.5 },
      markerEnd: { type: MarkerType.ArrowClosed, color },
      type: t.source === t.target ? 'default' : 'smoothstep',
      data: { testid: `flow-edge-${t.id}` },
    };
  });
}

export function FlowGraphView(props: FlowGraphViewProps) {
  const { graph } = props;
  const positions = useGraphLayout(graph);
  const nodes = useMemo(() => toNodes(graph, positions, props), [graph, positions, props.problemsByState, props.selected]);
  const edges = useMemo(() => toEdges(graph, props), [graph, props.problemTransitions, props.selected]);

  return (
    <div style={{ height: 560, border: '1px solid #f0f0f0', borderRadius: 8 }} data-testid="flow-graph">
      <ReactFlow
        // fitView applies when the view mounts: remount once each layout has arrived (it is computed asynchronously,
        // after the first paint at 0,0), so the whole graph is in view instead of off to one side.
        key={`layout-${positions.map((p) => `${p.id}:${Math.round(p.x)},${Math.round(p.y)}`).join('|')}`}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        fitView
        nodesConnectable={false}
        nodesDraggable={false}
        onNodeClick={(_, n) => props.onSelectState(n.id)}
        onEdgeClick={(_, e) => props.onSelectTransition(e.id)}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
