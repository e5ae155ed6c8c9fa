/** What every part of the field inspector receives. */
import type { FieldNode } from '../utils/field-model';

export type NodePatch = Partial<Omit<FieldNode, 'id' | 'kind'>>;
export interface PartProps {
  n: FieldNode;
  onUpdate: (patch: NodePatch) => void;
}

export const num = (v: number | null | undefined): number | undefined => (typeof v === 'number' ? v : undefined);
