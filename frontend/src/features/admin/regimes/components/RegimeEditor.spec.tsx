import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Regime } from '@bdg/regimes';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Call, mockFetch, renderAt } from '../../test/render';
import { regimeExample } from '../utils/regime-view';
import { RegimeEditor } from './RegimeEditor';

const plannedRound = (year: number) => ({
  period: `${year}-H1`,
  periodLabel: `6 tháng đầu năm ${year}`,
  name: `Báo cáo — 6 tháng đầu năm ${year}`,
  opensOn: `${year}-05-01`,
  cutOff: { from: `${year - 1}-12-15`, to: `${year}-06-14` },
  deadlines: [
    { kinds: ['truong_th'], label: 'trường', date: `${year}-05-29`, requested: `${year}-05-30`, note: `30/05/${year} là Chủ nhật: hạn chuyển sang ngày làm việc tiếp theo` },
    { kinds: ['phong'], label: 'Phòng GD&ĐT', date: `${year}-06-05` },
  ],
  findings: [],
});

/** The server's draft preview: a level without a valid date is a lint problem; otherwise two years of rounds. */
function server(): Call[] {
  return mockFetch((call) => {
    if (call.url === '/api/org-units') return { body: [] };
    if (call.url === '/api/templates') return { body: [{ code: 'bdg-vstbpn-dinh-ky', title: 'Báo cáo BĐG định kỳ', ownerUnitId: 'u', versions: [{ version: 1, status: 'published', title: 't', publishedAt: null }] }] };
    if (call.url === '/api/flows') return { body: ['truong', 'phong', 'so'].map((code) => ({ code, title: code, versions: [{ version: 1, status: 'published', publishedAt: null }] })) };
    if (call.url === '/api/regimes/draft/preview') {
      const def = (call.body as { definition: Regime }).definition;
      const bad = def.levels.some((l) => 'date' in l.deadline && l.deadline.date === '31/2');
      if (bad) return { body: { problems: [{ path: 'definition.levels.0.deadline.date', title: 'Chế độ báo cáo', message: 'Hạn "31/2" không phải ngày/tháng hợp lệ (ví dụ "10/6").' }], rounds: [] } };
      return { body: { problems: [], rounds: [plannedRound(2027), plannedRound(2028)] } };
    }
    if (call.method === 'POST' && call.url === '/api/regimes') return { status: 201, body: { code: 'x', definition: (call.body as { definition: Regime }).definition } };
    return undefined;
  });
}

// A modal full of antd inputs renders slowly in jsdom on a loaded machine: room beyond the default.
const SLOW = 240_000;

describe(RegimeEditor.name, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('previews the next rounds with their computed dates while the admin fills the form, then saves the regime it shows', async () => {
    const calls = server();
    const onClose = vi.fn();
    renderAt('/', [{ path: '/', element: <RegimeEditor initial={{ ...regimeExample('SO-HY'), levels: regimeExample('SO-HY').levels.slice(0, 2), flows: { truong_th: 'truong', phong: 'phong' } }} editing={false} onClose={onClose} /> }]);
    const preview = await screen.findByTestId('regime-draft-preview', {}, { timeout: 15_000 });
    await within(preview).findByText('6 tháng đầu năm 2027', {}, { timeout: 15_000 });
    expect(within(preview).getByText('6 tháng đầu năm 2028')).toBeTruthy();
    expect(preview.textContent).toContain('trường: 29/05/2027 (dời từ 30/05/2027)');
    expect(preview.textContent).toContain('Phòng GD&ĐT: 05/06/2027');

    fireEvent.change(screen.getByTestId('regime-name'), { target: { value: 'Báo cáo 6 tháng BĐG (Hưng Yên)' } });
    fireEvent.change(screen.getByTestId('regime-code'), { target: { value: 'hy-6-thang' } });
    fireEvent.change(screen.getByTestId('regime-level-date-1'), { target: { value: '8/6' } });
    const save = () => screen.getByTestId('save-regime') as HTMLButtonElement;
    await waitFor(() => expect(calls.filter((c) => c.url === '/api/regimes/draft/preview').at(-1)?.body).toMatchObject({ definition: { code: 'hy-6-thang' } }));
    await waitFor(() => expect(save().disabled).toBe(false));
    fireEvent.click(save());
    await waitFor(() => expect(onClose).toHaveBeenCalledWith(true));
    const posted = calls.find((c) => c.method === 'POST' && c.url === '/api/regimes')!.body as { definition: Regime };
    expect(posted.definition).toMatchObject({
      code: 'hy-6-thang',
      name: 'Báo cáo 6 tháng BĐG (Hưng Yên)',
      template: { code: 'bdg-vstbpn-dinh-ky' },
      frequency: 'half-year',
      halves: [1],
      rootUnitCode: 'SO-HY',
      flows: { truong_th: 'truong', phong: 'phong' },
      levels: [
        { kinds: ['truong_th'], label: 'trường', deadline: { date: '30/5' } },
        { kinds: ['phong'], label: 'Phòng GD&ĐT', deadline: { date: '8/6' } },
      ],
    });
  }, SLOW);

  it("shows the lint's Vietnamese problems with their place and refuses to save", async () => {
    server();
    renderAt('/', [{ path: '/', element: <RegimeEditor initial={regimeExample('SO-HY')} editing={false} onClose={() => {}} /> }]);
    await screen.findByTestId('regime-draft-preview', {}, { timeout: 15_000 });
    fireEvent.change(screen.getByTestId('regime-level-date-0'), { target: { value: '31/2' } });
    const problems = await screen.findByTestId('regime-problems', {}, { timeout: 15_000 });
    expect(problems.textContent).toContain('Các cấp › cấp 1 › Hạn nộp › Ngày: Hạn "31/2" không phải ngày/tháng hợp lệ');
    expect((screen.getByTestId('save-regime') as HTMLButtonElement).disabled).toBe(true);
  }, SLOW);
});
