import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import type { NotificationItem } from '../../../shared/api/documents';
import { mockFetch, renderWithProviders } from '../../../test-utils/render';
import { notificationPath, relativeVi } from '../utils/notifications';
import { NotificationCenter } from './NotificationCenter';
import { pageOf } from '../../../test-utils/page';

// The whole suite runs in parallel: give slow first renders (template + submission) more than the default second.
configure({ asyncUtilTimeout: 5000 });

const me = { id: 'me', username: 'pgd.reviewer', fullName: 'Lê Văn Duyệt', unitId: 'pgd', unitName: 'Phòng GD&ĐT Ba Đình', unitKind: 'phong', roles: ['reviewer'], active: true };
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const MIN = 60_000;

function list(): NotificationItem[] {
  return [
    { id: 'n1', kind: 'remind-3d', message: 'Sắp đến hạn nộp báo cáo "6 tháng 2025" của Phòng GD&ĐT Ba Đình.', submissionId: 's1', read: true, createdAt: ago(2 * 24 * 60 * MIN) },
    { id: 'n2', kind: 'Gửi lên cấp trên', message: 'Trường TH Kim Đồng đã gửi báo cáo chờ duyệt.', submissionId: 's2', read: false, createdAt: ago(5 * MIN) },
    { id: 'n3', kind: 'Ký', message: 'Trường TH Lê Lợi đã ký báo cáo.', submissionId: 's3', read: false, createdAt: ago(3 * 60 * MIN) },
  ];
}

function Where() {
  return <output data-testid="where">{useLocation().pathname}</output>;
}

function setup(items: NotificationItem[] = list()) {
  const state = { items };
  const mock = mockFetch({
    'GET /api/me': () => me,
    'GET /api/notifications': () => ({ ...pageOf(state.items), unread: state.items.filter((n) => !n.read).length }),
    'POST /api/notifications/n2/read': () => ({ id: 'n2', read: true }),
    'POST /api/notifications/n3/read': () => ({ id: 'n3', read: true }),
    'POST /api/notifications/read-all': () => {
      state.items = state.items.map((n) => ({ ...n, read: true }));
      return { updated: 2 };
    },
    'GET /api/submissions/s2': () => ({ id: 's2', unitId: 'th-kim-dong', state: 'submitted' }),
  });
  renderWithProviders(
    <>
      <NotificationCenter />
      <Where />
    </>,
  );
  return { mock, state };
}

describe('NotificationCenter', () => {
  beforeEach(() => localStorage.setItem('bdg.token', 't'));
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('shows the unread count on the bell and lists notifications newest first with Vietnamese relative times', async () => {
    setup();
    const bell = await screen.findByRole('button', { name: 'Thông báo: 2 chưa đọc' });
    expect(bell).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(bell);
    const drawer = await screen.findByRole('dialog');
    expect(drawer).toHaveTextContent('Thông báo (2 chưa đọc)');
    const items = within(within(drawer).getByRole('list', { name: 'Danh sách thông báo' })).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-read'))).toEqual(['false', 'false', 'true']);
    expect(items[0]).toHaveTextContent('Chưa đọc: Trường TH Kim Đồng đã gửi báo cáo chờ duyệt.');
    expect(items[0]).toHaveTextContent('5 phút trước');
    expect(items[1]).toHaveTextContent('3 giờ trước');
    expect(items[2]).toHaveTextContent('Sắp đến hạn');
    expect(items[2]).toHaveTextContent('2 ngày trước');
    expect(within(items[2]).getByText('2 ngày trước')).toHaveAttribute('title', expect.stringMatching(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/));
  });

  it('a click marks the notification read and opens the submission (another unit’s report: the review page)', async () => {
    const { mock } = setup();
    await userEvent.click(await screen.findByRole('button', { name: 'Thông báo: 2 chưa đọc' }));
    await userEvent.click(await screen.findByTestId('notification-n2'));
    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent('/submissions/s2/review'));
    expect(mock.calls.some((c) => c.method === 'POST' && c.url === '/api/notifications/n2/read')).toBe(true);
    expect(screen.getByRole('button', { name: 'Thông báo: 1 chưa đọc' })).toBeInTheDocument();
  });

  it('"Đánh dấu tất cả đã đọc" marks every unread one and clears the count', async () => {
    const { mock } = setup();
    await userEvent.click(await screen.findByRole('button', { name: 'Thông báo: 2 chưa đọc' }));
    const drawer = await screen.findByRole('dialog');
    await userEvent.click(within(drawer).getByRole('button', { name: /Đánh dấu tất cả đã đọc/ }));
    await waitFor(() => expect(screen.getByTestId('notification-bell')).toHaveAccessibleName('Thông báo'));
    const posts = mock.calls.filter((c) => c.method === 'POST').map((c) => c.url).sort();
    expect(posts).toEqual(['/api/notifications/read-all']);
    expect(within(drawer).getByRole('button', { name: /Đánh dấu tất cả đã đọc/ })).toBeDisabled();
  });

  it('says so when there is nothing', async () => {
    setup([]);
    await userEvent.click(await screen.findByRole('button', { name: 'Thông báo' }));
    expect(await screen.findByText('Chưa có thông báo nào.')).toBeInTheDocument();
  });

  it('asks the server again every 60 seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { mock, state } = setup([]);
    await screen.findByRole('button', { name: 'Thông báo' });
    const gets = () => mock.calls.filter((c) => c.url.split('?')[0] === '/api/notifications').length;
    expect(gets()).toBe(1);
    state.items = list();
    await act(() => vi.advanceTimersByTimeAsync(59_000));
    expect(gets()).toBe(1);
    await act(() => vi.advanceTimersByTimeAsync(2_000));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Thông báo: 2 chưa đọc' })).toBeInTheDocument());
    expect(gets()).toBe(2);
  });
});

describe('notificationPath', () => {
  it('leads to review, compile or fill depending on whose report it is and its state', () => {
    expect(notificationPath('s1', { unitId: 'other', state: 'submitted', stateTags: ['submitted'] }, { unitId: 'me' })).toBe('/submissions/s1/review');
    expect(notificationPath('s1', { unitId: 'me', state: 'thu_thap', stateTags: ['collecting'] }, { unitId: 'me' })).toBe('/submissions/s1/compile');
    expect(notificationPath('s1', { unitId: 'me', state: 'pending_signature', stateTags: ['awaitingSignature'] }, { unitId: 'me' })).toBe('/submissions/s1');
    expect(notificationPath('s1', null, { unitId: 'me' })).toBe('/submissions/s1');
  });

  it('speaks Vietnamese relative time', () => {
    expect(relativeVi('2025-06-01T10:00:00Z', new Date('2025-06-01T10:05:00Z'))).toBe('5 phút trước');
    expect(relativeVi('2025-06-01T10:00:00Z', new Date('2025-06-03T10:00:00Z'))).toBe('2 ngày trước');
  });
});
