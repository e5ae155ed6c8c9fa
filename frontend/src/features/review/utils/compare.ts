import { percentChange } from '../../../shared/format/format';

/** A change this large (in %) against the previous round is flagged for the reviewer. */
export const LARGE_CHANGE_PERCENT = 30;

export interface Comparison {
  previous: unknown;
  change: number | null;
  large: boolean;
}

export function compareWithPrevious(current: unknown, previous: unknown, threshold = LARGE_CHANGE_PERCENT): Comparison | null {
  if (typeof current !== 'number' && typeof previous !== 'number') return null;
  const change = percentChange(previous, current);
  const large = change === null ? typeof previous === 'number' && previous === 0 && typeof current === 'number' && current !== 0 : Math.abs(change) >= threshold;
  return { previous, change, large };
}
