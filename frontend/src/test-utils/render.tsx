/** Test helpers: the app's providers around a component, and a fetch mock keyed by "METHOD /path". */
import type { ReactElement } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { App as AntdApp, ConfigProvider } from 'antd';
import { StyleProvider } from '@ant-design/cssinjs';
import viVN from 'antd/locale/vi_VN';
import { vi } from 'vitest';

export function renderWithProviders(ui: ReactElement, opts: { route?: string; path?: string } = {}) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
  const route = opts.route ?? '/';
  // mock="server": antd keeps its CSS out of the jsdom document, which makes role and label queries fast.
  const result = render(
    <StyleProvider mock="server">
      <ConfigProvider locale={viVN}>
        <AntdApp>
          <QueryClientProvider client={client}>
            <MemoryRouter initialEntries={[route]}>
              <Routes>
                <Route path={opts.path ?? '*'} element={ui} />
                <Route path="*" element={<div data-testid="other-route" />} />
              </Routes>
            </MemoryRouter>
          </QueryClientProvider>
        </AntdApp>
      </ConfigProvider>
    </StyleProvider>,
  );
  return { ...result, client };
}

export interface MockCall {
  method: string;
  url: string;
  body: unknown;
}

type Handler = (call: MockCall) => { status?: number; body?: unknown } | unknown;

/** Replaces global fetch; handlers keyed by "GET /api/x" (query string ignored unless included in the key). */
export function mockFetch(handlers: Record<string, Handler>) {
  const calls: MockCall[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url =
      typeof input === 'string' ? input : input instanceof URL ? input.pathname + input.search : input.url;
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body;
    const call = { method, url, body };
    calls.push(call);
    const handler = handlers[`${method} ${url}`] ?? handlers[`${method} ${url.split('?')[0]}`];
    if (!handler)
      return new Response(JSON.stringify({ statusCode: 404, message: 'Không tìm thấy' }), { status: 404 });
    const out = handler(call);
    // A reply with its own status is written { status: 409, body: {...} }.
    const isWrapped =
      typeof out === 'object' &&
      out !== null &&
      typeof (out as { status?: unknown }).status === 'number' &&
      'body' in out;
    const status = isWrapped ? ((out as { status?: number }).status ?? 200) : 200;
    const payload = isWrapped ? (out as { body?: unknown }).body : out;
    return new Response(payload === undefined ? '' : JSON.stringify(payload), { status });
  });
  vi.stubGlobal('fetch', fn);
  return { calls, fn };
}

/** GET /api/unit-kinds as the server answers it after the migration (labels are data there). */
export const UNIT_KINDS = [
  { code: 'so', label: 'Sở GD&ĐT', units: 2 },
  { code: 'phong', label: 'Phòng GD&ĐT', units: 4 },
  { code: 'truong_th', label: 'Trường tiểu học', units: 12 },
  { code: 'truong_thcs', label: 'Trường THCS', units: 9 },
];
