import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FieldChangesTable } from './FieldChangesTable';

const long = 'Tổ chức tuyên truyền Luật Bình đẳng giới '.repeat(12) + 'https://example.invalid/mot-duong-dan-rat-dai-khong-co-khoang-trang-0123456789';

describe('FieldChangesTable', () => {
  it('names fields by title, formats numbers the Vietnamese way with their unit, and wraps long values', async () => {
    const onJump = vi.fn();
    render(
      <FieldChangesTable
        changes={[
          { path: '/I/tyLeNu', title: 'Tỷ lệ nữ (Mục I)', before: 45.66, after: 1234.5 },
          { path: '/I/tongSo', title: 'Tổng số (Mục I)', before: 1200, after: null },
          { path: '/II/ghiChu', title: 'Ghi chú (Mục II)', before: '', after: long },
          { path: '/II/dat', title: 'Đạt chuẩn (Mục II)', before: false, after: true },
        ]}
        beforeLabel="Khi trả lại"
        afterLabel="Hiện nay"
        unitOf={(p) => (p === '/I/tyLeNu' ? '%' : p === '/I/tongSo' ? 'người' : undefined)}
        onJump={onJump}
        emptyText="Không có"
        testId="diff"
      />,
    );
    const table = screen.getByTestId('diff');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
      ['Tỷ lệ nữ (Mục I)', '45,66 %', '1.234,5 %'],
      ['Tổng số (Mục I)', '1.200 người', '(trống)'],
      ['Ghi chú (Mục II)', '(trống)', long],
      ['Đạt chuẩn (Mục II)', 'Không', 'Có'],
    ]);
    // fixed layout and wrapping cells: a long value breaks into lines instead of widening the page
    expect(table).toHaveClass('ant-table-layout-fixed');
    expect(table.closest('.bdg-diff')).not.toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Tỷ lệ nữ (Mục I)' }));
    expect(onJump).toHaveBeenCalledWith('/I/tyLeNu');
  });
});
