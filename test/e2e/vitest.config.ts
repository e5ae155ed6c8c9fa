import { defineConfig } from 'vitest/config';

// Browser suites (Chromium at /usr/bin/chromium via playwright-core) against one real app instance,
// started by global-setup.ts on the embedded PostgreSQL. Run with `npm run test:e2e` from the repository root.
export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    // BDG_EXIT_GUARD=1 runs only the deliberately failing guard, with the app started (.ci/run asserts the exit).
    include: process.env.BDG_EXIT_GUARD ? ['exit-code.guard.ts'] : ['**/*.e2e.ts'],
    globalSetup: ['support/global-setup.ts'],
    // One app, one browser at a time: the suites run one after another (a 2-core machine).
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false },
    testTimeout: 180_000,
    hookTimeout: 240_000,
    teardownTimeout: 90_000,
    reporters: ['verbose'],
  },
});
