/** Issue 18 on the fill page: typos kept beside the data, offline queue, real conflicts only, confirmations, progress. */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Submission } from '../../../shared/api/types';
import { draftStore } from '../../../shared/utils/draft-store';
import { mockFetch, renderWithProviders, type MockCall } from '../../../test-utils/render';
import { sampleSubmission } from '../../../test-utils/sample-submission';
import { FillPage } from './FillPage';
import { sampleTemplateVersion } from '../../../test-utils/sample-template';

const template = sampleTemplateVersion({
  schema: {
    type: 'object',
    required: ['I', 'III'],
    properties: {
      I: {
        type: 'object',
        title: 'I. Tình hình chung',
        required: ['tongSo', 'soNu'],
        properties: {
          tongSo: { type: 'integer', minimum: 0, title: 'Tổng số CB-GV-NV' },
          soNu: { type: 'integer', minimum: 0, title: 'Số nữ' },
          tyLeNu: { type: ['number', 'null'], title: 'Tỷ lệ nữ', 'x-computed': 'soNu / tongSo * 100', 'x-unit': '%' },
        },
      },
      III: { type: 'object', title: 'III. Kiến nghị', required: ['kienNghi'], properties: { kienNghi: { type: 'string', title: 'Nội dung kiến nghị' } } },
    },
  },
});

const submission = (over: Partial<Submission> = {}) =>
  sampleSubmission({
    data: { I: { tongSo: 40, soNu: 10 } },
    allowedEvents: [{ type: 'SUBMIT', kind: 'submit', label: 'Gửi ký', requiresComment: false, locksData: true }],
    ...over,
  });

function setup(sub: Submission, extra: Record<string, (c: MockCall) => unknown> = {}) {
  const mock = mockFetch({
    'GET /api/submissions/s1': () => sub,
    'GET /api/templates/bdg-truong/versions/1': () => template,
    'GET /api/submissions/s1/history': () => [],
    'GET /api/submissions/s1/attachments': () => [],
    'PUT /api/submissions/s1/data': (c) => {
      const b = c.body as { data: unknown; rawInputs?: Record<string, string> };
      return { version: 4, data: b.data, rawInputs: b.rawInputs ?? {}, updatedAt: '2025-06-02T07:32:00.000Z' };
    },
    ...extra,
  });
  renderWithProviders(<FillPage />, { route: '/submissions/s1', path: '/submissions/:id' });
  return mock;
}
const puts = (calls: MockCall[]) => calls.filter((c) => c.method === 'PUT');
const setOnline = (online: boolean) => {
  vi.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(online);
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
};

describe('FillPage on a phone and a slow line (issue 18)', () => {
  beforeEach(() => localStorage.setItem('bdg.token', 't'));
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    draftStore.clear('s1');
    sessionStorage.clear();
  });

  it('saves the rest of the form with a typo kept beside it, flagged by the field’s title', async () => {
    const mock = setup(submission());
    const total = await screen.findByLabelText('Tổng số CB-GV-NV');
    await userEvent.clear(total);
    await userEvent.type(total, 'bốn mươi');
    await userEvent.click(screen.getByRole('button', { name: 'Lưu ngay' }));
    await waitFor(() => expect(puts(mock.calls).at(-1)?.body).toMatchObject({ rawInputs: { '/I/tongSo': 'bốn mươi' } }));
    const body = puts(mock.calls).at(-1)!.body as { data: { I: Record<string, unknown> } };
    expect(body.data.I).toEqual({ soNu: 10 });
    expect(total).toHaveValue('bốn mươi');
  });

  it('shows a computed percentage the Vietnamese way, with its unit', async () => {
    setup(submission({ data: { I: { tongSo: 45, soNu: 38 } } }));
    expect(await screen.findByTestId('computed-/I/tyLeNu')).toHaveTextContent('84,44 %');
  });

  it('opens a draft with its kept typo in the box, flagged, and listed on top', async () => {
    setup(submission({ data: { I: { soNu: 10 } }, rawInputs: { '/I/tongSo': '4o' } }));
    expect(await screen.findByLabelText('Tổng số CB-GV-NV')).toHaveValue('4o');
    expect(await screen.findByTestId('raw-inputs-notice')).toHaveTextContent('Tổng số CB-GV-NV');
    await waitFor(() => expect(document.querySelector('[data-pointer="/I/tongSo"] .bdg-field-error')).not.toBeNull());
  });

  it('offline: typing goes on, the state says so, nothing is sent until the connection returns', async () => {
    const mock = setup(submission());
    const soNu = await screen.findByLabelText('Số nữ');
    setOnline(false);
    expect(await screen.findByTestId('offline-banner')).toHaveTextContent('Đang offline — sẽ lưu khi có mạng');
    await userEvent.clear(soNu);
    await userEvent.type(soNu, '12');
    await userEvent.click(screen.getByRole('button', { name: 'Lưu ngay' }));
    expect(screen.getByTestId('save-status')).toHaveTextContent('Đang offline');
    expect(puts(mock.calls)).toHaveLength(0);
    await waitFor(async () => expect((await draftStore.getQueued('s1'))?.data).toMatchObject({ I: { soNu: 12 } }));
    setOnline(true);
    await waitFor(() => expect(puts(mock.calls).at(-1)?.body).toMatchObject({ data: { I: { soNu: 12 } } }));
    await waitFor(() => expect(screen.queryByTestId('offline-banner')).toBeNull());
  });

  it('a 409 for a report sent on meanwhile is not a conflict: no dialog, the page says it is locked', async () => {
    let server = submission();
    setup(server, {
      'GET /api/submissions/s1': () => server,
      'PUT /api/submissions/s1/data': () => {
        server = submission({ version: 5, locked: true, editable: false, state: 'pending_signature', stateLabel: 'Chờ ký' });
        return { status: 409, body: { statusCode: 409, error: 'Conflict', message: 'Báo cáo đã khóa' } };
      },
    });
    const soNu = await screen.findByLabelText('Số nữ');
    await userEvent.clear(soNu);
    await userEvent.type(soNu, '11');
    await userEvent.click(screen.getByRole('button', { name: 'Lưu ngay' }));
    expect(await screen.findByTestId('locked-notice')).toBeInTheDocument();
    expect(screen.queryByTestId('conflict-keep-mine')).toBeNull();
  });

  it('asks before a step that locks the data, and shows the required-fields progress by title', async () => {
    const mock = setup(submission());
    expect(await screen.findByTestId('required-progress-label')).toHaveTextContent('Còn 1 trường bắt buộc');
    await userEvent.click(screen.getByText('Xem các trường còn thiếu'));
    expect(await screen.findByTestId('required-missing-list')).toHaveTextContent('Nội dung kiến nghị');
    await userEvent.type(screen.getByLabelText('Nội dung kiến nghị'), 'Tăng tập huấn');
    await waitFor(() => expect(screen.getByTestId('required-progress-label')).toHaveTextContent('Đã nhập đủ các trường bắt buộc'));
    await userEvent.click(screen.getByRole('button', { name: 'Gửi ký' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('dữ liệu sẽ bị khóa');
    await userEvent.click(screen.getByRole('button', { name: 'Hủy' }));
    expect(mock.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});
