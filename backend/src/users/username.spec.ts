import { describe, expect, it } from 'vitest';
import { normalizeUsername } from './username.js';

describe(normalizeUsername.name, () => {
  it.each([
    ['  KC.Reviewer\t', 'kc.reviewer'],
    // "nguyễn" typed with combining marks (NFD) and precomposed (NFC) is one name
    ['Nguye\u0302\u0303n', 'nguy\u1ec5n'],
    ['nguy\u1ec5n', 'nguy\u1ec5n'],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeUsername(raw)).toBe(expected);
  });
});
