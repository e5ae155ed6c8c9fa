import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Submission } from '../../../shared/api/types';
import { mockFetch, renderWithProviders, type MockCall } from '../../../test-utils/render';
import { sampleSubmission } from '../../../test-utils/sample-submission';
import { FillPage } from './FillPage';
import { pageOf } from '../../../test-utils/page';
import { sampleTemplateVersion } from '../../../test-utils/sample-template';

/** Figures people can trust, as the clerk and the signer see them. */
const template = sampleTemplateVersion({
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: {
      I: {
        type: 'object',
        title: 'I. Tình hình chung',
        'x-rules': [{ id: 'nu-le-tong', assert: 'soNu <= tongSo', message: 'Số nữ không được lớn hơn tổng số.', severity: 'error' }],
        properties: {
          tongSo: { type: 'integer', minimum: 0, title: 'Tổng số CB-GV-NV' },
          soNu: { type: 'integer', minimum: 0, title: 'Số nữ' },
        },
      },
    },
  },
});

const HASH = 'a'.repeat(64);

function setup(sub: Submission, extra: Record<string, (c: MockCall) => unknown> = {}) {
  const mock = mockFetch({
    'GET /api/me': () => ({ id: 'head-1', username: 'kc.head', fullName: 'Hiệu trưởng', unitId: 'u1', roles: ['head'] }),
    'GET /api/submissions/s1': () => sub,
    'GET /api/templates/bdg-truong/versions/1': () => template,
    'GET /api/submissions/s1/history': () => pageOf([]),
    'GET /api/submissions/s1/attachments': () => [],
    'PUT /api/submissions/s1/data': (c) => ({ version: 4, data: (c.body as { data: unknown }).data, updatedAt: '2025-06-02T07:32:00.000Z', contentHash: HASH }),
    ...extra,
  });
  renderWithProviders(<FillPage />, { route: '/submissions/s1', path: '/submissions/:id' });
  return mock;
}

describe('FillPage: cross-field rules, coverage, sign what you saw', () => {
  beforeEach(() => {
    localStorage.clear();
    localStorage.setItem('bdg.token', 't');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows a failing cross-field rule beside the field as the clerk types (no blur), and clears it when fixed', async () => {
    setup(sampleSubmission({ data: { I: { tongSo: 45, soNu: 10 } }, allowedEvents: [{ type: 'SUBMIT', label: 'Gửi ký duyệt', requiresComment: false }] }));
    const women = await screen.findByLabelText('Số nữ');
    await userEvent.clear(women);
    await userEvent.type(women, '50');
    await waitFor(() => expect(screen.getByTestId('error-summary')).toHaveTextContent('Số nữ không được lớn hơn tổng số.'), { timeout: 3000 });
    expect(women).toHaveAttribute('aria-invalid', 'true');
    await userEvent.clear(women);
    await userEvent.type(women, '40');
    await waitFor(() => expect(screen.queryByTestId('error-summary')).not.toBeInTheDocument(), { timeout: 3000 });
  });

  it('the signer of a compiled report sees its coverage, confirms it, and the event carries the contentHash seen', async () => {
    const sub = sampleSubmission({
      editable: false,
      locked: true,
      state: 'pending_signature',
      stateLabel: 'Chờ ký',
      data: { I: { tongSo: 45, soNu: 10 } },
      contentHash: HASH,
      compiled: { included: 2, total: 10, stale: false, compiledAt: '2025-06-01T07:00:00Z' },
      coverage: { included: 2, expected: 10, missing: [{ unitId: 'x', unitName: 'Trường THCS Tân Dân', state: 'draft' }] },
      findings: [{ ruleId: 'r', severity: 'warning', path: '/I/soNu', title: 'Số nữ (I. Tình hình chung)', message: 'Tỷ lệ nữ thấp bất thường.' }],
      allowedEvents: [{ type: 'SIGN', label: 'Ký', requiresComment: false }],
    });
    const mock = setup(sub, { 'POST /api/submissions/s1/events': () => ({ ...sub, state: 'submitted', stateLabel: 'Đã gửi', allowedEvents: [] }) });
    const notice = await screen.findByTestId('coverage-notice');
    expect(notice).toHaveTextContent('Báo cáo này tổng hợp 2/10 đơn vị; chưa có: Trường THCS Tân Dân.');
    expect(screen.getByTestId('rule-findings')).toHaveTextContent('Tỷ lệ nữ thấp bất thường.');
    await userEvent.click(screen.getByRole('button', { name: 'Ký' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('confirm-coverage')).toHaveTextContent('2/10');
    expect(dialog).toHaveTextContent('Tỷ lệ nữ thấp bất thường.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ký' }));
    await waitFor(() => expect(mock.calls.find((c) => c.url === '/api/submissions/s1/events')?.body).toEqual({ type: 'SIGN', contentHash: HASH }));
  });

  it('shows the signer what changed since they last looked (kept on the server), then records the content now seen', async () => {
    const mock = setup(sampleSubmission({ editable: false, locked: true, data: { I: { tongSo: 45, soNu: 40 } }, contentHash: HASH }), {
      'GET /api/submissions/s1/seen': () => ({
        lastSeen: { contentHash: 'b'.repeat(64), version: 2, data: { I: { tongSo: 45, soNu: 10 } }, seenAt: '2025-06-01T02:00:00Z' },
      }),
      'PUT /api/submissions/s1/seen': () => ({ contentHash: HASH, version: 3, seenAt: '2025-06-02T02:00:00Z' }),
    });
    const changes = await screen.findByTestId('changes-since-seen', undefined, { timeout: 4000 });
    expect(changes).toHaveTextContent('Số nữ');
    expect(changes).toHaveTextContent('10 → 40');
    expect(changes).toHaveTextContent('01/06/2025');
    await waitFor(() => expect(mock.calls.find((c) => c.method === 'PUT' && c.url === '/api/submissions/s1/seen')?.body).toEqual({ contentHash: HASH }));
    // Recording does not wipe the comparison from the screen.
    expect(screen.getByTestId('changes-since-seen')).toHaveTextContent('10 → 40');
  });
});
