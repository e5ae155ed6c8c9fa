import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderAt } from '../../test/render';
import { tokenStore } from '../../../../shared/api/client';
import { UnitKindsCard } from './UnitKindsCard';

afterEach(() => vi.unstubAllGlobals());

describe('UnitKindsCard', () => {
  it('lists unit kinds by their Vietnamese labels and renames one on the server', async () => {
    const kinds = [
      { code: 'truong_thcs', label: 'Trường THCS', units: 9 },
      { code: 'phong', label: 'Phòng GD&ĐT', units: 4 },
    ];
    const calls = mockFetch(({ method, url, body }) => {
      if (method === 'GET' && url === '/api/unit-kinds') return { body: kinds };
      if (method === 'PUT' && url === '/api/unit-kinds/truong_thcs') {
        kinds[0] = { ...kinds[0]!, label: (body as { label: string }).label };
        return { body: kinds[0] };
      }
      return undefined;
    });
    renderAt('/', [{ path: '/', element: <UnitKindsCard /> }]);
    expect(await screen.findByText('Trường THCS')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Đổi tên Trường THCS' }));
    fireEvent.change(screen.getByLabelText('Tên của loại truong_thcs'), { target: { value: 'Trường trung học cơ sở ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ label: 'Trường trung học cơ sở' }));
    expect(await screen.findByText('Trường trung học cơ sở')).toBeInTheDocument();
  });

  it('shows the server’s Vietnamese refusal to a province admin', async () => {
    mockFetch(({ method, url }) => {
      if (method === 'GET' && url === '/api/unit-kinds') return { body: [{ code: 'phong', label: 'Phòng GD&ĐT', units: 4 }] };
      if (method === 'PUT') return { status: 403, body: { statusCode: 403, message: 'Chỉ quản trị viên cấp cao nhất mới được đặt tên loại đơn vị (dùng chung cho mọi tỉnh).' } };
      return undefined;
    });
    renderAt('/', [{ path: '/', element: <UnitKindsCard /> }]);
    fireEvent.click(await screen.findByRole('button', { name: 'Đổi tên Phòng GD&ĐT' }));
    fireEvent.change(screen.getByLabelText('Tên của loại phong'), { target: { value: 'Phòng Giáo dục' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Chỉ quản trị viên cấp cao nhất');
  });

  it('lets a province admin give a kind its own name, shows the national one beside it, and goes back to it', async () => {
    const kinds = [{ code: 'truong_thcs', label: 'Trường THCS', nationalLabel: 'Trường THCS', units: 9, local: null as null | { label: string; unitId: string; unitName: string }, canSet: 'local' as const }];
    const calls = mockFetch(({ method, url, body }) => {
      if (method === 'GET' && url === '/api/unit-kinds') return { body: kinds };
      if (method === 'PUT' && url === '/api/unit-kinds/truong_thcs') {
        const label = (body as { label: string }).label;
        kinds[0] = { ...kinds[0]!, label, local: { label, unitId: 'u-so', unitName: 'Sở GD&ĐT Hưng Yên' } };
        return { body: kinds[0] };
      }
      if (method === 'GET' && url === '/api/me') return { body: { id: 'u1', username: 'hy.admin', fullName: 'Quản trị', unitId: 'u-so', unitName: 'Sở GD&ĐT Hưng Yên', unitKind: 'so', roles: ['admin'], active: true } };
      if (method === 'DELETE' && url === '/api/unit-kinds/truong_thcs/local') {
        kinds[0] = { ...kinds[0]!, label: 'Trường THCS', local: null };
        return { body: kinds[0] };
      }
      return undefined;
    });
    tokenStore.set('token-hy');
    renderAt('/', [{ path: '/', element: <UnitKindsCard /> }]);
    expect(await screen.findByText(/các tỉnh khác vẫn thấy tên chung/)).toBeInTheDocument();
    fireEvent.click(await screen.findByRole('button', { name: 'Đổi tên Trường THCS' }));
    fireEvent.change(screen.getByLabelText('Tên của loại truong_thcs'), { target: { value: 'Trường trung học cơ sở' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByTestId('kind-local-truong_thcs')).toHaveTextContent('tên riêng của Sở GD&ĐT Hưng Yên; tên chung: Trường THCS');
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ label: 'Trường trung học cơ sở' });
    fireEvent.click(await screen.findByRole('button', { name: 'Dùng tên chung cho Trường trung học cơ sở' }));
    await waitFor(() => expect(screen.queryByTestId('kind-local-truong_thcs')).toBeNull());
    expect(calls.some((c) => c.method === 'DELETE')).toBe(true);
    tokenStore.clear();
  });
});
