/**
 * RJSF picks oneOf/anyOf/if branches with its validator, which loads on demand (validation-on-demand.ts): a form
 * whose template has such branches waits for it, and then shows the branch the data takes; any other form renders
 * at once without it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import { heldDownload } from '../../test-utils/held-download';
import { renderWithProviders } from '../../test-utils/render';

let download = heldDownload();

async function renderForm(schema: Record<string, unknown>, data: Record<string, unknown>) {
  const { SchemaForm, useSections } = await import('./SchemaForm');
  const { FormStore } = await import('./form-store');
  const { prepareForm } = await import('./prepare-form');
  const prepared = prepareForm(schema);
  const store = new FormStore(data);
  function Harness() {
    return <SchemaForm prepared={prepared} store={store} sections={useSections(prepared)} />;
  }
  renderWithProviders(<Harness />);
}

describe('SchemaForm and its on-demand validator', () => {
  beforeEach(() => {
    vi.resetModules();
    download = heldDownload();
    vi.doMock('./validation-engines', download.factory);
  });
  afterEach(() => download.release());

  it('waits for the validator before a template with if/then, then shows the branch the data takes', async () => {
    await renderForm(
      {
        type: 'object',
        properties: { coHoatDong: { type: 'boolean', title: 'Có hoạt động' } },
        if: { properties: { coHoatDong: { const: true } }, required: ['coHoatDong'] },
        then: { properties: { moTa: { type: 'string', title: 'Mô tả hoạt động' } } },
      },
      { coHoatDong: true },
    );
    await waitFor(() => expect(download.started).toBe(true));
    expect(screen.queryByLabelText('Có hoạt động')).not.toBeInTheDocument();
    act(() => download.release());
    expect(await screen.findByLabelText('Mô tả hoạt động')).toBeInTheDocument();
    expect(screen.getByLabelText('Có hoạt động')).toBeChecked();
  });

  it('renders a template without branches at once, never loading the validator', async () => {
    await renderForm({ type: 'object', properties: { tongSo: { type: 'integer', title: 'Tổng số' } } }, { tongSo: 4 });
    expect(await screen.findByLabelText('Tổng số')).toHaveValue('4');
    expect(download.started).toBe(false);
  });

  it('shows a dropdown (a widget loaded with the rare ones, rjsf-theme.tsx) once its chunk is in', async () => {
    await renderForm({ type: 'object', properties: { capHoc: { type: 'string', title: 'Cấp học', enum: ['Tiểu học', 'THCS'] } } }, { capHoc: 'THCS' });
    const select = await screen.findByRole('combobox', { name: 'Cấp học' });
    expect(select.closest('.ant-select')).toHaveTextContent('THCS');
    expect(download.started).toBe(false);
  });
});
