import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Vite's oxc transform emits legacy decorators with their metadata, which NestJS and TypeORM need.
// The workspace packages resolve to their TypeScript sources (the `source` export condition) in the
// server environment too, so a fresh clone runs the tests without building their dist/ first.
export default defineConfig({
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions], externalConditions: ['source'] } },
  test: {
    // BDG_EXIT_GUARD=1 runs only the deliberately failing guard (.ci/run asserts its non-zero exit).
    include: process.env.BDG_EXIT_GUARD ? ['src/test-support/exit-code.guard.ts'] : ['src/**/*.spec.ts', 'src/**/*.int-spec.ts'],
    globalSetup: ['src/test-support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
  },
});
