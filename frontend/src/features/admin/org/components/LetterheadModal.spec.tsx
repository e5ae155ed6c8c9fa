import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OrgUnit } from '../../api/types';
import { mockFetch, renderAt } from '../../test/render';
import { LetterheadModal } from './LetterheadModal';

afterEach(() => vi.unstubAllGlobals());

const unit: OrgUnit = {
  id: 'u-so',
  code: 'SO-HY',
  name: 'Sở Giáo dục và Đào tạo Hưng Yên',
  kind: 'so',
  parentId: 'root',
  path: 'a.b',
  level: 2,
  mergedIntoId: null,
  placeName: 'Hưng Yên',
  governingBody: 'UBND TỈNH HƯNG YÊN',
  shortName: 'SGDĐT',
  headTitle: 'GIÁM ĐỐC',
  signAuthority: null,
};

describe('LetterheadModal', () => {
  it('shows the unit’s letterhead fields and saves them with PATCH (an empty field clears it); a 422 is shown', async () => {
    let status = 200;
    const calls = mockFetch((c) => (c.method === 'PATCH' ? { status, body: status === 200 ? { ...unit } : { statusCode: 422, message: 'Dữ liệu không hợp lệ: Thẩm quyền ký.' } } : undefined));
    const done = vi.fn();
    renderAt('/', [{ path: '/', element: <LetterheadModal unit={unit} onDone={done} onCancel={() => {}} /> }]);
    expect(screen.getByTestId('lh-governingBody')).toHaveValue('UBND TỈNH HƯNG YÊN');
    fireEvent.change(screen.getByTestId('lh-governingBody'), { target: { value: 'UBND TỈNH HƯNG YÊN (MỚI)' } });
    fireEvent.change(screen.getByTestId('lh-shortName'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('lh-signAuthority'), { target: { value: 'sai' } });
    status = 422;
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Dữ liệu không hợp lệ: Thẩm quyền ký.')).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('lh-signAuthority'), { target: { value: 'TL. GIÁM ĐỐC' } });
    status = 200;
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(done).toHaveBeenCalledWith('Đã lưu tiêu đề văn bản của đơn vị.'));
    expect(calls.at(-1)).toMatchObject({
      method: 'PATCH',
      url: '/api/org-units/u-so',
      body: { governingBody: 'UBND TỈNH HƯNG YÊN (MỚI)', shortName: '', placeName: 'Hưng Yên', headTitle: 'GIÁM ĐỐC', signAuthority: 'TL. GIÁM ĐỐC' },
    });
  });
});
