/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['source'] },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  build: { outDir: 'dist', chunkSizeWarningLimit: 4000 },
  test: {
    environment: 'jsdom',
    include: process.env.BDG_EXIT_GUARD ? ['src/exit-code.guard.ts'] : ['src/**/*.spec.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    // antd in jsdom is slow, and these machines are shared and noisy: generous bounds, never tight timing.
    testTimeout: 120_000,
  },
});
