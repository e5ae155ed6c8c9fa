import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Submission, SubmissionSummary } from '../../../shared/api/types';
import { mockFetch, renderWithProviders, type MockCall } from '../../../test-utils/render';
import { CompilePage } from './CompilePage';
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
          tongSo: { type: 'integer', minimum: 0, title: 'Tổng số CB-GV-NV', 'x-aggregate': 'sum' },
          soNu: { type: 'integer', minimum: 0, title: 'Số nữ', 'x-aggregate': 'sum' },
        },
      },
    },
  },
});

const summary = {
  roundId: 'r1',
  roundName: 'Báo cáo 6 tháng đầu năm 2025',
  unitKind: 'truong_th',
  parentUnitId: 'pgd',
  parentUnitName: 'Phòng GD&ĐT',
  parentUnitKind: 'phong',
  templateCode: 'bdg-truong',
  templateVersion: 1,
  flowCode: 'truong',
  final: false,
  stateTags: [],
  status: null,
  handedIn: false,
  version: 2,
  deadline: '2025-06-10T00:00:00.000Z',
  updatedAt: '2025-06-08T07:32:00.000Z',
};

const children: SubmissionSummary[] = [
  { ...summary, id: 'c1', unitId: 'u1', unitCode: 'TH01', unitName: 'Trường TH Kim Đồng', state: 'accepted', stateLabel: 'Đã tiếp nhận', final: true, locked: true, late: false },
  { ...summary, id: 'c2', unitId: 'u2', unitCode: 'TH02', unitName: 'Trường TH Lê Lợi', state: 'submitted', stateLabel: 'Đã gửi', locked: true, late: false },
  { ...summary, id: 'c3', unitId: 'u3', unitCode: 'TH03', unitName: 'Trường TH Võ Thị Sáu', state: 'draft', stateLabel: 'Đang soạn', locked: false, late: true },
];

function submission(over: Partial<Submission> = {}): Submission {
  return {
    ...summary,
    id: 'p1',
    unitId: 'pgd',
    unitCode: 'PGD01',
    unitName: 'Phòng GD&ĐT Ba Đình',
    unitKind: 'phong',
    parentUnitId: 'so',
    parentUnitName: 'Sở GD&ĐT',
    parentUnitKind: 'so',
    flowCode: 'phong',
    state: 'collecting',
    stateLabel: 'Đang thu thập',
    locked: false,
    data: {},
    rawInputs: {},
    editable: true,
    allowedEvents: [{ type: 'COMPILE', kind: 'compile', label: 'Tổng hợp', requiresComment: false }],
    signature: null,
    fieldComments: [],
    compiled: null,
    contentHash: 'c'.repeat(64),
    findings: [],
    missingRequired: null,
    coverage: null,
    ...over,
  };
}

const compiled = (stale = false) =>
  submission({
    state: 'draft',
    stateLabel: 'Đang soạn',
    version: 3,
    data: { I: { tongSo: 90, soNu: 60 } },
    compiled: { included: 2, total: 3, stale, compiledAt: '2025-06-09T03:15:00.000Z' },
    allowedEvents: [
      { type: 'COMPILE', kind: 'compile', label: 'Tổng hợp', requiresComment: false },
      { type: 'SUBMIT', kind: 'submit', label: 'Gửi ký duyệt', requiresComment: false },
    ],
  });

function setup(sub: Submission, extra: Record<string, (c: MockCall) => unknown> = {}) {
  const mock = mockFetch({
    'GET /api/submissions/p1': () => sub,
    'GET /api/templates/bdg-truong/versions/1': () => template,
    'GET /api/submissions/p1/children': () => children,
    'GET /api/submissions/p1/history': () => pageOf([]),
    ...extra,
  });
  renderWithProviders(<CompilePage />, { route: '/submissions/p1/compile', path: '/submissions/:id/compile' });
  return mock;
}

describe('CompilePage', () => {
  beforeEach(() => localStorage.setItem('bdg.token', 't'));
  afterEach(() => vi.unstubAllGlobals());

  it('lists the child units with their state and lateness', async () => {
    setup(submission());
    const table = await screen.findByTestId('children-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('Trường TH Kim Đồng');
    expect(within(rows[0]).getByText('Đã tiếp nhận')).toHaveAttribute('data-state', 'accepted');
    expect(within(rows[1]).getByText('Đã gửi')).toHaveAttribute('data-state', 'submitted');
    expect(within(rows[2]).getByText('Trễ hạn').closest('[data-late]')).not.toBeNull();
    expect(within(rows[0]).queryByText('Trễ hạn')).not.toBeInTheDocument();
    expect(within(rows[1]).getByRole('link', { name: 'Trường TH Lê Lợi' })).toHaveAttribute('href', '/submissions/c2/review');
    expect(screen.getByRole('tab', { name: 'Đơn vị trực thuộc (1/3 đã duyệt)' })).toBeInTheDocument();
    expect(screen.queryByTestId('stale-warning')).not.toBeInTheDocument();
  });

  it('"Tổng hợp" sends COMPILE and shows the consolidated figures', async () => {
    let current = submission();
    const mock = setup(current, {
      'GET /api/submissions/p1': () => current,
      'POST /api/submissions/p1/events': () => {
        current = compiled();
        return current;
      },
    });
    await screen.findByTestId('children-table');
    await userEvent.click(screen.getByRole('tab', { name: 'Báo cáo tổng hợp' }));
    expect(screen.getByText('Chưa tổng hợp. Khi các đơn vị đã được duyệt, bấm “Tổng hợp”.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Tổng hợp' }));
    await waitFor(() => expect(mock.calls.find((c) => c.method === 'POST')?.body).toEqual({ type: 'COMPILE', contentHash: 'c'.repeat(64) }));
    expect(await screen.findByText(/Đã tổng hợp 2\/3 đơn vị lúc/)).toBeInTheDocument();
    expect(await screen.findByLabelText('Tổng số CB-GV-NV')).toHaveValue('90');
    // each rolled-up figure says how it is obtained (@bdg/schemas rollUpHelp)
    expect(screen.getByTestId('derivation-/I/tongSo')).toHaveTextContent('Tổng hợp: cộng số liệu của các đơn vị cấp dưới');
  });

  it('clicking a consolidated figure shows the units it came from', async () => {
    const mock = setup(compiled(), {
      'GET /api/submissions/p1/sources': () => [
        { unitId: 'u1', unitCode: 'TH01', unitName: 'Trường TH Kim Đồng', value: 40 },
        { unitId: 'u2', unitCode: 'TH02', unitName: 'Trường TH Lê Lợi', value: 50 },
      ],
    });
    await userEvent.click(await screen.findByRole('tab', { name: 'Báo cáo tổng hợp' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Xem các đơn vị tạo nên số liệu “Tổng số CB-GV-NV (I. Tình hình chung)”' }));
    const drawer = await screen.findByRole('dialog');
    expect(drawer).toHaveTextContent('Nguồn số liệu: Tổng số CB-GV-NV (I. Tình hình chung)');
    expect(drawer).toHaveTextContent('Giá trị tổng hợp: 90');
    const rows = await within(drawer).findAllByRole('row');
    expect(rows.slice(1).map((r) => r.textContent)).toEqual(['TH01Trường TH Kim Đồng40', 'TH02Trường TH Lê Lợi50']);
    expect(mock.calls.some((c) => c.url === '/api/submissions/p1/sources?path=%2FI%2FtongSo')).toBe(true);
  });

  it('warns when the consolidated figures are stale', async () => {
    setup(compiled(true));
    const warning = await screen.findByTestId('stale-warning');
    expect(warning).toHaveTextContent('Số liệu tổng hợp đã cũ');
    expect(warning).toHaveAttribute('role', 'alert');
  });
});
