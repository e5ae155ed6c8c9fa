import { expect, test } from 'vitest';

// Run only with BDG_EXIT_GUARD=1 (by .ci/run): a failing test must make this workspace's tests exit non-zero.
test('fails on purpose (exit-code guard)', () => {
  expect('this test').toBe('failing on purpose');
});
