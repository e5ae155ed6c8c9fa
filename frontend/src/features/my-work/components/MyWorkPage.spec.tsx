import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SubmissionSummary, WorkItem } from '../../../shared/api/types';
import { type MockCall, mockFetch, renderWithProviders } from '../../../test-utils/render';
import { pageOf } from '../../../test-utils/page';
import { MyWorkPage } from './MyWorkPage';

const base = {
  roundId: 'r1',
  roundName: 'Báo cáo 6 tháng đầu năm 2025',
  unitCode: 'TH01',
  unitKind: 'truong_th',
  parentUnitId: 'p1',
  parentUnitName: 'Xã Tân Lạc',
  parentUnitKind: 'xa',
  templateCode: 'bdg-truong',
  templateVersion: 1,
  flowCode: 'truong',
  final: false,
  locked: false,
  stateTags: [],
  status: null,
  handedIn: false,
  version: 3,
  deadline: '2025-06-10T00:00:00.000Z',
  updatedAt: '2025-06-01T07:32:00.000Z',
};

const items: WorkItem[] = [
  { ...base, id: 's1', unitId: 'u1', unitName: 'Trường TH Kim Đồng', state: 'draft', stateLabel: 'Đang soạn', task: 'fill', daysLeft: 5 },
  { ...base, id: 's2', unitId: 'u2', unitName: 'Trường TH Lê Lợi', state: 'submitted', stateLabel: 'Đã gửi', task: 'review', daysLeft: -2 },
  { ...base, id: 's3', unitId: 'u3', unitName: 'Trường TH Võ Thị Sáu', state: 'pending_signature', stateLabel: 'Chờ ký', task: 'sign', daysLeft: null, deadline: null },
];

/** The server's answer to GET /api/my-work: the todo page with its task counts, or a page of sent/done reports. */
function server(todo: WorkItem[], lists: { sent?: SubmissionSummary[]; done?: SubmissionSummary[] } = {}) {
  return (c: MockCall) => {
    const p = new URL(c.url, 'http://x').searchParams;
    const list = p.get('list') ?? 'todo';
    const q = (p.get('q') ?? '').toLowerCase();
    const match = (s: SubmissionSummary) => !q || s.unitName.toLowerCase().includes(q);
    if (list !== 'todo') return pageOf((list === 'sent' ? lists.sent : lists.done)?.filter(match) ?? []);
    const task = p.get('task');
    const taskCounts: Record<string, number> = {};
    for (const w of todo.filter(match)) taskCounts[w.task] = (taskCounts[w.task] ?? 0) + 1;
    return { ...pageOf(todo.filter(match).filter((w) => !task || w.task === task)), taskCounts };
  };
}

describe('MyWorkPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists work by task with deadline, days left and state; late first with a red badge', async () => {
    mockFetch({ 'GET /api/my-work': server(items) });
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
    mockFetch({ 'GET /api/my-work': server(items) });
    renderWithProviders(<MyWorkPage />);
    expect(await screen.findByTestId('work-link-s2')).toHaveAttribute('href', '/submissions/s2/review');
    expect(screen.getByTestId('work-link-s1')).toHaveAttribute('href', '/submissions/s1');
  });

  it('filters by task on the server', async () => {
    const { calls } = mockFetch({ 'GET /api/my-work': server(items) });
    renderWithProviders(<MyWorkPage />);
    await userEvent.click(await screen.findByRole('tab', { name: 'Cần nhập liệu (1)' }));
    await waitFor(() => expect(within(screen.getByTestId('my-work-table')).getAllByRole('row').slice(1)).toHaveLength(1));
    const rows = within(screen.getByTestId('my-work-table')).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Trường TH Kim Đồng');
    expect(calls.some((c) => new URL(c.url, 'http://x').searchParams.get('task') === 'fill')).toBe(true);
  });

  it('pages on the server: the total comes from the answer, a click asks for the next page', async () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ ...items[0]!, id: `m${i}`, unitName: `Trường số ${i}` }));
    const { calls } = mockFetch({
      'GET /api/my-work': (c) => {
        const page = Number(new URL(c.url, 'http://x').searchParams.get('page'));
        return { ...pageOf(page === 2 ? [{ ...items[1]! }] : many, { total: 21, page }), taskCounts: { fill: 20, review: 1 } };
      },
    });
    renderWithProviders(<MyWorkPage />);
    expect(await screen.findByRole('tab', { name: 'Tất cả (21)' })).toBeInTheDocument();
    await userEvent.click(await screen.findByTitle('2'));
    await waitFor(() => expect(screen.getByTestId('work-link-s2')).toBeInTheDocument());
    expect(calls.some((c) => new URL(c.url, 'http://x').searchParams.get('page') === '2')).toBe(true);
  });

  it('searches on the server, once the typing pauses', async () => {
    const { calls } = mockFetch({ 'GET /api/my-work': server(items) });
    renderWithProviders(<MyWorkPage />);
    await screen.findByTestId('my-work-table');
    await userEvent.type(screen.getByTestId('my-work-search').querySelector('input')!, 'kim');
    await waitFor(() => expect(within(screen.getByTestId('my-work-table')).getAllByRole('row').slice(1)).toHaveLength(1));
    const asked = calls.map((c) => new URL(c.url, 'http://x').searchParams.get('q')).filter(Boolean);
    expect(asked).toEqual(['kim']);
  });

  it('shows "Đã gửi" and "Đã xong" from the server\'s lists, each with its state', async () => {
    const sent = [{ ...base, id: 'g1', unitId: 'u1', unitName: 'Trường TH Kim Đồng', state: 'submitted', stateLabel: 'Chờ Phòng duyệt', stateTags: ['submitted', 'locked'], handedIn: true }];
    const done = [{ ...base, id: 'x1', unitId: 'u1', unitName: 'Trường TH Kim Đồng', roundName: 'Báo cáo năm 2024', state: 'accepted', stateLabel: 'Đã tiếp nhận', stateTags: ['done'], final: true, handedIn: true }];
    const { calls } = mockFetch({ 'GET /api/my-work': server(items, { sent, done }) });
    renderWithProviders(<MyWorkPage />);
    await screen.findByTestId('my-work-table');
    await userEvent.click(screen.getByRole('tab', { name: 'Đã gửi' }));
    const sentTable = await screen.findByTestId('sent-table');
    expect(within(sentTable).getByTestId('sent-link-g1')).toHaveAttribute('href', '/submissions/g1');
    expect(sentTable).toHaveTextContent('Chờ Phòng duyệt');
    await userEvent.click(screen.getByRole('tab', { name: 'Đã xong' }));
    const doneTable = await screen.findByTestId('done-table');
    expect(doneTable).toHaveTextContent('Báo cáo năm 2024');
    expect(doneTable).toHaveTextContent('Đã tiếp nhận');
    const lists = calls.map((c) => new URL(c.url, 'http://x').searchParams.get('list'));
    expect(lists).toEqual(expect.arrayContaining(['todo', 'sent', 'done']));
  });

  it('says so when nothing was handed in yet', async () => {
    mockFetch({ 'GET /api/my-work': server(items) });
    renderWithProviders(<MyWorkPage />);
    await userEvent.click(await screen.findByRole('tab', { name: 'Đã xong' }));
    expect(await screen.findByText('Chưa có báo cáo nào đã xong.')).toBeInTheDocument();
  });

  it("shows a province's own step (a deputy's approval) with the flow's label", async () => {
    const step = { ...base, id: 's9', unitId: 'u9', unitName: 'Trường TH Cửu Cao', state: 'cho_pht', stateLabel: 'Chờ phó hiệu trưởng duyệt', stateTags: ['awaitingApproval'], task: 'approve' as const, stepLabel: 'Chờ phó hiệu trưởng duyệt', daysLeft: 3 };
    mockFetch({ 'GET /api/my-work': server([step]) });
    renderWithProviders(<MyWorkPage />);
    expect(await screen.findByTestId('step-s9')).toHaveTextContent('Chờ phó hiệu trưởng duyệt');
    expect(screen.getByRole('tab', { name: 'Cần duyệt trong đơn vị (1)' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Xem và duyệt: Trường TH Cửu Cao, ' + step.roundName })).toBeInTheDocument();
  });

  it('says so when nothing waits', async () => {
    mockFetch({ 'GET /api/my-work': server([]) });
    renderWithProviders(<MyWorkPage />);
    expect(await screen.findByText('Không có việc nào đang chờ bạn.')).toBeInTheDocument();
  });

  it('shows the server message in Vietnamese when it refuses', async () => {
    mockFetch({ 'GET /api/my-work': () => ({ status: 403, body: { statusCode: 403, error: 'Forbidden', message: 'Bạn không có quyền xem mục này' } }) });
    renderWithProviders(<MyWorkPage />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Bạn không có quyền xem mục này');
  });
});
