import { describe, expect, it } from 'vitest';
import { compareWithPrevious } from './compare';

describe('compareWithPrevious', () => {
  const sut = compareWithPrevious;
  it.each([
    [120, 100, 20, false],
    [150, 100, 50, true],
    [60, 100, -40, true],
    [5, 0, null, true],
    [0, 0, 0, false],
  ])('%s vs %s → %s%%, large=%s', (cur, prev, change, large) => {
    expect(sut(cur, prev)).toEqual({ previous: prev, change, large });
  });
  it('ignores text', () => {
    expect(sut('a', 'b')).toBeNull();
  });
  it('no previous value', () => {
    expect(sut(10, undefined)).toEqual({ previous: undefined, change: null, large: false });
  });
});
