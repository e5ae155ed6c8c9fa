import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { WorkItem } from '../../../shared/api/types';
import { mockFetch, renderWithProviders } from '../../../test-utils/render';
import { MyWorkPage } from './MyWorkPage';

const base = {
  roundId: 'r1',
  roundName: 'Báo cáo 6 tháng đầu năm 2025',
  unitCode: 'TH01',
  unitKind: 'truong_th',
  parentUnitId: 'p1',
  templateCode: 'bdg-truong',
  templateVersion: 1,
  flowCode: 'truong',
  final: false,
  locked: false,
  version: 3,
  deadline: '2025-06-10T00:00:00.000Z',
  updatedAt: '2025-06-01T07:32:00.000Z',
};

const items: WorkItem[] = [
  { ...base, id: 's1', unitId: 'u1', unitName: 'Trường TH Kim Đồng', state: 'draft', stateLabel: 'Đang soạn', task: 'fill', daysLeft: 5 },
  { ...base, id: 's2', unitId: 'u2', unitName: 'Trường TH Lê Lợi', state: 'submitted', stateLabel: 'Đã gửi', task: 'review', daysLeft: -2 },
  { ...base, id: 's3', unitId: 'u3', unitName: 'Trường TH Võ Thị Sáu', state: 'pending_signature', stateLabel: 'Chờ ký', task: 'sign', daysLeft: null, deadline: null },
];

describe('MyWorkPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists work by task with deadline, days left and state; late first with a red badge', async () => {
    mockFetch({ 'GET /api/my-work': () => items });
    renderWithProviders(<MyWorkPage />);
    const table = await screen.findByTestId('my-work-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('Trường TH Lê Lợi');
    expect(rows[0]).toHaveTextContent('Trễ 2 ngày');
    expect(within(rows[0]).getByText('Trễ 2 ngày').closest('[data-late]')).not.toBeNull();
    expect(rows[0]).toHaveTextContent('Cần duyệt');
    expect(rows[1]).toHaveTextContent('Còn 5 ngày');
    expect(rows[1]).toHaveTextContent('10/06/2025');
    expect(rows[1]).toHaveTextContent('Đang soạn');
    expect(rows[2]).toHaveTextContent('Không có hạn');
    expect(screen.getByRole('tab', { name: 'Cần ký (1)' })).toBeInTheDocument();
  });

  it('links each task to its page', async () => {
    mockFetch({ 'GET /api/my-work': () => items });
    renderWithProviders(<MyWorkPage />);
    expect(await screen.findByTestId('work-link-s2')).toHaveAttribute('href', '/submissions/s2/review');
    expect(screen.getByTestId('work-link-s1')).toHaveAttribute('href', '/submissions/s1');
  });

  it('filters by task', async () => {
    mockFetch({ 'GET /api/my-work': () => items });
    renderWithProviders(<MyWorkPage />);
    await userEvent.click(await screen.findByRole('tab', { name: 'Cần nhập liệu (1)' }));
    const rows = within(screen.getByTestId('my-work-table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('Trường TH Kim Đồng');
  });

  it("shows a province's own step (a deputy's approval) with the flow's label", async () => {
    const step = { ...base, id: 's9', unitId: 'u9', unitName: 'Trường TH Cửu Cao', state: 'cho_pht', stateLabel: 'Chờ phó hiệu trưởng duyệt', stateTags: ['awaitingApproval'], task: 'approve' as const, stepLabel: 'Chờ phó hiệu trưởng duyệt', daysLeft: 3 };
    mockFetch({ 'GET /api/my-work': () => [step] });
    renderWithProviders(<MyWorkPage />);
    expect(await screen.findByTestId('step-s9')).toHaveTextContent('Chờ phó hiệu trưởng duyệt');
    expect(screen.getByRole('tab', { name: 'Cần duyệt trong đơn vị (1)' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Xem và duyệt: Trường TH Cửu Cao, ' + step.roundName })).toBeInTheDocument();
  });

  it('says so when nothing waits', async () => {
    mockFetch({ 'GET /api/my-work': () => [] });
    renderWithProviders(<MyWorkPage />);
    expect(await screen.findByText('Không có việc nào đang chờ bạn.')).toBeInTheDocument();
  });

  it('shows the server message in Vietnamese when it refuses', async () => {
    mockFetch({ 'GET /api/my-work': () => ({ status: 403, body: { statusCode: 403, error: 'Forbidden', message: 'Bạn không có quyền xem mục này' } }) });
    renderWithProviders(<MyWorkPage />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Bạn không có quyền xem mục này');
  });
});
