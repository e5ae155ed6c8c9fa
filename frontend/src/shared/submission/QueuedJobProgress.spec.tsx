import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { mockFetch, renderWithProviders } from '../../test-utils/render';
import { useSendEvent } from './hooks';
import { QueuedJobProgress } from './QueuedJobProgress';

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe(QueuedJobProgress.name, () => {
  it('follows a background compile with a progress bar until it ends, then says it is done (found again after leaving the page)', async () => {
    sessionStorage.setItem('bdg.job.s1', 'j1');
    let polls = 0;
    mockFetch({
      'GET /api/jobs/j1': () => (++polls < 2 ? { id: 'j1', name: 'compile-large', state: 'active', progress: 40, result: null, error: null } : { id: 'j1', name: 'compile-large', state: 'completed', progress: 100, result: {}, error: null }),
      'GET /api/submissions/s1': () => ({ id: 's1' }),
    });
    renderWithProviders(<QueuedJobProgress submissionId="s1" />);
    expect(await screen.findByText('Đang tổng hợp số liệu trong nền. Bạn có thể rời trang này và quay lại sau.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '40'));
    expect(await screen.findByText('Đã tổng hợp xong.', {}, { timeout: 5000 })).toBeInTheDocument();
  });

  it('shows the reason of a failed job in Vietnamese', async () => {
    sessionStorage.setItem('bdg.job.s2', 'j2');
    mockFetch({ 'GET /api/jobs/j2': () => ({ id: 'j2', name: 'compile-large', state: 'failed', progress: 10, result: null, error: 'Quá thời gian xử lý.' }) });
    renderWithProviders(<QueuedJobProgress submissionId="s2" />);
    expect(await screen.findByText('Tổng hợp không thành công: Quá thời gian xử lý.')).toBeInTheDocument();
  });

  it('a queued answer to an event is remembered as the job to follow, not taken for the submission', async () => {
    mockFetch({ 'POST /api/submissions/s3/events': () => ({ queued: true, jobId: 'j3', message: 'Đang tổng hợp 1500 đơn vị trong nền' }) });
    const client = new QueryClient();
    client.setQueryData(['submission', 's3'], { id: 's3', contentHash: 'h' });
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    const { result } = renderHook(() => useSendEvent('s3'), { wrapper });
    await act(() => result.current.mutateAsync({ type: 'COMPILE' }));
    await waitFor(() => expect(sessionStorage.getItem('bdg.job.s3')).toBe('j3'));
    expect(client.getQueryData(['submission', 's3'])).toEqual({ id: 's3', contentHash: 'h' });
  });
});
