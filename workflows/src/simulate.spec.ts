import { describe, expect, it } from 'vitest';
import { FlowEngineError, simulate, type FlowDefinition } from './index.js';
import { shippedFlow } from '../test-support/helpers.js';

const sut = simulate;
const show = (def: FlowDefinition) =>
  sut(def).map((p) => `${p.steps.map((s) => `${s.from} -${s.event}->`).join(' ')} ${p.target}`);

describe('simulate', () => {
  it('lists every simple path of the shipped flows', () => {
    expect(show(shippedFlow('so'))).toEqual([
      'collecting -COMPILE-> draft -SUBMIT-> pending_signature -SIGN-> published',
    ]);
    expect(show(shippedFlow('phong'))).toEqual([
      'collecting -COMPILE-> draft -SUBMIT-> pending_signature -SIGN-> submitted -ACCEPT-> accepted',
    ]);
  });

  it('describes each step with labels, guards and actions', () => {
    const [path] = sut(shippedFlow('truong'));
    expect(path!.targetLabel).toBe('Đã được chấp nhận');
    expect(path!.steps[1]).toMatchObject({
      from: 'pending_signature',
      fromLabel: 'Chờ ký',
      event: 'SIGN',
      eventLabel: 'Ký duyệt',
      to: 'submitted',
      guards: ['hasRole', 'isOwnUnit'],
      guardLabels: [
        'Người thực hiện có vai trò «Thủ trưởng đơn vị»',
        'Người thực hiện thuộc đơn vị lập báo cáo',
      ],
      actions: ['lockData', 'sign'],
      requiresComment: false,
    });
  });

  it('explores every alternative of one event, and several final states', () => {
    const def: FlowDefinition = {
      id: 'alt',
      initial: 'a',
      meta: { label: 'Thử' },
      states: {
        a: {
          meta: { label: 'A' },
          on: {
            GO: [
              { target: 'b', guard: 'beforeDeadline', meta: { label: 'Nộp' } },
              { target: 'c', guard: 'hasComment', meta: { label: 'Nộp muộn' } },
            ],
            SKIP: { target: 'c', meta: { label: 'Bỏ qua' } },
          },
        },
        b: { meta: { label: 'B' }, on: { END: { target: 'c', meta: { label: 'Kết thúc' } } } },
        c: { type: 'final', meta: { label: 'C' } },
      },
    };
    expect(show(def).sort()).toEqual(['a -GO-> b -END-> c', 'a -GO-> c', 'a -SKIP-> c']);
  });

  it('refuses a flow with too many paths instead of hanging', () => {
    const states: Record<string, unknown> = {};
    const n = 14;
    for (let i = 0; i < n; i++) {
      const on: Record<string, unknown> = {};
      for (let j = 0; j < n; j++)
        if (j !== i) on[`TO_${j}`] = { target: `s${j}`, meta: { label: `Sang ${j}` } };
      on['END'] = { target: 'end', meta: { label: 'Xong' } };
      states[`s${i}`] = { meta: { label: `S${i}` }, on };
    }
    states['end'] = { type: 'final', meta: { label: 'Hết' } };
    const dense: FlowDefinition = { id: 'dense', initial: 's0', meta: { label: 'Dày' }, states };
    expect(() => sut(dense)).toThrow(FlowEngineError);
    expect(() => sut(dense)).toThrow(/quá nhiều đường đi/);
  });
});
