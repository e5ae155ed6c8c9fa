import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderAt } from '../../test/render';
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
});
