import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  test: { include: ['src/**/*.spec.ts'], benchmark: { include: ['src/**/*.bench.ts'] } },
});
