import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageOf } from '../../../../test-utils/page';
import { mockFetch, renderAt } from '../../test/render';
import { UsersPage } from './UsersPage';

afterEach(() => vi.unstubAllGlobals());

const user = (i: number) => ({
  id: `u${i}`,
  username: `truong${i}.editor`,
  fullName: i === 99 ? 'Nguyễn Thị Đào' : `Người dùng ${i}`,
  unitId: 'th',
  unitName: 'Trường TH Đại Hưng',
  unitKind: 'truong_th',
  roles: ['editor'],
  active: true,
});

const params = (url: string) => new URL(url, 'http://x').searchParams;

/** The users table pages by the server's cursor, sorts and searches on the server (GET /api/users?page=&pageSize=&q=&sort=&after=). */
describe('UsersPage', () => {
  it('shows the estimated total as "khoảng", goes to the next page by cursor and searches once typing pauses', async () => {
    const calls = mockFetch(({ url }) => {
      if (url.startsWith('/api/roles')) return { body: pageOf([]) };
      if (!url.startsWith('/api/users')) return undefined;
      const p = params(url);
      if (p.get('q')) return { body: pageOf([user(99)], { nextCursor: null }) };
      if (p.get('after') === 'CUR2') return { body: pageOf([user(51)], { total: 326_502, page: 2, totalApprox: true, nextCursor: 'CUR3' }) };
      return { body: pageOf(Array.from({ length: 50 }, (_, i) => user(i + 1)), { total: 326_502, totalApprox: true, nextCursor: 'CUR2' }) };
    });
    renderAt('/', [{ path: '/', element: <UsersPage /> }]);
    expect(await screen.findByText('truong1.editor')).toBeInTheDocument();
    expect(screen.getByText('1–50 / khoảng 326.502')).toBeInTheDocument();
    fireEvent.click(screen.getByTitle('2'));
    expect(await screen.findByText('truong51.editor', {}, { timeout: 5000 })).toBeInTheDocument();
    const second = params(calls.filter((c) => c.url.startsWith('/api/users')).at(-1)!.url);
    expect([second.get('page'), second.get('after')]).toEqual(['2', 'CUR2']);

    const box = screen.getByTestId('user-search');
    fireEvent.change(box.tagName === 'INPUT' ? box : box.querySelector('input')!, { target: { value: 'dao' } });
    expect(await screen.findByText('Nguyễn Thị Đào', {}, { timeout: 5000 })).toBeInTheDocument();
    const searches = calls.filter((c) => c.url.startsWith('/api/users') && params(c.url).get('q'));
    // one request for the whole word, not one per key
    expect(searches.map((c) => params(c.url).get('q'))).toEqual(['dao']);
    // a new search starts again from the first page, without the cursor of the list before
    expect([params(searches[0]!.url).get('page'), params(searches[0]!.url).get('after')]).toEqual(['1', null]);
  });

  it('sorts on the server by the column clicked', async () => {
    const calls = mockFetch(({ url }) => {
      if (url.startsWith('/api/roles')) return { body: pageOf([]) };
      if (url.startsWith('/api/users')) return { body: pageOf([user(1), user(2)]) };
      return undefined;
    });
    renderAt('/', [{ path: '/', element: <UsersPage /> }]);
    await screen.findByText('truong1.editor');
    const header = within(screen.getByRole('table')).getByText('Họ tên');
    fireEvent.click(header);
    await waitFor(() => expect(calls.some((c) => c.url.startsWith('/api/users') && params(c.url).get('sort') === 'fullName')).toBe(true));
    fireEvent.click(header);
    await waitFor(() => expect(calls.some((c) => c.url.startsWith('/api/users') && params(c.url).get('sort') === '-fullName')).toBe(true));
  });
});
