import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Actor, FlowDefinition, SimulatedStep, SubmissionFacts } from '../src/index.js';

export const flowsDir = fileURLToPath(new URL('../flows/', import.meta.url));

export function flowFiles(): string[] {
  return readdirSync(flowsDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

export function readFlowText(file: string): string {
  return readFileSync(flowsDir + file, 'utf8');
}

export function shippedFlow(id: 'truong' | 'phong' | 'so' | 'truong-truc-tiep'): FlowDefinition {
  return JSON.parse(readFlowText(`${id}.v1.json`)) as FlowDefinition;
}

export const UNIT = 'unit-1';
export const PARENT = 'parent-1';
export const NOW = new Date('2025-05-01T03:00:00.000Z');

export function facts(over: Partial<SubmissionFacts> = {}): SubmissionFacts {
  return {
    unitId: UNIT,
    parentUnitId: PARENT,
    formErrorCount: 0,
    childrenTotal: 4,
    childrenAccepted: 4,
    deadline: null,
    ...over,
  };
}

export function actor(roles: string[], unitId = UNIT, userId = `u-${roles.join('-')}-${unitId}`): Actor {
  return { userId, unitId, roles };
}

export const editor = actor(['editor']);
export const head = actor(['head']);
export const ownReviewer = actor(['reviewer']);
export const parentReviewer = actor(['reviewer'], PARENT);

/** An actor, facts and comment that satisfy every guard of a simulated step. */
export function satisfying(step: SimulatedStep): { actor: Actor; facts: SubmissionFacts; comment?: string } {
  const roles = new Set<string>();
  let unitId = UNIT;
  for (const g of step.guardRefs) {
    if (g.type === 'hasRole') {
      const p = g.params ?? {};
      roles.add(typeof p['role'] === 'string' ? p['role'] : (p['roles'] as string[])[0]!);
    }
    if (g.type === 'isParentReviewer') {
      roles.add((g.params?.['role'] as string | undefined) ?? 'reviewer');
      unitId = PARENT;
    }
  }
  return {
    actor: actor([...roles], unitId),
    facts: facts(),
    ...(step.requiresComment ? { comment: 'Số liệu chưa khớp' } : {}),
  };
}
