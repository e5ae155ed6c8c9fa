import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderAt } from '../../test/render';
import { useDeadlineCheck } from '../hooks/use-deadline-check';
import type { RoundDraft } from '../utils/round-payload';
import { DeadlineFindings, hasDeadlineErrors } from './DeadlineFindings';

/** The wizard's step: its draft, the check it asks for, and whether opening stays possible. */
function Step({ draft }: { draft: RoundDraft }) {
  const check = useDeadlineCheck(draft, true);
  return (
    <>
      <DeadlineFindings check={check} />
      <button data-testid="open-round" disabled={hasDeadlineErrors(check)}>
        Mở đợt báo cáo
      </button>
    </>
  );
}

const draft: RoundDraft = {
  name: 'Báo cáo 6 tháng',
  period: '2027-H1',
  rootUnitId: 'pgd-vg',
  rows: [
    { kind: 'truong_th', flowCode: 'truong', deadline: '2027-06-14' },
    { kind: 'phong', flowCode: 'phong', deadline: '2027-06-12' },
    { kind: 'truong_mn' },
  ],
};

describe(DeadlineFindings.name, () => {
  afterEach(() => vi.unstubAllGlobals());

  it("previews the server's findings in Vietnamese before the admin confirms, and blocks opening on an error", async () => {
    const calls = mockFetch((call) =>
      call.url === '/api/regimes/check-deadlines'
        ? {
            body: {
              findings: [
                { severity: 'error', message: 'Hạn của cấp "phong" (12/06/2027) phải sau hạn của cấp "truong_th" (14/06/2027): cấp trên cần thời gian tổng hợp báo cáo của cấp dưới.' },
                { severity: 'warning', message: 'Hạn của cấp "phong" (12/06/2027) là ngày nghỉ cuối tuần; ngày làm việc tiếp theo là 14/06/2027.' },
              ],
            },
          }
        : undefined,
    );
    renderAt('/', [{ path: '/', element: <Step draft={draft} /> }]);
    await screen.findByText(/phải sau hạn của cấp "truong_th"/);
    expect(screen.getByText(/là ngày nghỉ cuối tuần/)).toBeTruthy();
    expect((screen.getByTestId('open-round') as HTMLButtonElement).disabled).toBe(true);
    // Only the kinds that take part (a flow and a date) are checked.
    expect(calls.find((c) => c.url === '/api/regimes/check-deadlines')!.body).toEqual({
      rootUnitId: 'pgd-vg',
      period: '2027-H1',
      flows: { truong_th: 'truong', phong: 'phong' },
      deadlines: { truong_th: '2027-06-14', phong: '2027-06-12' },
    });
  });

  it('says so when the deadlines are fine, and lets the round open', async () => {
    mockFetch((call) => (call.url === '/api/regimes/check-deadlines' ? { body: { findings: [] } } : undefined));
    renderAt('/', [{ path: '/', element: <Step draft={draft} /> }]);
    await screen.findByText(/Hạn nộp hợp lệ/);
    await waitFor(() => expect((screen.getByTestId('open-round') as HTMLButtonElement).disabled).toBe(false));
  });
});
