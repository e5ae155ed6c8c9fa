import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Submission } from '../../../shared/api/types';
import { mockFetch, renderWithProviders, type MockCall } from '../../../test-utils/render';
import { ReviewPage } from './ReviewPage';
import { SAMPLE_CONTENT_HASH, sampleSubmission } from '../../../test-utils/sample-submission';
import { pageOf } from '../../../test-utils/page';
import { sampleTemplateVersion } from '../../../test-utils/sample-template';

// The whole suite runs in parallel: give slow first renders (template + submission) more than the default second.
configure({ asyncUtilTimeout: 5000 });

const template = sampleTemplateVersion({
  schema: {
    type: 'object',
    properties: {
      I: {
        type: 'object',
        title: 'I. Tình hình chung',
        properties: {
          tongSo: { type: 'integer', minimum: 0, title: 'Tổng số CB-GV-NV' },
          soNu: { type: 'integer', minimum: 0, title: 'Số nữ' },
          ghiChu: { type: 'string', title: 'Ghi chú' },
        },
      },
    },
  },
});

function submission(over: Partial<Submission> = {}): Submission {
  return sampleSubmission({
    roundId: 'r2',
    roundName: 'Báo cáo năm 2025',
    state: 'submitted',
    stateLabel: 'Đã gửi',
    locked: true,
    version: 5,
    deadline: '2025-11-10T00:00:00.000Z',
    updatedAt: '2025-11-01T07:32:00.000Z',
    data: { I: { tongSo: 50, soNu: 30, ghiChu: 'Đã bổ sung' } },
    allowedEvents: [
      { type: 'ACCEPT', kind: 'accept', label: 'Tiếp nhận', requiresComment: false },
      { type: 'RETURN', kind: 'return', label: 'Trả lại', requiresComment: true },
    ],
    fieldComments: [{ path: '/I/ghiChu', text: 'Ghi rõ nguồn số liệu', by: 'r', byName: 'Lê Văn Duyệt', at: '2025-10-20T02:00:00Z' }],
    ...over,
  });
}

function setup(extra: Record<string, (c: MockCall) => unknown> = {}) {
  const mock = mockFetch({
    'GET /api/submissions/s1': () => submission(),
    'GET /api/templates/bdg-truong/versions/1': () => template,
    'GET /api/submissions/s1/previous': () => ({ roundName: 'Báo cáo năm 2024', data: { I: { tongSo: 40, soNu: 10 } } }),
    'GET /api/submissions/s1/returned': () => ({ data: { I: { tongSo: 45, soNu: 30, ghiChu: '' } }, at: '2025-10-20T02:00:00.000Z' }),
    'GET /api/submissions/s1/history': () => pageOf([]),
    'POST /api/submissions/s1/events': (c) => submission({ state: (c.body as { type: string }).type === 'ACCEPT' ? 'accepted' : 'returned', allowedEvents: [] }),
    ...extra,
  });
  renderWithProviders(<ReviewPage />, { route: '/submissions/s1/review', path: '/submissions/:id/review' });
  return mock;
}

const eventsBody = (calls: MockCall[]) => calls.find((c) => c.method === 'POST' && c.url === '/api/submissions/s1/events')?.body;

describe('ReviewPage', () => {
  beforeEach(() => localStorage.setItem('bdg.token', 't'));
  afterEach(() => vi.unstubAllGlobals());

  it('compares each figure with the previous round: % change, and a flag on a large change', async () => {
    setup();
    const total = await screen.findByTestId('review-extras-/I/tongSo');
    await waitFor(() => expect(total).toHaveTextContent('Báo cáo năm 2024: 40 (+25 %)'));
    expect(total).not.toHaveTextContent('Thay đổi lớn');
    const women = screen.getByTestId('review-extras-/I/soNu');
    expect(women).toHaveTextContent('Báo cáo năm 2024: 10 (+200 %)');
    expect(within(women).getByText('⚠ Thay đổi lớn')).toBeInTheDocument();
    // Earlier field comments are shown beside their field.
    expect(screen.getByTestId('review-extras-/I/ghiChu')).toHaveTextContent('Ý kiến trước: Ghi rõ nguồn số liệu');
  });

  it('shows what changed since it was returned, field by field with the field titles', async () => {
    const mock = setup();
    await userEvent.click(await screen.findByRole('tab', { name: /Thay đổi từ lần trả lại \(2\)/ }));
    const table = await screen.findByTestId('changes-since-return');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Tổng số CB-GV-NV (I. Tình hình chung)');
    expect(rows[0]).toHaveTextContent('45');
    expect(rows[0]).toHaveTextContent('50');
    expect(rows[1]).toHaveTextContent('Ghi chú (I. Tình hình chung)');
    expect(rows[1]).toHaveTextContent('Đã bổ sung');
    expect(screen.getByTestId('returned-at')).toHaveTextContent(/Lần trả lại gần nhất: \d\d:\d\d 20\/10\/2025/);
    expect(mock.calls.some((c) => c.url === '/api/submissions/s1/returned')).toBe(true);
    // The changed field is also marked in the form.
    expect(screen.getByTestId('review-extras-/I/tongSo')).toHaveTextContent('Đã sửa sau khi trả lại (trước: 45)');
  });

  it('a report never returned has nothing to compare with (the 404 is not an error)', async () => {
    setup({
      'GET /api/submissions/s1/returned': () => ({ status: 404, body: { statusCode: 404, error: 'Not Found', message: 'Báo cáo chưa từng bị trả lại.' } }),
    });
    await userEvent.click(await screen.findByRole('tab', { name: 'Thay đổi từ lần trả lại' }));
    expect(await screen.findByText('Báo cáo chưa từng bị trả lại, không có bản trước để so sánh.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('sends the field comments with RETURN, together with the required comment', async () => {
    const mock = setup();
    await userEvent.click(await screen.findByRole('button', { name: 'Nhận xét trường Số nữ (I. Tình hình chung)' }));
    await userEvent.click(screen.getByLabelText('Ý kiến về “Số nữ (I. Tình hình chung)”'));
    await userEvent.paste('Số nữ tăng bất thường, kiểm tra lại');
    await userEvent.click(screen.getByRole('button', { name: 'Lưu ý kiến' }));
    expect(await screen.findByText('1 ý kiến theo trường sẽ được gửi kèm khi trả lại')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Trả lại' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByLabelText('Ý kiến (bắt buộc)'));
    await userEvent.paste('Đề nghị rà soát mục I');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Trả lại' }));
    await waitFor(() =>
      expect(eventsBody(mock.calls)).toEqual({
        type: 'RETURN',
        contentHash: SAMPLE_CONTENT_HASH,
        comment: 'Đề nghị rà soát mục I',
        fieldComments: [{ path: '/I/soNu', text: 'Số nữ tăng bất thường, kiểm tra lại' }],
      }),
    );
    expect(await screen.findByTestId('other-route')).toBeInTheDocument();
  });

  it('accepts without a comment and goes back to the work list', async () => {
    const mock = setup();
    await userEvent.click(await screen.findByRole('button', { name: 'Tiếp nhận' }));
    await waitFor(() => expect(eventsBody(mock.calls)).toEqual({ type: 'ACCEPT', contentHash: SAMPLE_CONTENT_HASH }));
    expect(await screen.findByTestId('other-route')).toBeInTheDocument();
  });
});
