import { cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, screen, within } from '@testing-library/react';
import type { Round, RoundProgress, TemplateVersion } from '../../../shared/api/types';
import { mockFetch, renderWithProviders } from '../../../test-utils/render';
import { DashboardPage } from './DashboardPage';
import { pageOf } from '../../../test-utils/page';

// The whole suite runs in parallel: give slow first renders (template + submission) more than the default second.
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
  rootUnitId: 'pgd',
  period: '2025-H1',
  flows: { phong: 'phong', truong_th: 'truong' },
  deadlines: { truong_th: '2025-06-10T00:00:00.000Z', phong: '2025-06-20T00:00:00.000Z' },
  createdAt: '2025-05-01T00:00:00.000Z',
  counts: { total: 4, byKind: { phong: 1, truong_th: 3 } },
};

const unit = (over: Partial<RoundProgress['units'][number]>): RoundProgress['units'][number] => ({
  unitId: 'x',
  unitCode: 'X',
  unitName: 'X',
  kind: 'truong_th',
  parentId: 'pgd',
  submissionId: 'sx',
  state: 'draft',
  stateLabel: 'Đang soạn',
  deadline: '2025-06-10T00:00:00.000Z',
  late: false,
  ...over,
});

const progress: RoundProgress = {
  round,
  levels: [
    { kind: 'phong', total: 1, byState: { collecting: 1 }, late: 0, done: 0 },
    { kind: 'truong_th', total: 4, byState: { accepted: 2, submitted: 1, draft: 1 }, late: 1, done: 3 },
  ],
  units: [
    unit({ unitId: 'pgd', unitCode: 'PGD', unitName: 'Phòng GD&ĐT Ba Đình', kind: 'phong', parentId: null, submissionId: 'sp', state: 'collecting', stateLabel: 'Đang thu thập', deadline: '2025-06-20T00:00:00.000Z' }),
    unit({ unitId: 'u1', unitName: 'Trường TH Kim Đồng', submissionId: 's1', state: 'accepted', stateLabel: 'Đã tiếp nhận', handedIn: true }),
    unit({ unitId: 'u2', unitName: 'Trường TH Lê Lợi', submissionId: 's2', state: 'accepted', stateLabel: 'Đã tiếp nhận', handedIn: true }),
    unit({ unitId: 'u3', unitName: 'Trường TH Nguyễn Du', submissionId: 's3', state: 'submitted', stateLabel: 'Đã gửi', handedIn: true }),
    unit({ unitId: 'u4', unitName: 'Trường TH Võ Thị Sáu', submissionId: 's4', state: 'draft', stateLabel: 'Đang soạn', late: true }),
  ],
};

const template: TemplateVersion = {
  id: 't1',
  code: 'bdg-truong',
  version: 1,
  title: 'Báo cáo công tác bình đẳng giới',
  status: 'published',
  basedOn: null,
  schema: { type: 'object', properties: { I: { type: 'object', title: 'I', properties: { tongSo: { type: 'integer', title: 'Tổng số CB-GV-NV', 'x-aggregate': 'sum' } } } } },
  uiSchema: {},
};

function setup() {
  const mock = mockFetch({
    'GET /api/rounds': () => pageOf([round]),
    'GET /api/rounds/r1/progress': () => progress,
    'GET /api/templates/bdg-truong/versions/1': () => template,
    'GET /api/submissions/sp/sources': () => [
      { unitId: 'u1', unitCode: 'TH01', unitName: 'Trường TH Kim Đồng', value: 40 },
      { unitId: 'u2', unitCode: 'TH02', unitName: 'Trường TH Lê Lợi', value: 30 },
    ],
  });
  renderWithProviders(<DashboardPage />, { route: '/dashboard', path: '/dashboard' });
  return mock;
}

describe('DashboardPage', () => {
  beforeEach(() => localStorage.setItem('bdg.token', 't'));
  afterEach(() => vi.unstubAllGlobals());

  it('shows the completion of each level, as cards and as stacked bars per level', async () => {
    setup();
    expect(await screen.findByRole('progressbar', { name: 'Trường tiểu học: 75% đã nộp' })).toHaveAttribute('aria-valuenow', '75');
    expect(screen.getByRole('progressbar', { name: 'Phòng GD&ĐT: 0% đã nộp' })).toBeInTheDocument();

    const chart = screen.getByTestId('chart-levels');
    expect(within(chart).getByRole('img')).toHaveAccessibleName('Trạng thái theo cấp. Phòng GD&ĐT: 0% đã nộp; Trường tiểu học: 75% đã nộp');
    // One bar segment per (level, state) with a count: phong/collecting, th/accepted, th/submitted, th/draft.
    expect(chart.querySelectorAll('.recharts-bar')).toHaveLength(4);
    expect(chart.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(4);
    const legend = chart.querySelector('.recharts-legend-wrapper')!;
    for (const label of ['Đang thu thập', 'Đã tiếp nhận', 'Đã gửi', 'Đang soạn']) expect(legend).toHaveTextContent(label);
    expect(within(chart).getByText('Trường tiểu học')).toBeInTheDocument();
    expect(within(chart).getByText('Phòng GD&ĐT')).toBeInTheDocument();
  });

  it('lists the late units with their state and deadline', async () => {
    setup();
    const table = await screen.findByTestId('late-units');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('Trường TH Võ Thị Sáu');
    expect(rows[0]).toHaveTextContent('Trường tiểu học');
    expect(rows[0]).toHaveTextContent('Đang soạn');
    expect(rows[0]).toHaveTextContent('10/06/2025');
    expect(within(rows[0]).getByText('Trễ hạn')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Đơn vị trễ hạn (1)' })).toBeInTheDocument();
  });

  it('charts an indicator by unit from the consolidated figure’s sources', async () => {
    const mock = setup();
    const chart = await screen.findByTestId('chart-indicator', {}, { timeout: 5000 });
    expect(within(chart).getByRole('img')).toHaveAccessibleName('Tổng số CB-GV-NV (I). Trường TH Kim Đồng: 40; Trường TH Lê Lợi: 30');
    expect(mock.calls.some((c) => c.url === '/api/submissions/sp/sources?path=%2FI%2FtongSo')).toBe(true);
  });
});
