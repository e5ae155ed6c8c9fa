import type { PlannedRound } from '@bdg/regimes';
import { describe, expect, it } from 'vitest';
import { deadlineLines, frequencyLabel, viDate } from './regime-view';

describe('regime view', () => {
  it('words frequencies and dates the Vietnamese way', () => {
    expect(frequencyLabel('half-year')).toBe('6 tháng');
    expect(viDate('2029-06-11')).toBe('11/06/2029');
  });

  it('says when a deadline moved off a day off', () => {
    const round = {
      deadlines: [
        { kinds: ['truong_th'], label: 'trường', date: '2029-05-30' },
        { kinds: ['so'], label: 'Sở GD&ĐT', date: '2029-06-11', requested: '2029-06-10', note: '…' },
      ],
    } as unknown as PlannedRound;
    expect(deadlineLines(round)).toEqual(['trường: 30/05/2029', 'Sở GD&ĐT: 11/06/2029 (dời từ 10/06/2029)']);
  });
});
