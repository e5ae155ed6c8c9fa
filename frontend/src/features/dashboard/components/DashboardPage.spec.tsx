import { cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ProgressChild, Round, RoundProgress, User } from '../../../shared/api/types';
import { type MockCall, mockFetch, renderWithProviders, UNIT_KINDS } from '../../../test-utils/render';
import { DashboardPage } from './DashboardPage';
import { pageOf } from '../../../test-utils/page';
import { sampleTemplateVersion } from '../../../test-utils/sample-template';

// The whole suite runs in parallel: give slow first renders more than the default second.
configure({ asyncUtilTimeout: 5000 });

// jsdom measures nothing: give the charts a fixed size so that recharts draws its bars.
vi.mock('recharts', async (importOriginal) => {
  const mod = await importOriginal<typeof import('recharts')>();
  return {
    ...mod,
    ResponsiveContainer: ({ children, height }: { children: ReactNode; height?: number | string }) => (
      <div style={{ width: 800 }}>
        {isValidElement(children) ? cloneElement(children as ReactElement<{ width?: number; height?: number }>, { width: 800, height: typeof height === 'number' ? height : 300 }) : children}
      </div>
    ),
  };
});

const round: Round = {
  id: 'r1',
  name: 'Báo cáo 6 tháng đầu năm 2025',
  templateCode: 'bdg-truong',
  templateVersion: 1,
  rootUnitId: 'so',
  period: '2025-H1',
  flows: { so: 'so', xa: 'phong', truong_th: 'truong' },
  deadlines: { truong_th: '2025-06-10T00:00:00.000Z', xa: '2025-06-20T00:00:00.000Z' },
  createdAt: '2025-05-01T00:00:00.000Z',
  counts: { total: 5, byKind: { so: 1, xa: 1, truong_th: 3 } },
};
const labels = { collecting: 'Đang thu thập', draft: 'Đang soạn', submitted: 'Đã gửi', accepted: 'Đã tiếp nhận' };

const child = (over: Partial<ProgressChild>): ProgressChild => ({
  unitId: 'x',
  unitCode: 'X',
  unitName: 'X',
  kind: 'truong_th',
  submissionId: 'sx',
  state: 'draft',
  stateLabel: 'Đang soạn',
  stateTags: ['editing'],
  handedIn: false,
  late: false,
  daysLate: 0,
  deadline: '2025-06-10T00:00:00.000Z',
  hasChildren: false,
  subtree: { total: 1, done: 0, late: 0, byState: { draft: 1 } },
  ...over,
});

/** The Sở level: one xã with three schools below it. */
const soLevel: RoundProgress = {
  round,
  node: { ...child({ unitId: 'so', unitName: 'Sở GD&ĐT Phú Thọ', kind: 'so', submissionId: 'sso', state: 'collecting', stateLabel: 'Đang thu thập', stateTags: ['collecting'] }) },
  breadcrumbs: [{ unitId: 'so', unitName: 'Sở GD&ĐT Phú Thọ', kind: 'so' }],
  totals: { total: 5, done: 2, late: 1, byState: { collecting: 2, accepted: 1, submitted: 1, draft: 1 } },
  levels: [
    { kind: 'so', total: 1, done: 0, late: 0, byState: { collecting: 1 } },
    { kind: 'xa', total: 1, done: 0, late: 0, byState: { collecting: 1 } },
    { kind: 'truong_th', total: 3, done: 2, late: 1, byState: { accepted: 1, submitted: 1, draft: 1 } },
  ],
  stateLabels: labels,
  units: {
    items: [
      child({
        unitId: 'xa1',
        unitName: 'Xã Tân Lạc',
        kind: 'xa',
        submissionId: 'sxa',
        state: 'collecting',
        stateLabel: 'Đang thu thập',
        stateTags: ['collecting'],
        hasChildren: true,
        subtree: { total: 4, done: 2, late: 1, byState: { collecting: 1, accepted: 1, submitted: 1, draft: 1 } },
      }),
    ],
    total: 1,
    page: 1,
    pageSize: 50,
  },
};

/** The xã level: its schools, one handed in and waiting for the xã, one late. */
const xaLevel: RoundProgress = {
  ...soLevel,
  node: { ...soLevel.units.items[0]! },
  breadcrumbs: [...soLevel.breadcrumbs, { unitId: 'xa1', unitName: 'Xã Tân Lạc', kind: 'xa' }],
  totals: soLevel.units.items[0]!.subtree,
  levels: soLevel.levels.slice(1),
  units: {
    items: [
      child({ unitId: 't1', unitName: 'Trường TH Kim Đồng', submissionId: 's1', state: 'accepted', stateLabel: 'Đã tiếp nhận', stateTags: ['done'], handedIn: true }),
      child({ unitId: 't2', unitName: 'Trường TH Lê Lợi', submissionId: 's2', state: 'submitted', stateLabel: 'Đã gửi', stateTags: ['submitted'], handedIn: true }),
      child({ unitId: 't3', unitName: 'Trường TH Nguyễn Du', submissionId: 's3', state: 'submitted', stateLabel: 'Đã gửi', stateTags: ['submitted'], handedIn: true }),
      child({ unitId: 't4', unitName: 'Trường TH Võ Thị Sáu', submissionId: 's4', late: true, daysLate: 3 }),
    ],
    total: 4,
    page: 1,
    pageSize: 50,
  },
};

const template = sampleTemplateVersion({
  schema: { type: 'object', properties: { I: { type: 'object', title: 'I', properties: { tongSo: { type: 'integer', title: 'Tổng số CB-GV-NV', 'x-aggregate': 'sum' } } } } },
});

const me = (roles: string[]): User => ({ id: 'u', username: 'pt.tanlac.reviewer', fullName: 'Cán bộ xã', unitId: 'xa1', unitName: 'Xã Tân Lạc', roles }) as unknown as User;
const hash = (c: string) => c.repeat(64);

function setup(roles = ['reviewer'], extra: Record<string, (call: MockCall) => unknown> = {}) {
  const mock = mockFetch({
    'GET /api/me': () => me(roles),
    'GET /api/unit-kinds': () => UNIT_KINDS,
    'GET /api/rounds': () => pageOf([round]),
    'GET /api/rounds/r1/progress': (call) => (call.url.includes('parentId=xa1') ? xaLevel : soLevel),
    'GET /api/templates/bdg-truong/versions/1': () => template,
    'GET /api/submissions/sso/sources': () => [{ unitId: 'xa1', unitCode: 'XA', unitName: 'Xã Tân Lạc', value: 40 }],
    'GET /api/submissions/sxa/sources': () => [],
    'GET /api/submissions/review-summary': () => [
      { id: 's2', unitName: 'Trường TH Lê Lợi', state: 'submitted', stateLabel: 'Đã gửi', contentHash: hash('a'), errors: 0, warnings: 0, acceptEvent: { type: 'ACCEPT', label: 'Tiếp nhận' }, bulkAcceptable: true },
      { id: 's3', unitName: 'Trường TH Nguyễn Du', state: 'submitted', stateLabel: 'Đã gửi', contentHash: hash('b'), errors: 0, warnings: 1, acceptEvent: { type: 'ACCEPT', label: 'Tiếp nhận' }, bulkAcceptable: false },
    ],
    ...extra,
  });
  renderWithProviders(<DashboardPage />, { route: '/dashboard', path: '/dashboard' });
  return mock;
}

/** Drills from the Sở down to the xã: one click. */
async function openXa() {
  fireEvent.click(await screen.findByRole('button', { name: 'Xem Xã Tân Lạc' }));
  return within(await screen.findByTestId('children-table')).findByText('Trường TH Võ Thị Sáu');
}

describe('DashboardPage', () => {
  beforeEach(() => localStorage.setItem('bdg.token', 't'));
  afterEach(() => vi.unstubAllGlobals());

  it('shows the unit on screen by level, and each child subtree with done/late/total and its counts by state label', async () => {
    setup();
    expect(await screen.findByRole('progressbar', { name: 'Trường tiểu học: 66,7 % đã nộp' })).toHaveAttribute('aria-valuenow', '66.7');
    const chart = screen.getByTestId('chart-levels');
    expect(chart.querySelectorAll('.recharts-bar')).toHaveLength(4);
    const legend = chart.querySelector('.recharts-legend-wrapper')!;
    for (const label of ['Đang thu thập', 'Đã tiếp nhận', 'Đã gửi', 'Đang soạn']) expect(legend).toHaveTextContent(label);
    const row = within(screen.getByTestId('children-table')).getByText('Xã Tân Lạc').closest('tr')!;
    expect(row).toHaveTextContent('2/4 đã nộp · 1 trễ hạn');
    expect(row).toHaveTextContent('1 Đã gửi · 1 Đã tiếp nhận · 1 Đang soạn · 1 Đang thu thập');
    expect(within(row).getByRole('progressbar', { name: 'Xã Tân Lạc: 50 % đã nộp' })).toBeInTheDocument();
  });

  it('drills down one level per click, with breadcrumbs back up, the school names, states and days late', async () => {
    const mock = setup();
    await openXa();
    expect(mock.calls.some((c) => c.url === '/api/rounds/r1/progress?parentId=xa1&pageSize=50' || c.url.startsWith('/api/rounds/r1/progress?parentId=xa1'))).toBe(true);
    const crumbs = screen.getByRole('navigation', { name: 'Cấp đang xem' });
    expect(within(crumbs).getByText('Xã Tân Lạc')).toHaveAttribute('aria-current', 'page');
    const late = within(screen.getByTestId('children-table')).getByText('Trường TH Võ Thị Sáu').closest('tr')!;
    expect(late).toHaveTextContent('Đang soạn');
    expect(late).toHaveTextContent('Trễ 3 ngày');
    expect(late).toHaveTextContent('10/06/2025');
    fireEvent.click(within(crumbs).getByRole('button', { name: 'Sở GD&ĐT Phú Thọ' }));
    expect(await screen.findByRole('button', { name: 'Xem Xã Tân Lạc' })).toBeInTheDocument();
  });

  it('searches and sorts on the server', async () => {
    const mock = setup();
    await screen.findByRole('button', { name: 'Xem Xã Tân Lạc' });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Tìm đơn vị' }), { target: { value: 'tan lac' } });
    fireEvent.keyDown(screen.getByRole('searchbox', { name: 'Tìm đơn vị' }), { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(mock.calls.some((c) => c.url.includes('q=tan+lac'))).toBe(true));
  });

  it('accepts the selected reports without errors or warnings, each with its own contentHash, and reports the refused', async () => {
    const accepted: unknown[] = [];
    setup(['reviewer'], {
      'POST /api/submissions/bulk-accept': (call) => {
        accepted.push(call.body);
        return { accepted: [], refused: [{ index: 0, id: 's2', unitName: 'Trường TH Lê Lợi', status: 409, message: 'Trường TH Lê Lợi: Nội dung đã thay đổi.' }] };
      },
    });
    await openXa();
    const pick = await screen.findByRole('checkbox', { name: 'Chọn Trường TH Lê Lợi' });
    expect(screen.getByRole('checkbox', { name: 'Chọn Trường TH Nguyễn Du' })).toBeDisabled();
    expect(screen.getByText(/0 lỗi, 1 cảnh báo/)).toBeInTheDocument();
    fireEvent.click(pick);
    fireEvent.click(screen.getByRole('button', { name: 'Duyệt các đơn vị đã chọn (1)' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Duyệt' }));
    await waitFor(() => expect(accepted).toEqual([{ items: [{ id: 's2', contentHash: hash('a') }] }]));
    expect(await screen.findByTestId('bulk-refused')).toHaveTextContent('Trường TH Lê Lợi: Nội dung đã thay đổi.');
  });

  it('reminds one unit, and every late unit at once; a repeated reminder shows the server’s Vietnamese reason', async () => {
    let remindCalls = 0;
    const mock = setup(['reviewer'], {
      'POST /api/submissions/s4/remind': () =>
        ++remindCalls === 1
          ? { submissionId: 's4', unitName: 'Trường TH Võ Thị Sáu', notified: 2 }
          : { status: 429, body: { statusCode: 429, message: 'Trường TH Võ Thị Sáu đã được nhắc lúc 10:00 28/11/2026; mỗi đơn vị chỉ được nhắc một lần trong 60 phút.' } },
      'POST /api/rounds/r1/remind-late': () => ({ reminded: [{ submissionId: 's4', unitName: 'Trường TH Võ Thị Sáu', notified: 2 }], skipped: [] }),
    });
    await openXa();
    // Handed-in units are not reminded: only the late draft has the button.
    expect(screen.getAllByRole('button', { name: /^Nhắc Trường/ })).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Nhắc Trường TH Võ Thị Sáu' }));
    expect(await screen.findByText('Đã nhắc Trường TH Võ Thị Sáu (2 người nhận).')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Nhắc Trường TH Võ Thị Sáu' }));
    expect(await screen.findByText(/đã được nhắc lúc 10:00 28\/11\/2026/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Nhắc tất cả đơn vị trễ hạn' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Nhắc' }));
    expect(await screen.findByText('Đã nhắc 1 đơn vị trễ hạn.')).toBeInTheDocument();
    expect(mock.calls.find((c) => c.url === '/api/rounds/r1/remind-late')?.body).toEqual({ parentId: 'xa1' });
  });

  it('shows no reviewer actions to a school editor', async () => {
    setup(['editor']);
    await openXa();
    expect(screen.queryByRole('button', { name: /Nhắc/ })).toBeNull();
    expect(screen.queryByRole('checkbox', { name: /Chọn/ })).toBeNull();
  });
});
