import { describe, expect, it } from 'vitest';
import { formatScalar } from './schema-walk.js';

describe('export words (issue 18)', () => {
  it('writes a rolled-up ratio in Vietnamese, not "numerator"/"denominator"', () => {
    expect(formatScalar({}, {}, { numerator: 38, denominator: 45 })).toBe('tử số: 38; mẫu số: 45');
  });
});
