/** The graph being drawn, whether it differs from the stored version, and the findings the server sent back. */
import { App } from 'antd';
import { useState } from 'react';
import type { FlowVersion } from '../../api/types';
import type { Finding } from '../../domain/bdg';
import type { EditResult } from '../utils/flow-edit';
import { definitionToGraph, type FlowGraph } from '../utils/flow-graph';

export function useFlowGraph(fv: FlowVersion, targetCode: string) {
  const { message } = App.useApp();
  const [graph, setGraph] = useState<FlowGraph>(() => {
    const g = definitionToGraph(fv.machine);
    return targetCode !== fv.code ? { ...g, root: { ...g.root, id: targetCode } } : g;
  });
  const [dirty, setDirty] = useState(targetCode !== fv.code);
  const [serverIssues, setServerIssues] = useState<Finding[]>([]);

  /** An edit that cannot fail (labels, meaning, removing a transition). */
  const change = (g: FlowGraph) => {
    setGraph(g);
    setDirty(true);
  };
  /** An edit that may be refused: the refusal is shown and returned, nothing changes. */
  const apply = (r: EditResult): string | null => {
    if ('error' in r) {
      message.error(r.error);
      return r.error;
    }
    change(r.graph);
    setServerIssues([]);
    return null;
  };
  return { graph, dirty, setDirty, serverIssues, setServerIssues, change, apply };
}

export type FlowGraphEditor = ReturnType<typeof useFlowGraph>;
