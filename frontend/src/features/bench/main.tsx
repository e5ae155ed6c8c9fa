/**
 * The browser benchmark's own page (bench.html), never part of the app: `vite build --mode bench` builds it into
 * dist-bench/ (scripts/build.mjs --bench-only), and test/e2e/form-bench.e2e.ts serves and drives it, no backend needed.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BenchFormPage } from './components/BenchFormPage';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BenchFormPage />
  </StrictMode>,
);
