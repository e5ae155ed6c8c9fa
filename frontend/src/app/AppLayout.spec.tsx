import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tokenStore } from '../shared/api/client';
import { mockFetch, renderWithProviders, UNIT_KINDS } from '../test-utils/render';
import { AppLayout } from './AppLayout';
import { pageOf } from '../test-utils/page';

vi.setConfig({ testTimeout: 20000 });
afterEach(() => {
  vi.unstubAllGlobals();
  tokenStore.clear();
});

const me = {
  id: 'u1',
  username: 'kc.reviewer',
  fullName: 'Chuyên viên Khoái Châu',
  email: null,
  unitId: 'o1',
  unitCode: 'PGD-KC',
  unitName: 'Phòng GD&ĐT Khoái Châu',
  unitKind: 'phong',
  roles: ['reviewer'],
  active: true,
};

describe('AppLayout', () => {
  it('"Đăng xuất" revokes the token on the server (POST /api/auth/logout) before forgetting it here', async () => {
    tokenStore.set('token-cu');
    const { calls } = mockFetch({ 'GET /api/me': () => me, 'GET /api/unit-kinds': () => UNIT_KINDS, 'GET /api/notifications': () => ({ ...pageOf([]), unread: 0 }), 'POST /api/auth/logout': () => undefined });
    const headers: (string | null)[] = [];
    const fetchFn = globalThis.fetch;
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
      headers.push(new Headers(init?.headers).get('Authorization'));
      return fetchFn(input, init);
    });
    renderWithProviders(<AppLayout />, { route: '/', path: '/' });
    fireEvent.click(await screen.findByRole('button', { name: /Đăng xuất/ }));
    await screen.findByTestId('other-route');
    const logout = calls.findIndex((c) => c.method === 'POST' && c.url === '/api/auth/logout');
    expect(logout).toBeGreaterThanOrEqual(0);
    expect(headers[logout]).toBe('Bearer token-cu');
    await waitFor(() => expect(tokenStore.get()).toBeNull());
  });

  it('still signs out locally when the server cannot be reached', async () => {
    tokenStore.set('token-cu');
    mockFetch({ 'GET /api/me': () => me, 'GET /api/unit-kinds': () => UNIT_KINDS, 'GET /api/notifications': () => ({ ...pageOf([]), unread: 0 }), 'POST /api/auth/logout': () => ({ status: 503, body: { message: 'bận' } }) });
    renderWithProviders(<AppLayout />, { route: '/', path: '/' });
    fireEvent.click(await screen.findByRole('button', { name: /Đăng xuất/ }));
    await screen.findByTestId('other-route');
    expect(tokenStore.get()).toBeNull();
  });

  it('names the user’s unit kind by the label the server holds (unit kinds are data), not its code', async () => {
    tokenStore.set('token-cu');
    mockFetch({ 'GET /api/me': () => me, 'GET /api/unit-kinds': () => UNIT_KINDS.map((k) => (k.code === 'phong' ? { ...k, label: 'Phòng Giáo dục' } : k)), 'GET /api/notifications': () => ({ ...pageOf([]), unread: 0 }) });
    renderWithProviders(<AppLayout />, { route: '/', path: '/' });
    expect(await screen.findByText('Phòng GD&ĐT Khoái Châu · Phòng Giáo dục')).toBeInTheDocument();
    expect(screen.queryByText(/· phong$/)).not.toBeInTheDocument();
  });
});
