/**
 * The fill page's check (AJV, formats, RE2: validation-engines.ts) is not part of the page: the form and the
 * progress bar (from the server's list) show first; the check arrives with the clerk's first change or an event.
 * Each test starts with the check not loaded (fresh modules) and holds its download until it says so.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Submission } from '../../../shared/api/types';
import { mockFetch, renderWithProviders, type MockCall } from '../../../test-utils/render';
import { sampleSubmission } from '../../../test-utils/sample-submission';
import { pageOf } from '../../../test-utils/page';
import { sampleTemplateVersion } from '../../../test-utils/sample-template';
import { heldDownload } from '../../../test-utils/held-download';

/** The check's download, held until a test releases it (a fresh module registry and mock per test). */
let download = heldDownload();
function holdTheCheck() {
  download = heldDownload();
  vi.doMock('../../../shared/schema-form/validation-engines', download.factory);
}

const template = sampleTemplateVersion({
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    required: ['I'],
    properties: {
      I: {
        type: 'object',
        title: 'I. Tình hình chung',
        required: ['tongSo', 'soNu'],
        properties: {
          tongSo: { type: 'integer', minimum: 0, title: 'Tổng số CB-GV-NV' },
          soNu: { type: 'integer', minimum: 0, title: 'Số nữ' },
        },
      },
    },
  },
});

/** What the server's complete check finds missing in `{I: {tongSo: 40}}`. */
const SERVER_MISSING = [{ path: '/I/soNu', title: 'Số nữ (I. Tình hình chung)', message: 'Trường "Số nữ" chưa được nhập (bắt buộc).' }];

function submission(over: Partial<Submission> = {}): Submission {
  return sampleSubmission({
    data: { I: { tongSo: 40 } },
    missingRequired: SERVER_MISSING,
    allowedEvents: [{ type: 'SUBMIT', kind: 'submit', label: 'Gửi ký duyệt', requiresComment: false }],
    ...over,
  });
}

async function setup(sub: Submission) {
  const mock = mockFetch({
    'GET /api/submissions/s1': () => sub,
    'GET /api/templates/bdg-truong/versions/1': () => template,
    'GET /api/submissions/s1/history': () => pageOf([]),
    'GET /api/submissions/s1/attachments': () => [],
    'PUT /api/submissions/s1/data': (c) => ({ version: 4, data: (c.body as { data: unknown }).data, updatedAt: '2025-06-02T07:32:00.000Z' }),
  });
  const { FillPage } = await import('./FillPage');
  renderWithProviders(<FillPage />, { route: '/submissions/s1', path: '/submissions/:id' });
  return mock;
}

const events = (calls: MockCall[]) => calls.filter((c) => c.url.endsWith('/events'));

describe('FillPage, its check loaded on demand', () => {
  beforeEach(() => {
    localStorage.setItem('bdg.token', 't');
    vi.resetModules();
    holdTheCheck();
  });
  afterEach(() => {
    download.release();
    vi.unstubAllGlobals();
    sessionStorage.clear();
  });

  it('shows the form and the server’s count at once, “Đang tải kiểm tra…” once the clerk types, the live count when the check is in', async () => {
    await setup(submission());
    expect(await screen.findByLabelText('Tổng số CB-GV-NV')).toHaveValue('40');
    expect(screen.getByTestId('required-progress-label')).toHaveTextContent('Còn 1 trường bắt buộc');
    expect(download.started).toBe(false);

    await userEvent.type(screen.getByLabelText('Số nữ'), '10');
    // the stored data's list no longer applies, and the page never claims a count it has not checked
    await waitFor(() => expect(screen.getByTestId('required-progress-label')).toHaveTextContent('Đang tải kiểm tra…'));
    expect(download.started).toBe(true);
    act(() => download.release());
    await waitFor(() => expect(screen.getByTestId('required-progress-label')).toHaveTextContent('Đã nhập đủ các trường bắt buộc'));
  });

  it('never sends a step unchecked: SUBMIT waits for the check, which refuses the incomplete form', async () => {
    const mock = await setup(submission());
    await userEvent.click(await screen.findByRole('button', { name: 'Gửi ký duyệt' }));
    await waitFor(() => expect(download.started).toBe(true));
    expect(events(mock.calls)).toHaveLength(0);
    act(() => download.release());
    const summary = await screen.findByTestId('error-summary');
    expect(summary).toHaveTextContent('Số nữ');
    expect(events(mock.calls)).toHaveLength(0);
  });

  it('loads the check at once when the server did not check for this page (no list): the bar waits for it', async () => {
    await setup(submission({ missingRequired: null }));
    await screen.findByLabelText('Tổng số CB-GV-NV');
    expect(screen.getByTestId('required-progress-label')).toHaveTextContent('Đang tải kiểm tra…');
    await waitFor(() => expect(download.started).toBe(true));
    act(() => download.release());
    await waitFor(() => expect(screen.getByTestId('required-progress-label')).toHaveTextContent('Còn 1 trường bắt buộc'));
  });
});
