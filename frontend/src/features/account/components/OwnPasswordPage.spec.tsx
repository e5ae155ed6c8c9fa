import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { tokenStore } from '../../../shared/api/client';
import { mockFetch, renderWithProviders } from '../../../test-utils/render';
import { OwnPasswordPage } from './OwnPasswordPage';

afterEach(() => {
  vi.unstubAllGlobals();
  tokenStore.clear();
});

async function fill(current: string, next: string, again: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Mật khẩu hiện tại'), current);
  await user.type(screen.getByLabelText('Mật khẩu mới'), next);
  await user.type(screen.getByLabelText('Nhập lại mật khẩu mới'), again);
  await user.click(screen.getByRole('button', { name: 'Đổi mật khẩu' }));
}

describe(OwnPasswordPage.name, () => {
  it('sends the current and new password once, keeps this session with the returned token and says the others were signed out', async () => {
    tokenStore.set('cu');
    const { calls } = mockFetch({ 'POST /api/me/password': () => ({ accessToken: 'moi' }) });
    renderWithProviders(<OwnPasswordPage />);
    await fill('Demo@2026!', 'Mat-khau-moi@2027', 'Mat-khau-moi@2027');
    expect(await screen.findByRole('status')).toHaveTextContent('Đã đổi mật khẩu. Các phiên đăng nhập khác đã bị đăng xuất.');
    expect(calls.filter((c) => c.url === '/api/me/password').map((c) => c.body)).toEqual([{ currentPassword: 'Demo@2026!', newPassword: 'Mat-khau-moi@2027' }]);
    expect(tokenStore.get()).toBe('moi');
  });

  it('refuses a short or mistyped new password before sending anything', async () => {
    const { calls } = mockFetch({});
    renderWithProviders(<OwnPasswordPage />);
    await fill('Demo@2026!', 'ngan', 'khac');
    expect(await screen.findByText('Mật khẩu mới cần ít nhất 10 ký tự')).toBeInTheDocument();
    expect(await screen.findByText('Hai lần nhập mật khẩu mới không khớp')).toBeInTheDocument();
    expect(calls).toEqual([]);
  });

  it("shows the server's 422 beside the field it names", async () => {
    mockFetch({
      'POST /api/me/password': () => ({
        status: 422,
        body: { statusCode: 422, message: 'Mật khẩu hiện tại không đúng.', details: [{ path: 'currentPassword', title: 'Mật khẩu hiện tại', message: 'Mật khẩu hiện tại không đúng.' }] },
      }),
    });
    renderWithProviders(<OwnPasswordPage />);
    await fill('sai-mat-khau', 'Mat-khau-moi@2027', 'Mat-khau-moi@2027');
    await waitFor(() => expect(screen.getByText('Mật khẩu hiện tại không đúng.')).toBeInTheDocument());
  });
});
