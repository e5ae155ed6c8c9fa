import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderAt } from '../../test/render';
import { RolesPage, roleCodeFrom } from './RolesPage';
import { pageOf } from '../../../../test-utils/page';

afterEach(() => vi.unstubAllGlobals());

const builtIn = (code: string, label: string) => ({ code, label, description: null, builtIn: true, ownerUnitId: null, ownerUnitName: null, holders: null });

describe('RolesPage', () => {
  it('derives a role code from its Vietnamese label', () => {
    expect(roleCodeFrom('Phó hiệu trưởng')).toBe('pho_hieu_truong');
    expect(roleCodeFrom('  Tổ trưởng chuyên môn (THCS) ')).toBe('to_truong_chuyen_mon_thcs');
  });

  it('lists built-in and province roles, and adds one from its label', async () => {
    const roles = [builtIn('editor', 'Người nhập liệu')];
    const calls = mockFetch(({ method, url, body }) => {
      if (method === 'GET' && url.split('?')[0] === '/api/roles') return { body: pageOf(roles) };
      if (method === 'POST' && url === '/api/roles') {
        const r = { ...(body as object), id: 'r1', builtIn: false, ownerUnitId: 'so', ownerUnitName: 'Sở GD&ĐT Hưng Yên', holders: 0, description: null };
        roles.push(r as never);
        return { status: 201, body: r };
      }
      return undefined;
    });
    renderAt('/', [{ path: '/', element: <RolesPage /> }]);
    expect(await screen.findByText('Người nhập liệu')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('new-role'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Tên vai trò'), { target: { value: 'Phó hiệu trưởng' } });
    await waitFor(() => expect(within(dialog).getByLabelText(/^Mã/)).toHaveValue('pho_hieu_truong'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Thêm' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ label: 'Phó hiệu trưởng', code: 'pho_hieu_truong' }));
    expect(await screen.findByText('Phó hiệu trưởng')).toBeInTheDocument();
    expect(screen.getByText('Chưa ai')).toBeInTheDocument();
  });
});
