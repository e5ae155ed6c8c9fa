import { defineConfig } from 'vitest/config';

// CI suites: security and fault. They run the built app as child processes (support/app.ts);
// the browser suite (e2e/) and the benchmarks (bench/) have their own entry points.
export default defineConfig({
  test: {
    // BDG_EXIT_GUARD=1 runs only the deliberately failing guard (.ci/run asserts its non-zero exit).
    include: process.env.BDG_EXIT_GUARD ? ['support/exit-code.guard.ts'] : ['security/**/*.test.ts', 'fault/**/*.test.ts'],
    exclude: ['e2e/**', 'bench/**', 'node_modules/**'],
    globalSetup: ['support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Each file starts its own app (and maybe its own embedded PostgreSQL): two at a time on 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
    teardownTimeout: 60_000,
  },
});
