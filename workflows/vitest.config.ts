import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  test: { include: process.env.BDG_EXIT_GUARD ? ['src/exit-code.guard.ts'] : ['src/**/*.spec.ts'], benchmark: { include: ['src/**/*.bench.ts'] } },
});
