import { defineConfig } from 'vitest/config';

// Vite's oxc transform emits legacy decorators with their metadata, which NestJS and TypeORM need.
export default defineConfig({
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  resolve: { conditions: ['source'] },
  test: {
    include: ['src/**/*.spec.ts', 'src/**/*.int-spec.ts'],
    globalSetup: ['src/test-support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
  },
});
