import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockFetch, renderWithProviders } from '../../../test-utils/render';
import { SignInPage } from './SignInPage';
import { OwnPasswordPage } from '../../account/components/OwnPasswordPage';

const ANSWER = 'Đã ghi nhận yêu cầu. Nếu tên đăng nhập đúng, quản trị viên của đơn vị sẽ đặt lại mật khẩu cho bạn.';

describe('Quên mật khẩu (issue 18)', () => {
  it('sends the username and shows the server’s answer, whatever the name', async () => {
    const mock = mockFetch({ 'POST /api/auth/forgot-password': () => ({ status: 202, body: { message: ANSWER } }) });
    renderWithProviders(<SignInPage />, { route: '/login', path: '/login' });
    await userEvent.click(screen.getByRole('button', { name: 'Quên mật khẩu?' }));
    await userEvent.type(within(await screen.findByRole('dialog')).getByLabelText('Tên đăng nhập'), 'kc.th-tan-dan.editor');
    await userEvent.click(screen.getByRole('button', { name: 'Gửi yêu cầu' }));
    expect(await screen.findByTestId('forgot-answer')).toHaveTextContent(ANSWER);
    expect(mock.calls.find((c) => c.method === 'POST')?.body).toEqual({ username: 'kc.th-tan-dan.editor' });
  });

  it('"Đổi mật khẩu" checks that both new passwords match before sending', async () => {
    const mock = mockFetch({ 'GET /api/me': () => ({ id: 'u', username: 'a', fullName: 'A', unitId: 'x', unitName: 'X', unitKind: 'truong_th', roles: ['editor'], active: true, mustChangePassword: true }) });
    localStorage.setItem('bdg.token', 't');
    renderWithProviders(<OwnPasswordPage />, { route: '/tai-khoan/mat-khau', path: '/tai-khoan/mat-khau' });
    expect(await screen.findByText(/mật khẩu tạm thời/)).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Mật khẩu hiện tại'), 'TamThoi@2027x');
    await userEvent.type(screen.getByLabelText('Mật khẩu mới'), 'MoiCuaToi@2027');
    await userEvent.type(screen.getByLabelText('Nhập lại mật khẩu mới'), 'KhacHan@2027');
    await userEvent.click(screen.getByRole('button', { name: 'Đổi mật khẩu' }));
    expect(await screen.findByText('Hai lần nhập mật khẩu mới không khớp')).toBeInTheDocument();
    await waitFor(() => expect(mock.calls.filter((c) => c.method === 'POST')).toHaveLength(0));
  });
});
