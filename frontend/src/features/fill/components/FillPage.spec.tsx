import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Submission } from '../../../shared/api/types';
import { draftStore } from '../../../shared/utils/draft-store';
import { mockFetch, renderWithProviders, type MockCall } from '../../../test-utils/render';
import { FillPage } from './FillPage';
import { SAMPLE_CONTENT_HASH, sampleSubmission } from '../../../test-utils/sample-submission';
import { pageOf } from '../../../test-utils/page';
import { sampleTemplateVersion } from '../../../test-utils/sample-template';

const template = sampleTemplateVersion({
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: {
      I: {
        type: 'object',
        title: 'I. Tình hình chung',
        required: ['tongSo', 'soNu'],
        properties: {
          tongSo: { type: 'integer', minimum: 0, title: 'Tổng số CB-GV-NV' },
          soNu: { type: 'integer', minimum: 0, title: 'Số nữ' },
          tyLeNu: { type: ['number', 'null'], title: 'Tỷ lệ nữ (%)', 'x-computed': 'soNu / tongSo * 100' },
        },
      },
      II: {
        type: 'object',
        title: 'II. Kết quả thực hiện',
        properties: {
          hoatDong: {
            type: 'array',
            title: 'Các hoạt động',
            items: {
              type: 'object',
              properties: { ten: { type: 'string', title: 'Tên hoạt động' }, soNguoi: { type: 'integer', title: 'Số người tham gia' } },
            },
          },
          nhanXet: { type: 'string', title: 'Nhận xét chung' },
        },
      },
    },
  },
  uiSchema: { II: { nhanXet: { 'ui:widget': 'textarea' } } },
});

function submission(over: Partial<Submission> = {}): Submission {
  return sampleSubmission({
    deadline: '2025-06-10T00:00:00.000Z',
    data: { I: { tongSo: 40, soNu: 10 }, II: { hoatDong: [{ ten: 'Tập huấn', soNguoi: 20 }] } },
    allowedEvents: [{ type: 'SUBMIT', kind: 'submit', label: 'Gửi ký duyệt', requiresComment: false }],
    ...over,
  });
}

function setup(sub: Submission, extra: Record<string, (c: MockCall) => unknown> = {}) {
  const mock = mockFetch({
    'GET /api/submissions/s1': () => sub,
    'GET /api/templates/bdg-truong/versions/1': () => template,
    'GET /api/submissions/s1/history': () =>
      pageOf([
        { seq: 1, event: 'OPEN', eventLabel: 'Mở đợt', from: null, fromLabel: null, to: 'draft', toLabel: 'Đang soạn', actorId: 'a', actorName: 'Nguyễn Văn A', comment: null, at: '2025-05-01T02:00:00Z' },
      ]),
    'GET /api/submissions/s1/attachments': () => [],
    'PUT /api/submissions/s1/data': (c) => ({ version: 4, data: (c.body as { data: unknown }).data, updatedAt: '2025-06-02T07:32:00.000Z' }),
    ...extra,
  });
  renderWithProviders(<FillPage />, { route: '/submissions/s1', path: '/submissions/:id' });
  return mock;
}

const puts = (calls: MockCall[]) => calls.filter((c) => c.method === 'PUT');

describe('FillPage', () => {
  beforeEach(() => localStorage.setItem('bdg.token', 't'));
  afterEach(() => vi.unstubAllGlobals());

  it('renders an editable draft: labelled inputs, sections, table rows, computed field live, save on demand', async () => {
    const mock = setup(submission());
    const total = await screen.findByLabelText('Tổng số CB-GV-NV');
    expect(total).toHaveValue('40');
    expect(screen.getByRole('navigation', { name: 'Mục lục biểu mẫu' })).toHaveTextContent('I. Tình hình chung');
    expect(screen.getByRole('columnheader', { name: 'Tên hoạt động' })).toBeInTheDocument();
    expect(screen.getByLabelText('Tên hoạt động')).toHaveValue('Tập huấn');
    expect(screen.getByTestId('computed-/I/tyLeNu')).toHaveTextContent('25');
    // How the value is obtained, in titles (@bdg/schemas), tied to the value for screen readers.
    expect(screen.getByTestId('derivation-/I/tyLeNu')).toHaveTextContent('Tự tính: Số nữ / Tổng số CB-GV-NV × 100');
    expect(screen.getByTestId('computed-/I/tyLeNu')).toHaveAccessibleDescription('Tự tính: Số nữ / Tổng số CB-GV-NV × 100');

    await userEvent.clear(total);
    await userEvent.type(total, '50');
    await userEvent.tab();
    await waitFor(() => expect(screen.getByTestId('computed-/I/tyLeNu')).toHaveTextContent('20'));

    await userEvent.click(screen.getByRole('button', { name: 'Lưu ngay' }));
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent(/Đã lưu lúc \d\d:\d\d/));
    // On a slow machine an autosave may fire between clearing and typing: the last save is what counts.
    const put = puts(mock.calls).at(-1)!;
    expect(put.url).toBe('/api/submissions/s1/data');
    expect(put.body).toMatchObject({ data: { I: { tongSo: 50, soNu: 10 } } });
    await userEvent.click(screen.getByRole('tab', { name: 'Lịch sử xử lý' }));
    expect(await screen.findByText('Mở đợt')).toBeInTheDocument();
    expect(screen.getByTestId('history')).toHaveTextContent('Nguyễn Văn A');
  });

  it('shows validation errors in Vietnamese beside the field and in a summary that jumps to it', async () => {
    setup(submission());
    const women = await screen.findByLabelText('Số nữ');
    await userEvent.clear(women);
    await userEvent.type(women, '-5');
    await userEvent.tab();
    const summary = await screen.findByTestId('error-summary');
    expect(summary).toHaveTextContent('Số nữ');
    expect(summary).toHaveTextContent('phải lớn hơn hoặc bằng 0');
    expect(women).toHaveAttribute('aria-invalid', 'true');
    await userEvent.click(within(summary).getByRole('button', { name: /Số nữ/ }));
    await waitFor(() => expect(women).toHaveFocus());
  });

  it('refuses to SUBMIT an incomplete form and names the missing fields', async () => {
    const mock = setup(submission({ data: { I: { tongSo: 40 } } }));
    await userEvent.click(await screen.findByRole('button', { name: 'Gửi ký duyệt' }));
    const summary = await screen.findByTestId('error-summary');
    expect(summary).toHaveTextContent('Số nữ');
    expect(summary).toHaveTextContent('chưa được nhập (bắt buộc)');
    expect(mock.calls.some((c) => c.url.endsWith('/events'))).toBe(false);
  });

  it('is read-only for a user the server does not let write (a head before signing), without claiming it is locked', async () => {
    setup(submission({ editable: false, state: 'pending_signature', stateLabel: 'Chờ ký' }));
    const total = await screen.findByLabelText('Tổng số CB-GV-NV');
    expect(total).toHaveAttribute('readonly');
    expect(screen.getByTestId('readonly-notice')).toHaveTextContent('chỉ đọc');
    expect(screen.queryByTestId('locked-notice')).not.toBeInTheDocument();
  });

  it('is read-only once locked, and confirms before signing', async () => {
    const mock = setup(
      submission({
        locked: true,
        state: 'pending_signature',
        stateLabel: 'Chờ ký',
        allowedEvents: [
          { type: 'SIGN', kind: 'sign', label: 'Ký', requiresComment: false },
          { type: 'REJECT', kind: 'reject', label: 'Trả lại để sửa', requiresComment: true },
        ],
      }),
      { 'POST /api/submissions/s1/events': () => submission({ locked: true, state: 'submitted', stateLabel: 'Đã gửi', allowedEvents: [] }) },
    );
    const total = await screen.findByLabelText('Tổng số CB-GV-NV');
    expect(total).toHaveAttribute('readonly');
    expect(screen.getByTestId('locked-notice')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Lưu ngay' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Thêm dòng/ })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Ký' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Sau khi ký, nội dung sẽ bị khóa');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ký' }));
    await waitFor(() => expect(mock.calls.find((c) => c.url === '/api/submissions/s1/events')?.body).toEqual({ type: 'SIGN', contentHash: SAMPLE_CONTENT_HASH }));
    expect(puts(mock.calls)).toHaveLength(0);
    await waitFor(() => expect(screen.getByText('Đã gửi')).toBeInTheDocument());
  });

  it('asks for a comment where one is required and sends it with the event', async () => {
    const mock = setup(
      submission({ locked: true, allowedEvents: [{ type: 'REJECT', kind: 'reject', label: 'Trả lại để sửa', requiresComment: true }] }),
      { 'POST /api/submissions/s1/events': () => submission({ state: 'draft', allowedEvents: [] }) },
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Trả lại để sửa' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Trả lại để sửa' }));
    expect(await within(dialog).findByText('Vui lòng nhập ý kiến.')).toBeInTheDocument();
    expect(mock.calls.some((c) => c.url.endsWith('/events'))).toBe(false);
    await userEvent.type(within(dialog).getByLabelText('Ý kiến (bắt buộc)'), 'Số liệu mục I chưa khớp');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Trả lại để sửa' }));
    await waitFor(() =>
      expect(mock.calls.find((c) => c.url.endsWith('/events'))?.body).toEqual({ type: 'REJECT', comment: 'Số liệu mục I chưa khớp', contentHash: SAMPLE_CONTENT_HASH }),
    );
  });

  it('shows the server refusal of an event in Vietnamese beside the buttons', async () => {
    setup(submission(), {
      'POST /api/submissions/s1/events': () => ({
        status: 409,
        body: { statusCode: 409, error: 'Conflict', message: 'Không thể thực hiện "Gửi ký duyệt" ở trạng thái hiện tại' },
      }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Gửi ký duyệt' }));
    expect(await screen.findByTestId('event-error')).toHaveTextContent('Không thể thực hiện "Gửi ký duyệt" ở trạng thái hiện tại');
  });

  it('on 409 shows what changed and keeps mine by saving over the new version', async () => {
    let putCount = 0;
    let server = submission();
    const mock = setup(server, {
      'GET /api/submissions/s1': () => server,
      'PUT /api/submissions/s1/data': (c) => {
        putCount += 1;
        if (putCount === 1) {
          server = submission({ version: 7, data: { I: { tongSo: 45, soNu: 10 } }, updatedAt: '2025-06-02T08:00:00.000Z' });
          return { status: 409, body: { statusCode: 409, error: 'Conflict', message: 'Dữ liệu đã bị người khác thay đổi', details: { currentVersion: 7 } } };
        }
        return { version: 8, data: (c.body as { data: unknown }).data, updatedAt: '2025-06-02T08:01:00.000Z' };
      },
    });
    const total = await screen.findByLabelText('Tổng số CB-GV-NV');
    await userEvent.clear(total);
    await userEvent.type(total, '50');
    await userEvent.click(screen.getByRole('button', { name: 'Lưu ngay' }));
    const diff = await screen.findByTestId('conflict-diff');
    const row = within(diff).getByText(/Tổng số CB-GV-NV/).closest('tr')!;
    expect(row).toHaveTextContent('45');
    expect(row).toHaveTextContent('50');
    await userEvent.click(screen.getByTestId('conflict-keep-mine'));
    await waitFor(() => expect(puts(mock.calls)).toHaveLength(2));
    expect(puts(mock.calls)[1].body).toMatchObject({ version: 7, data: { I: { tongSo: 50 } } });
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent('Đã lưu lúc'));
  });

  it('on 409 can take the server copy instead', async () => {
    let server = submission();
    setup(server, {
      'GET /api/submissions/s1': () => server,
      'PUT /api/submissions/s1/data': () => {
        server = submission({ version: 7, data: { I: { tongSo: 45, soNu: 10 } } });
        return { status: 409, body: { statusCode: 409, error: 'Conflict', message: 'Dữ liệu đã bị người khác thay đổi' } };
      },
    });
    const total = await screen.findByLabelText('Tổng số CB-GV-NV');
    await userEvent.clear(total);
    await userEvent.type(total, '50');
    await userEvent.click(screen.getByRole('button', { name: 'Lưu ngay' }));
    await userEvent.click(await screen.findByTestId('conflict-take-server'));
    await waitFor(() => expect(screen.getByLabelText('Tổng số CB-GV-NV')).toHaveValue('45'));
  });

  it('restores unsaved input kept after an expired session and saves it', async () => {
    draftStore.set({ submissionId: 's1', baseVersion: 3, data: { I: { tongSo: 99, soNu: 10 } }, savedAt: Date.now() });
    const mock = setup(submission());
    expect(await screen.findByLabelText('Tổng số CB-GV-NV')).toHaveValue('99');
    expect(screen.getByText(/Đã khôi phục dữ liệu bạn nhập/)).toBeInTheDocument();
    await waitFor(() => expect(puts(mock.calls)[0]?.body).toMatchObject({ version: 3, data: { I: { tongSo: 99 } } }));
    await waitFor(() => expect(draftStore.get('s1')).toBeNull());
  });

  it('keeps input and says so when the connection is lost', async () => {
    setup(submission(), {
      'PUT /api/submissions/s1/data': () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const total = await screen.findByLabelText('Tổng số CB-GV-NV');
    await userEvent.clear(total);
    await userEvent.type(total, '51');
    await userEvent.click(screen.getByRole('button', { name: 'Lưu ngay' }));
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent('Đang offline'));
    expect(total).toHaveValue('51');
    expect(draftStore.get('s1')?.data).toMatchObject({ I: { tongSo: 51 } });
  });

  it('shows the level above’s comments beside their fields', async () => {
    setup(
      submission({
        state: 'returned',
        stateLabel: 'Bị trả lại',
        fieldComments: [{ path: '/I/soNu', text: 'Số nữ không khớp với danh sách', by: 'u-pgd', byName: 'Phòng GD&ĐT', at: '2025-06-03T02:00:00Z' }],
      }),
    );
    expect(await screen.findByTestId('field-comment-/I/soNu')).toHaveTextContent('Số nữ không khớp với danh sách');
  });
});
