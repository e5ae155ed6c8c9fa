import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderAt } from '../test/render';
import { OrgUnitTreeSelect } from './OrgUnitTreeSelect';
import { pageOf } from '../../../test-utils/page';

const unit = (id: string, name: string, parentId: string | null, childCount = 0) => ({
  id,
  code: id.toUpperCase(),
  name,
  kind: parentId ? 'phong' : 'so',
  parentId,
  path: id,
  level: parentId ? 2 : 1,
  childCount,
  mergedIntoId: null,
});

describe(OrgUnitTreeSelect.name, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks the server when searching (the whole subtree), once per pause in typing', async () => {
    const calls = mockFetch(({ url }) => {
      if (url === '/api/org-units') return { body: pageOf([unit('so-hy', 'Sở GD&ĐT Hưng Yên', null, 3)]) };
      if (url.startsWith('/api/org-units?q=')) return { body: pageOf([unit('pgd-vg', 'Phòng GD&ĐT Văn Giang', 'so-hy')]) };
      return undefined;
    });
    renderAt('/', [{ path: '/', element: <OrgUnitTreeSelect data-testid="picker" /> }]);
    await waitFor(() => expect(calls.map((c) => c.url)).toContain('/api/org-units'));
    const input = screen.getByRole('combobox');
    fireEvent.mouseDown(input);
    fireEvent.change(input, { target: { value: 'Văn Giang' } });
    await waitFor(() => expect(calls.some((c) => new URL(c.url, 'http://x').searchParams.get('q') === 'Văn Giang')).toBe(true), { timeout: 3000 });
    // (jsdom lays out no dropdown rows; the e2e suite sees the found unit in Chromium.)
    await waitFor(() => expect(calls.filter((c) => c.url.startsWith('/api/org-units?q=')).length).toBe(1));
  });
});
