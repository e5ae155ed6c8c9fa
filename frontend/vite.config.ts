/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// @bdg/schemas and @rjsf/validator-ajv8 each carry their own copy of ajv 8 (the root's is ajv 6, for
// eslint): one copy in the bundle, the schemas package's, instead of two (~60 kB compressed on the fill page).
const ajvDir = path.dirname(createRequire(import.meta.url).resolve('ajv/package.json', { paths: [fileURLToPath(new URL('../schemas', import.meta.url))] }));
// Likewise one ajv-formats (@rjsf/validator-ajv8 pins an older copy; the API is the same).
const ajvFormatsDir = path.dirname(createRequire(import.meta.url).resolve('ajv-formats/package.json', { paths: [fileURLToPath(new URL('../schemas', import.meta.url))] }));
// And one fast-uri: ajv's (3.x); @rjsf/utils pins 4.x for the same two calls (resolve, equal) on $ref.
const fastUriDir = path.dirname(createRequire(import.meta.url).resolve('fast-uri/package.json', { paths: [ajvDir] }));
// @rjsf/core imports markdown-to-jsx for Markdown descriptions, which our templates do not turn on: a shim
// that loads it on demand (src/shared/schema-form/markdown-on-demand.tsx) keeps it out of every form's first load.
const markdownReal = createRequire(import.meta.url).resolve('markdown-to-jsx/react').replace(/\.cjs$/, '.js');
const markdownShim = fileURLToPath(new URL('src/shared/schema-form/markdown-on-demand.tsx', import.meta.url));

// `--mode bench`: the browser benchmark's page alone (bench.html → dist-bench/), never in the app's bundle.
export default defineConfig(({ mode }) => ({
  plugins: [react()],
  resolve: {
    conditions: ['source'],
    alias: [
      { find: /^ajv(\/.*)?$/, replacement: `${ajvDir}$1` },
      { find: /^ajv-formats$/, replacement: ajvFormatsDir },
      { find: /^fast-uri$/, replacement: fastUriDir },
      { find: /^markdown-to-jsx\/react$/, replacement: markdownShim },
      { find: /^markdown-to-jsx-real$/, replacement: markdownReal },
    ],
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  build:
    mode === 'bench'
      ? { outDir: 'dist-bench', chunkSizeWarningLimit: 4000, rollupOptions: { input: 'bench.html' } }
      : {
          outDir: 'dist',
          chunkSizeWarningLimit: 4000,
          // What the entry imports statically (React, the router, antd's core, the sign-in page) runs on every page
          // at startup anyway: one chunk, not the dozens of small shared chunks the automatic split makes of it by
          // which lazy pages also use each piece. No page loads more code; every page makes fewer requests (each
          // answer carries ~1 kB of headers) and compresses better. Lazy pages keep their own chunks.
          rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'shell', tags: ['$initial'] }] } } },
        },
  test: {
    environment: 'jsdom',
    include: process.env.BDG_EXIT_GUARD ? ['src/exit-code.guard.ts'] : ['src/**/*.spec.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    // antd in jsdom is slow, and these machines are shared and noisy: generous bounds, never tight timing.
    testTimeout: 120_000,
  },
}));
