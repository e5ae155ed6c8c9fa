import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderAt } from '../../test/render';
import { truongFlow } from '../utils/fixtures';
import { FlowEditorPage } from './FlowEditorPage';
import { pageOf } from '../../../../test-utils/page';

beforeAll(() => {
  if (!('ResizeObserver' in globalThis)) {
    class RO {
      observe() {}
      unobserve() {}
      disconnect() {}
    }
    Object.assign(globalThis, { ResizeObserver: RO });
  }
});
afterEach(() => vi.unstubAllGlobals());

const fv = {
  id: 'f1',
  code: 'truong',
  version: 1,
  title: 'Trường',
  status: 'published',
  machine: truongFlow,
  ownerUnitId: 'u',
  createdAt: '',
  publishedAt: '',
};

describe('FlowEditorPage', () => {
  it('adds a transition, shows the lint error, fixes it and publishes a copy as a new version', async () => {
    const calls = mockFetch((c) => {
      if (c.url === '/api/flows/truong/versions/1') return { body: fv };
      if (c.url.split('?')[0] === '/api/rounds')
        return {
          body: pageOf([
            {
              id: 'r1',
              name: 'Đợt 2025',
              period: '2025',
              flows: { truong_th: 'truong-moi' },
              deadlines: {},
              counts: { total: 1, byKind: {} },
            },
          ]),
        };
      if (c.method === 'POST' && c.url === '/api/flows/truong-moi/versions')
        return { status: 201, body: { ...fv, code: 'truong-moi', version: 1, status: 'draft' } };
      if (c.method === 'POST' && c.url === '/api/flows/truong-moi/versions/1/publish')
        return { body: { ...fv, code: 'truong-moi' } };
    });
    renderAt('/admin/flows/truong/1?as=truong-moi', [
      { path: '/admin/flows/:code/:version', element: <FlowEditorPage /> },
    ]);
    // The fixture's `returned` SUBMIT has no label: the package lint reports it on the graph.
    await screen.findByTestId('flow-editor');
    expect(await screen.findByTestId('flow-error-count')).toHaveTextContent('1 lỗi');
    // Select the state from the lint list and fix its transition's label.
    const finding = (await screen.findAllByTestId('flow-finding'))[0]!;
    fireEvent.click(finding);
    const form = await screen.findByTestId('transition-form');
    fireEvent.change(within(form).getByLabelText('Nhãn nút bấm'), { target: { value: 'Gửi ký lại' } });
    fireEvent.click(within(form).getByTestId('save-transition'));
    await waitFor(() => expect(screen.queryByTestId('flow-error-count')).toBeNull());
    // Simulation lists the paths once the flow is clean.
    fireEvent.click(screen.getByRole('tab', { name: 'Mô phỏng các đường đi' }));
    const paths = await screen.findAllByTestId('simulation-path');
    expect(paths[0]).toHaveTextContent(/^1\. Soạn thảo → Gửi ký → Hiệu trưởng ký/);
    expect((await screen.findAllByTestId('simulation-loop')).map((el) => el.textContent)).toEqual(
      expect.arrayContaining([expect.stringContaining('Đã gửi → Phòng trả lại → Bị trả lại')]),
    );
    fireEvent.click(screen.getByTestId('publish-flow'));
    fireEvent.click(await screen.findByTestId('confirm-flow-save'));
    await waitFor(() =>
      expect(calls.some((c) => c.url === '/api/flows/truong-moi/versions/1/publish')).toBe(true),
    );
    const post = calls.find((c) => c.method === 'POST' && c.url === '/api/flows/truong-moi/versions')!;
    const machine = (
      post.body as { machine: { id: string; states: Record<string, { on?: Record<string, unknown> }> } }
    ).machine;
    expect(machine.id).toBe('truong-moi');
    expect(machine.states.returned!.on!.SUBMIT).toEqual({
      target: 'pending_signature',
      meta: { label: 'Gửi ký lại' },
    });
  });
});
