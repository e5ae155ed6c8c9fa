import { describe, expect, it } from 'vitest';
import { definitionToGraph } from './flow-graph';
import { eventMatches, eventOptions } from './event-options';

const graph = definitionToGraph({
  id: 'x',
  initial: 'a',
  states: {
    a: { meta: { label: 'A' }, on: { GUI_DUYET: { target: 'b', meta: { label: 'Gửi phó hiệu trưởng' } }, NHAP: 'a' } },
    b: { meta: { label: 'B' }, on: { GUI_DUYET: { target: 'a', meta: { label: 'Gửi lại' } }, DUYET: { target: 'c', meta: { label: 'Duyệt' } } } },
    c: { type: 'final', meta: { label: 'C' } },
  },
});

describe('eventOptions', () => {
  it('lists each event once with the flow’s label for it, by label', () => {
    expect(eventOptions(graph)).toEqual([
      { code: 'DUYET', label: 'Duyệt' },
      { code: 'GUI_DUYET', label: 'Gửi phó hiệu trưởng' },
      { code: 'NHAP', label: '' },
    ]);
  });

  it('matches what the admin types against the label without accents, or the code', () => {
    const [duyet, gui] = eventOptions(graph);
    expect(eventMatches('pho hieu', gui!)).toBe(true);
    expect(eventMatches('gui_duyet', gui!)).toBe(true);
    expect(eventMatches('trả', duyet!)).toBe(false);
    expect(eventMatches('', duyet!)).toBe(true);
  });
});
