/**
 * bench.html?fields=300 — the fill form on a generated template, for the browser benchmark (test/e2e/form-bench.e2e.ts);
 * a page of its own (./main.tsx), outside the app's bundle.
 * Records in window.__bench: renderMs (start → first paint, form interactive), fullRenderMs (every section mounted),
 * validateMs (one @bdg/schemas draft validation), keystrokes[] (ms from each input event to the next frame).
 */
import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { ConfigProvider, Typography } from 'antd';
import { prepareForm } from '../../../shared/schema-form/prepare-form';
import { FormStore } from '../../../shared/schema-form/form-store';
import { SchemaForm, useSections } from '../../../shared/schema-form/SchemaForm';
import { applyComputed, getValidator, type JsonSchema } from '../../../shared/schema-form/schema-lib';
import { generateBenchTemplate } from '../utils/generate-schema';

declare global {
  interface Window {
    __bench?: { fields: number; renderMs?: number; fullRenderMs?: number; keystrokes: number[]; ready: boolean; validateMs?: number };
  }
}

const start = performance.now();

export function BenchFormPage() {
  const params = new URLSearchParams(window.location.search);
  const fields = Math.min(5000, Math.max(1, Number(params.get('fields') ?? 300) || 300));
  const tpl = useMemo(() => {
    performance.mark('bench:start');
    return generateBenchTemplate(fields);
  }, [fields]);
  const prepared = useMemo(() => prepareForm(tpl.schema, tpl.uiSchema), [tpl]);
  const [store] = useState(() => new FormStore(tpl.data, (d) => applyComputed(tpl.schema as JsonSchema, d) as Record<string, unknown>));
  const sections = useSections(prepared);
  useLayoutEffect(() => {
    window.__bench = { fields, keystrokes: [], ready: false };
  }, [fields]);
  useEffect(() => {
    // Interactive = first paint after mount.
    requestAnimationFrame(() => {
      performance.mark('bench:interactive');
      const m = performance.measure('bench:render', 'bench:start', 'bench:interactive');
      const validator = getValidator(tpl.schema as JsonSchema);
      const t0 = performance.now();
      validator.validateDraft(store.getData());
      if (window.__bench) {
        window.__bench.renderMs = m.duration;
        window.__bench.validateMs = performance.now() - t0;
        window.__bench.ready = true;
      }
      const waitFull = () => {
        if (document.querySelector('.bdg-section-body [aria-busy="true"]')) return requestAnimationFrame(waitFull);
        performance.mark('bench:full');
        if (window.__bench) window.__bench.fullRenderMs = performance.measure('bench:full-render', 'bench:start', 'bench:full').duration;
      };
      waitFull();
    });
    // Cost of one keystroke: from the input event to the next frame.
    const onInput = () => {
      const t0 = performance.now();
      requestAnimationFrame(() => window.__bench?.keystrokes.push(performance.now() - t0));
    };
    document.addEventListener('input', onInput, true);
    return () => document.removeEventListener('input', onInput, true);
  }, [tpl, store]);
  return (
    <ConfigProvider>
      <main style={{ padding: 24, maxWidth: 1100, margin: '0 auto' }} data-testid="bench-form">
        <Typography.Title level={3}>Đo hiệu năng biểu mẫu: {prepared.fieldCount} trường</Typography.Title>
        <Typography.Paragraph>Thời gian từ lúc tải trang: {Math.round(performance.now() - start)} ms (xem window.__bench).</Typography.Paragraph>
        <SchemaForm prepared={prepared} store={store} sections={sections} />
      </main>
    </ConfigProvider>
  );
}
