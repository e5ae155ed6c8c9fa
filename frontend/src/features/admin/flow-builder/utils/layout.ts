/** Automatic layout of the flow graph with ELK (layered, top to bottom). */
import ELK from 'elkjs/lib/elk.bundled.js';

export interface Positioned {
  id: string;
  x: number;
  y: number;
}

let elk: InstanceType<typeof ELK> | null = null;

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 64;

export async function layoutGraph(
  nodes: { id: string }[],
  edges: { id: string; source: string; target: string }[],
): Promise<Positioned[]> {
  elk ??= new ELK();
  const ids = new Set(nodes.map((n) => n.id));
  const res = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.spacing.nodeNode': '60',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
      'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
      'elk.edgeRouting': 'POLYLINE',
    },
    children: nodes.map((n) => ({ id: n.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: edges
      .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  return (res.children ?? []).map((c) => ({ id: c.id, x: c.x ?? 0, y: c.y ?? 0 }));
}
