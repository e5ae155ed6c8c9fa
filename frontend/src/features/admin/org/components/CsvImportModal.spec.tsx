import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adminApi } from '../../api/admin-api';
import { mockFetch, renderAt } from '../../test/render';
import { CsvImportModal } from './CsvImportModal';

afterEach(() => vi.unstubAllGlobals());

function pick(file: File) {
  const input = document.querySelector('[data-testid="units-import"] input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [file] } });
}

function setup() {
  renderAt('/', [
    {
      path: '/',
      element: (
        <CsvImportModal
          open
          testid="units-import"
          title="Nhập"
          columnsHelp="Cột"
          run={(f, dry) => adminApi.importOrgUnits(f, dry)}
          onClose={() => {}}
        />
      ),
    },
  ]);
}

describe('CsvImportModal', () => {
  it('shows the dry run errors row by row and writes nothing', async () => {
    const calls = mockFetch(({ url }) =>
      url === '/api/org-units/import?dryRun=1'
        ? {
            body: {
              ok: false,
              created: 0,
              errors: [{ line: 3, column: 'parentCode', message: 'Không có đơn vị cấp trên “phong-x”' }],
            },
          }
        : undefined,
    );
    setup();
    pick(
      new File(['code,name,kind,parentCode\nth-a,Trường A,truong_th,phong-x\n'], 'donvi.csv', {
        type: 'text/csv',
      }),
    );
    expect(await screen.findByText('Không có đơn vị cấp trên “phong-x”')).toBeInTheDocument();
    expect(screen.getByTestId('units-import-run')).toBeDisabled();
    expect(calls.map((c) => c.url)).toEqual(['/api/org-units/import?dryRun=1']);
    expect(calls[0]!.body).toBeInstanceOf(FormData);
  });

  it('refuses an empty file before sending anything', async () => {
    const calls = mockFetch(() => undefined);
    setup();
    pick(new File([new Uint8Array()], 'donvi.csv', { type: 'text/csv' }));
    expect(await screen.findByTestId('units-import-error')).toHaveTextContent(/trống/);
    expect(calls).toEqual([]);
  });

  it('imports after a clean dry run and a confirmation', async () => {
    const calls = mockFetch(({ url }) =>
      url.endsWith('dryRun=1')
        ? { body: { ok: true, created: 2, errors: [] } }
        : url === '/api/org-units/import'
          ? { body: { ok: true, created: 2, errors: [] } }
          : undefined,
    );
    setup();
    pick(
      new File(['code,name,kind,parentCode\na,A,truong_th,p\nb,B,truong_th,p\n'], 'donvi.csv', {
        type: 'text/csv',
      }),
    );
    await waitFor(() => expect(screen.getByTestId('units-import-run')).not.toBeDisabled());
    fireEvent.click(screen.getByTestId('units-import-run'));
    fireEvent.click(await screen.findByTestId('units-import-confirm'));
    expect(await screen.findByTestId('units-import-done')).toHaveTextContent('Đã nhập 2 dòng');
    expect(calls.map((c) => c.url)).toEqual(['/api/org-units/import?dryRun=1', '/api/org-units/import']);
  });
});
