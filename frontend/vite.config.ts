/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// @bdg/schemas and @rjsf/validator-ajv8 each carry their own copy of ajv 8 (the root's is ajv 6, for
// eslint): one copy in the bundle, the schemas package's, instead of two (~60 kB compressed on the fill page).
const ajvDir = path.dirname(createRequire(import.meta.url).resolve('ajv/package.json', { paths: [fileURLToPath(new URL('../schemas', import.meta.url))] }));

// `--mode bench`: the browser benchmark's page alone (bench.html → dist-bench/), never in the app's bundle.
export default defineConfig(({ mode }) => ({
  plugins: [react()],
  resolve: { conditions: ['source'], alias: [{ find: /^ajv(\/.*)?$/, replacement: `${ajvDir}$1` }] },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  build:
    mode === 'bench'
      ? { outDir: 'dist-bench', chunkSizeWarningLimit: 4000, rollupOptions: { input: 'bench.html' } }
      : { outDir: 'dist', chunkSizeWarningLimit: 4000 },
  test: {
    environment: 'jsdom',
    include: process.env.BDG_EXIT_GUARD ? ['src/exit-code.guard.ts'] : ['src/**/*.spec.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    // antd in jsdom is slow, and these machines are shared and noisy: generous bounds, never tight timing.
    testTimeout: 120_000,
  },
}));
