import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderWithProviders } from '../../../test-utils/render';
import { AttachmentsPanel } from './AttachmentsPanel';

vi.setConfig({ testTimeout: 20000 });
afterEach(() => vi.unstubAllGlobals());

const MB = 1024 * 1024;

describe('AttachmentsPanel', () => {
  it('states the limits the server enforces and refuses a larger file before sending it', async () => {
    const { calls } = mockFetch({
      'GET /api/submissions/s1/attachments': () => [],
      'GET /api/submissions/s1/attachments/quota': () => ({ maxFileBytes: 15 * MB, maxFiles: 30, maxTotalBytes: 100 * MB, files: 2, totalBytes: 3 * MB }),
    });
    renderWithProviders(<AttachmentsPanel submissionId="s1" editable />);
    expect(await screen.findByText(/tối đa 15 MB mỗi tệp, 30 tệp và 100 MB cho mỗi báo cáo \(đã dùng 2 tệp, 3 MB\)/)).toBeTruthy();
    const input = document.querySelector('[data-testid="attachments"] input[type="file"]') as HTMLInputElement;
    const big = new File(['x'], 'ban-ve.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: 16 * MB });
    fireEvent.change(input, { target: { files: [big] } });
    expect((await screen.findByRole('alert')).textContent).toContain('tối đa 15 MB mỗi tệp');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });
});
