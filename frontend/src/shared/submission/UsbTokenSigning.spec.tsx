import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../test-utils/render';
import { signWithToken, type TokenApi, type TokenPlugin, TokenSigningError } from './token-signing';
import { UsbTokenSigning } from './UsbTokenSigning';

/** Stands in for the USB token's local plugin (as backend/src/signing/testing/mock-token-plugin.ts does on the server). */
function fakePlugin(fail: Error[] = []): TokenPlugin & { signed: string[] } {
  const signed: string[] = [];
  return {
    signed,
    certificates: async () => ['TUlJQg=='],
    signHash: async (h) => {
      const e = fail.shift();
      if (e) throw e;
      signed.push(h);
      return 'c2lnbmF0dXJl';
    },
  };
}

function fakeApi() {
  const calls: string[] = [];
  const api: TokenApi = {
    prepare: vi.fn(async (id: string) => (calls.push(`prepare ${id}`), { pendingId: `p${calls.length}`, hashToSign: 'aGFzaA==' })),
    complete: vi.fn(async (id: string, pendingId: string, sig: string) => (calls.push(`complete ${id} ${pendingId} ${sig}`), {})),
  };
  return { api, calls };
}

describe('signWithToken', () => {
  it('prepares, lets the token sign the hash, then has the server embed it, telling each step', async () => {
    const plugin = fakePlugin();
    const { api, calls } = fakeApi();
    const steps: number[] = [];
    await signWithToken('s1', plugin, api, (s) => steps.push(s));
    expect(steps).toEqual([0, 1, 2, 3]);
    expect(plugin.signed).toEqual(['aGFzaA==']);
    expect(calls).toEqual(['prepare s1', 'complete s1 p1 c2lnbmF0dXJl']);
  });

  it.each([
    ['no plugin', null, 0, /Không tìm thấy phần mềm ký số/],
    ['a refused PIN', fakePlugin([new Error('PIN sai')]), 1, /Thiết bị không ký được \(PIN sai\)/],
  ])('names the failed step: %s', async (_l, plugin, step, message) => {
    const error = await signWithToken('s1', plugin, fakeApi().api, () => {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenSigningError);
    expect((error as TokenSigningError).step).toBe(step);
    expect((error as Error).message).toMatch(message);
  });

  it('gives up waiting for the device with a clear message', async () => {
    const plugin: TokenPlugin = { certificates: async () => ['TUlJQg=='], signHash: () => new Promise(() => {}) };
    const error = await signWithToken('s1', plugin, fakeApi().api, () => {}, 20).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/không trả lời sau 0 giây.*mã PIN/);
  });
});

describe('UsbTokenSigning', () => {
  it('shows the steps, an error at the device step, and signs on retry', async () => {
    const plugin = fakePlugin([new Error('Người dùng huỷ')]);
    const { api } = fakeApi();
    const onSigned = vi.fn();
    renderWithProviders(<UsbTokenSigning submissionId="s1" plugin={plugin} api={api} onSigned={onSigned} />);
    await userEvent.click(screen.getByTestId('usb-token-sign'));
    expect(await screen.findByTestId('usb-token-error')).toHaveTextContent('Thiết bị không ký được (Người dùng huỷ)');
    for (const t of ['Chuẩn bị tài liệu', 'Chờ thiết bị ký', 'Gắn chữ ký', 'Hoàn tất']) expect(screen.getByTestId('usb-token-signing')).toHaveTextContent(t);
    expect(onSigned).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: /Thử lại/ }));
    expect(await screen.findByTestId('usb-token-done')).toHaveTextContent('Đã ký số văn bản bằng USB token.');
    expect(onSigned).toHaveBeenCalledTimes(1);
    expect(api.prepare).toHaveBeenCalledTimes(2);
  });

  it('without a plugin, says what to install', async () => {
    renderWithProviders(<UsbTokenSigning submissionId="s1" plugin={null} api={fakeApi().api} onSigned={() => {}} />);
    await userEvent.click(screen.getByTestId('usb-token-sign'));
    expect(await screen.findByTestId('usb-token-error')).toHaveTextContent('Không tìm thấy phần mềm ký số của USB token');
  });
});
