import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { mockFetch, renderAt } from '../../test/render';
import { everyKindSchema, everyKindUi } from '../utils/fixtures';
import { TemplateEditorPage } from './TemplateEditorPage';
import { TemplateListPage } from './TemplateListPage';
import { pageOf } from '../../../../test-utils/page';

beforeAll(() => {
  // antd reads these in jsdom
  window.matchMedia ??= ((q: string) => ({
    matches: false,
    media: q,
    addEventListener() {},
    removeEventListener() {},
    addListener() {},
    removeListener() {},
    onchange: null,
    dispatchEvent: () => false,
  })) as never;
});
afterEach(() => vi.unstubAllGlobals());

const document = {
  parentBody: 'PHÒNG GD&ĐT KHOÁI CHÂU',
  issuingBody: '{unitName}',
  documentType: 'BÁO CÁO',
  symbol: 'BC',
  subject: 'Công tác BĐG',
  recipients: ['Như trên;'],
  signerTitle: 'HIỆU TRƯỞNG',
  placeName: 'Khoái Châu',
  bindings: { number: '/II/tenTruongBan', date: '/II/ngayThanhLap', signerName: '/II/tenTruongBan' },
};

const v1 = {
  id: 't1',
  code: 'bdg-khoai-chau',
  version: 1,
  title: 'Báo cáo BĐG Khoái Châu 2016–2020',
  periodKind: 'giai-doan',
  status: 'published',
  schema: everyKindSchema,
  uiSchema: everyKindUi,
  document,
  basedOn: null,
  ownerUnitId: 'u1',
  createdAt: '2020-05-01T00:00:00Z',
  publishedAt: '2020-05-02T00:00:00Z',
};

describe('TemplateListPage', () => {
  it('clones a published version into a new draft with basedOn and opens it', async () => {
    const calls = mockFetch(({ method, url }) => {
      if (method === 'GET' && url.split('?')[0] === '/api/templates')
        return {
          body: pageOf([
            {
              code: v1.code,
              title: v1.title,
              ownerUnitId: 'u1',
              versions: [{ version: 1, status: 'published', title: v1.title, publishedAt: v1.publishedAt }],
            },
          ]),
        };
      if (method === 'GET' && url === '/api/templates/bdg-khoai-chau/versions/1') return { body: v1 };
      if (method === 'POST' && url === '/api/templates/bdg-khoai-chau/versions')
        return {
          status: 201,
          body: { ...v1, version: 2, status: 'draft', basedOn: { code: v1.code, version: 1 } },
        };
    });
    renderAt('/admin/templates', [
      { path: '/admin/templates', element: <TemplateListPage /> },
      { path: '/admin/templates/:code/:version', element: <div data-testid="editor-opened" /> },
    ]);
    fireEvent.click(await screen.findByTestId('clone-bdg-khoai-chau-1'));
    fireEvent.click(await screen.findByTestId('confirm-clone'));
    await screen.findByTestId('editor-opened');
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toMatchObject({
      basedOn: { code: 'bdg-khoai-chau', version: 1 },
      schema: everyKindSchema,
      uiSchema: everyKindUi,
      title: v1.title,
    });
  });
});

describe('TemplateEditorPage', () => {
  const draft = {
    ...v1,
    version: 2,
    status: 'draft',
    basedOn: { code: v1.code, version: 1 },
    publishedAt: null,
  };

  function setup(
    extra: (c: {
      method: string;
      url: string;
      body: unknown;
    }) => { status?: number; body?: unknown } | undefined = () => undefined,
  ) {
    const calls = mockFetch((c) => {
      if (c.method === 'GET' && c.url === '/api/templates/bdg-khoai-chau/versions/2') return { body: draft };
      if (c.method === 'GET' && c.url === '/api/templates/bdg-khoai-chau/versions/1') return { body: v1 };
      return extra(c);
    });
    renderAt('/admin/templates/bdg-khoai-chau/2', [
      { path: '/admin/templates/:code/:version', element: <TemplateEditorPage /> },
    ]);
    return calls;
  }

  it('edits a field from the tree and saves the draft with PUT', async () => {
    const calls = setup((c) =>
      c.method === 'PUT' ? { body: { ...draft, ...(c.body as object) } } : undefined,
    );
    fireEvent.click(await screen.findByTestId('tree-node-soNu'));
    const title = within(screen.getByTestId('field-inspector')).getByLabelText('Tiêu đề hiển thị');
    fireEvent.change(title, { target: { value: 'Số nữ CB-GV-NV' } });
    fireEvent.click(screen.getByTestId('save-template'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.url).toBe('/api/templates/bdg-khoai-chau/versions/2');
    expect((put.body as { schema: { properties: Record<string, unknown> } }).schema.properties.I).toMatchObject({
      properties: { soNu: { title: 'Số nữ CB-GV-NV' } },
    });
  });

  it('refuses to publish while a lint error remains, then publishes after confirmation', async () => {
    const calls = setup((c) => {
      if (c.method === 'PUT') return { body: draft };
      if (c.method === 'POST' && c.url.endsWith('/publish'))
        return { body: { ...draft, status: 'published' } };
    });
    // A broken formula is an error beside the field.
    fireEvent.click(await screen.findByTestId('tree-node-tiLeNu'));
    fireEvent.change(screen.getByTestId('field-computed'), { target: { value: 'soNu / khongCo' } });
    expect((await screen.findAllByText(/không có trường “khongCo”/)).length).toBeGreaterThan(0);
    fireEvent.click(screen.getByTestId('publish-template'));
    await screen.findByTestId('lint-panel');
    expect(calls.some((c) => c.url.endsWith('/publish'))).toBe(false);
    // Clicking the finding goes back to the field; fix it.
    const finding = (await screen.findAllByTestId('lint-finding')).find((el) =>
      /khongCo/.test(el.textContent ?? ''),
    )!;
    fireEvent.click(finding);
    fireEvent.change(await screen.findByTestId('field-computed'), {
      target: { value: 'soNu / tongSo * 100' },
    });
    await waitFor(() => expect(screen.queryByTestId('lint-summary')).toBeNull());
    fireEvent.click(screen.getByTestId('publish-template'));
    expect(await screen.findByText(/KHÔNG THỂ SỬA/)).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('confirm-publish'));
    await waitFor(() =>
      expect(
        calls.some(
          (c) => c.method === 'POST' && c.url === '/api/templates/bdg-khoai-chau/versions/2/publish',
        ),
      ).toBe(true),
    );
    expect(calls.findIndex((c) => c.method === 'PUT')).toBeLessThan(
      calls.findIndex((c) => c.url.endsWith('/publish')),
    );
  });

  it('adds a required integer field to a section from the add menu', async () => {
    setup();
    fireEvent.click(await screen.findByTestId('tree-node-I'));
    fireEvent.click(screen.getByTestId('add-field'));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Số nguyên' }));
    const inspector = await screen.findByTestId('field-inspector');
    fireEvent.change(within(inspector).getByLabelText('Mã trường'), { target: { value: 'soDangVien' } });
    fireEvent.click(within(inspector).getByTestId('field-required'));
    expect(await screen.findByTestId('tree-node-soDangVien')).toHaveTextContent('*');
  });
});
