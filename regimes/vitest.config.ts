import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: process.env.BDG_EXIT_GUARD ? ['src/exit-code.guard.ts'] : ['src/**/*.spec.ts'] },
});
