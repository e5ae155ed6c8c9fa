import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { lintFlow, transition, type FlowDefinition, type PersistedFlowSnapshot } from './index.js';

const truong = JSON.parse(
  readFileSync(new URL('../flows/truong.v1.json', import.meta.url), 'utf8'),
) as FlowDefinition;
const now = new Date('2025-05-01T03:00:00Z');
const facts = {
  unitId: 'u',
  parentUnitId: 'p',
  formErrorCount: 0,
  childrenTotal: 1,
  childrenAccepted: 1,
  deadline: '2025-06-10',
};
const editor = { userId: 'e', unitId: 'u', roles: ['editor'] };
const head = { userId: 'h', unitId: 'u', roles: ['head'] };

/** A 50-state chain with a return edge from every state, guards and actions on every transition. */
function fiftyStates(): FlowDefinition {
  const states: Record<string, unknown> = {};
  for (let i = 0; i < 49; i++) {
    states[`s${i}`] = {
      meta: { label: `Bước ${i}` },
      on: {
        NEXT: {
          target: `s${i + 1}`,
          guard: {
            type: 'all',
            params: { guards: [{ type: 'hasRole', params: { role: 'editor' } }, 'isOwnUnit', 'formIsValid'] },
          },
          actions: [{ type: 'notify', params: { to: ['unitHeads'] } }],
          meta: { label: 'Tiếp' },
        },
        BACK: {
          target: 's0',
          guard: { type: 'all', params: { guards: ['isParentReviewer', 'hasComment'] } },
          actions: ['unlockData'],
          meta: { label: 'Trả lại' },
        },
      },
    };
  }
  states['s49'] = { type: 'final', meta: { label: 'Xong' } };
  return { id: 'big', initial: 's0', meta: { label: 'Lớn' }, states };
}
const big = fiftyStates();

describe('engine', () => {
  // One transition = restore the persisted snapshot, evaluate guards, XState step, persist. Alternates SUBMIT / REJECT.
  let snap: PersistedFlowSnapshot | null = null;
  let odd = false;
  bench('transition (truong: SUBMIT / REJECT, persisted snapshot in and out)', () => {
    const r = odd
      ? transition(truong, snap, { type: 'REJECT', comment: 'Sai' }, head, facts, now)
      : transition(truong, snap, { type: 'SUBMIT' }, editor, facts, now);
    if (!r.ok) throw new Error(r.refusal.message);
    snap = r.snapshot;
    odd = !odd;
  });
});

describe('lint', () => {
  bench('lintFlow, 50-state flow', () => {
    if (lintFlow(big).length !== 0) throw new Error('not clean');
  });
  bench('lintFlow, truong', () => {
    lintFlow(truong);
  });
});
