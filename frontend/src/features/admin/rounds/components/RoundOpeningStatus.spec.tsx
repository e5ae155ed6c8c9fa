import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import type { Round } from '../../api/types';
import { mockFetch, renderWithProviders } from '../../../../test-utils/render';
import { RoundOpeningStatus } from './RoundOpeningStatus';

const round = (over: Partial<Round>): Round => ({
  id: 'r1',
  name: 'Đợt quốc gia',
  templateCode: 't',
  templateVersion: 1,
  rootUnitId: 'bo',
  period: '2026',
  flows: {},
  deadlines: {},
  createdAt: '2026-11-28T00:00:00.000Z',
  counts: { total: 108876, byKind: {} },
  ...over,
});

describe('RoundOpeningStatus', () => {
  beforeEach(() => localStorage.setItem('bdg.token', 't'));
  afterEach(() => vi.unstubAllGlobals());

  it('follows a round opening in the background with its job’s progress bar', async () => {
    mockFetch({ 'GET /api/jobs/j1': () => ({ id: 'j1', name: 'round-open', state: 'active', progress: 42, result: null, error: null }) });
    renderWithProviders(<RoundOpeningStatus round={round({ status: 'opening', openJobId: 'j1' })} />);
    expect(screen.getByText('Đang tạo hồ sơ…')).toBeInTheDocument();
    expect(await screen.findByRole('progressbar', { name: 'Đang tạo hồ sơ: 42 %' })).toHaveAttribute('aria-valuenow', '42');
  });

  it('says when the round is open, and why it failed', () => {
    mockFetch({});
    renderWithProviders(
      <>
        <RoundOpeningStatus round={round({ status: 'open' })} />
        <RoundOpeningStatus round={round({ status: 'failed', openError: 'Mất kết nối tới cơ sở dữ liệu.' })} />
      </>,
    );
    expect(screen.getByText('Đang mở nhận báo cáo')).toBeInTheDocument();
    expect(screen.getByText('Mở thất bại')).toBeInTheDocument();
  });
});
