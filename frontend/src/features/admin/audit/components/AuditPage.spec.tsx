import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AuditEntry } from '@bdg/api-types';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageOf } from '../../../../test-utils/page';
import { mockFetch, renderAt } from '../../test/render';
import { AuditPage } from './AuditPage';

afterEach(() => vi.unstubAllGlobals());

const entry = (i: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
  id: String(1000 - i),
  at: '2026-03-02T03:04:00.000Z',
  action: i % 2 ? 'save' : 'event:SUBMIT',
  entity: 'submission',
  entityId: `s${i}`,
  actorId: `u${i}`,
  actorName: `Văn thư ${i}`,
  actorUsername: `truong${i}.editor`,
  unitName: 'Trường TH Đại Hưng',
  detail: { version: i },
  ip: '10.0.0.1',
  ...over,
});

const params = (url: string) => new URL(url, 'http://x').searchParams;
const auditCalls = (calls: { url: string }[]) => calls.filter((c) => c.url.startsWith('/api/audit'));

/** "Nhật ký": GET /api/audit paged by the server's cursor, filtered and searched on the server. */
describe('AuditPage', () => {
  it('shows the entries in Vietnamese, the estimated total as "khoảng", and goes to the next page by cursor', async () => {
    const calls = mockFetch(({ url }) => {
      if (url.startsWith('/api/org-units')) return { body: pageOf([]) };
      if (!url.startsWith('/api/audit')) return undefined;
      const after = params(url).get('after');
      if (after === 'CUR2') return { body: pageOf([entry(51, { actorId: null, actorName: null, actorUsername: null, detail: null })], { total: 120_000, page: 2, totalApprox: true, nextCursor: 'CUR3' }) };
      return { body: pageOf(Array.from({ length: 50 }, (_, i) => entry(i + 1)), { total: 120_000, totalApprox: true, nextCursor: 'CUR2' }) };
    });
    renderAt('/', [{ path: '/', element: <AuditPage /> }]);
    expect(await screen.findByText('Văn thư 1 (truong1.editor)')).toBeInTheDocument();
    expect(screen.getAllByText('Lưu dữ liệu').length).toBeGreaterThan(0);
    expect(screen.getAllByText('Bước quy trình: SUBMIT').length).toBeGreaterThan(0);
    expect(screen.getByTestId('audit-total')).toHaveTextContent('khoảng 120.000 mục');
    expect(params(auditCalls(calls)[0]!.url).get('sort')).toBe('-at');

    fireEvent.click(screen.getByTitle('2'));
    expect(await screen.findByText('Hệ thống', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('(chi tiết quá dài, không hiển thị)')).toBeInTheDocument();
    const second = params(auditCalls(calls).at(-1)!.url);
    expect([second.get('page'), second.get('after')]).toEqual(['2', 'CUR2']);
  });

  it('filters by action on the server, from the first page again, and searches once typing pauses', async () => {
    const calls = mockFetch(({ url }) => {
      if (url.startsWith('/api/org-units')) return { body: pageOf([]) };
      if (url.startsWith('/api/audit')) return { body: pageOf([entry(1)], { total: 1, nextCursor: null }) };
      return undefined;
    });
    renderAt('/', [{ path: '/', element: <AuditPage /> }]);
    await screen.findByText('Văn thư 1 (truong1.editor)');
    expect(screen.getByTestId('audit-total')).toHaveTextContent('1 mục');

    fireEvent.mouseDown(within(screen.getByTestId('audit-action')).getByRole('combobox'));
    fireEvent.click(await screen.findByTitle('Xuất bản'));
    await waitFor(() => expect(params(auditCalls(calls).at(-1)!.url).get('action')).toBe('publish'));
    expect(params(auditCalls(calls).at(-1)!.url).get('page')).toBe('1');

    const box = screen.getByTestId('audit-search');
    fireEvent.change(box.tagName === 'INPUT' ? box : box.querySelector('input')!, { target: { value: 'dao' } });
    await waitFor(() => expect(params(auditCalls(calls).at(-1)!.url).get('q')).toBe('dao'), { timeout: 5000 });
    expect(params(auditCalls(calls).at(-1)!.url).get('action')).toBe('publish');
  });
});
