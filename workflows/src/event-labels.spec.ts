import { describe, expect, it } from 'vitest';
import { eventLabel } from './engine.js';
import { eventLabelsOf } from './event-labels.js';
import type { FlowDefinition } from './types.js';
import { flowFiles, readFlowText } from '../test-support/helpers.js';

describe('eventLabelsOf', () => {
  const def = {
    id: 'x',
    initial: 'a',
    states: {
      a: { on: { GUI: [{ target: 'b', guard: 'isOwnUnit', meta: { label: 'Gửi duyệt' } }, { target: 'b', meta: { label: 'Gửi lần hai' } }], NHAP: 'a' } },
      b: { on: { GUI: { target: 'a', meta: { label: 'Gửi lại' } }, TRA: { target: 'a', meta: { label: '  ' } } } },
      c: { type: 'final' },
    },
  };

  it('gives each event the first label written for it, and skips events with no visible label', () => {
    expect([...eventLabelsOf(def)]).toEqual([['GUI', 'Gửi duyệt']]);
  });

  it('agrees with the engine on every shipped flow', () => {
    for (const file of flowFiles()) {
      const flow = JSON.parse(readFlowText(file)) as FlowDefinition;
      const labels = eventLabelsOf(flow);
      expect(labels.size, file).toBeGreaterThan(0);
      for (const [event, label] of labels) expect(eventLabel(flow, event)).toBe(label);
    }
  });

  it('reads a definition being edited without throwing', () => {
    for (const bad of [null, 1, 'x', {}, { states: [] }, { states: { a: null } }, { states: { a: { on: { E: [null, 'b', { meta: 'x' }] } } } }])
      expect(eventLabelsOf(bad).size).toBe(0);
  });
});
