import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { mockFetch, renderWithProviders, UNIT_KINDS } from '../../test-utils/render';
import { sampleSubmission } from '../../test-utils/sample-submission';
import { SubmissionHeader } from './SubmissionHeader';

describe('SubmissionHeader', () => {
  beforeEach(() => localStorage.setItem('bdg.token', 't'));
  afterEach(() => vi.unstubAllGlobals());

  it('names the level above from the tree, with its kind’s label from the server', async () => {
    mockFetch({ 'GET /api/unit-kinds': () => [...UNIT_KINDS, { code: 'xa', label: 'Xã, phường', units: 2 }] });
    const sub = sampleSubmission({
      parentUnitName: 'UBND xã Tân Lạc',
      parentUnitKind: 'xa',
      state: 'submitted',
      stateLabel: 'Đã gửi, chờ UBND xã Tân Lạc duyệt',
    });
    renderWithProviders(<SubmissionHeader submission={sub} title="Báo cáo" />);
    expect(await screen.findByText('UBND xã Tân Lạc (Xã, phường)')).toBeInTheDocument();
    expect(screen.getByText('Đã gửi, chờ UBND xã Tân Lạc duyệt')).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('Phòng GD&ĐT');
  });

  it('a unit at the top has no level above', () => {
    mockFetch({ 'GET /api/unit-kinds': () => UNIT_KINDS });
    renderWithProviders(<SubmissionHeader submission={sampleSubmission({ parentUnitId: null, parentUnitName: null, parentUnitKind: null })} />);
    expect(screen.queryByTestId('parent-unit')).not.toBeInTheDocument();
  });
});
