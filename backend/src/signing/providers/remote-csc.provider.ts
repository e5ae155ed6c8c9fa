import { type SigningProvider, SigningProviderError, type SigningSession } from './provider.js';

export interface CscConfig {
  /** Base URL of the CSC API v1, e.g. https://rs.example.vn/csc/v1 */
  baseUrl: string;
  /** OAuth2 access token of the service account (from configuration). */
  accessToken: string;
  /** Optional credential to use; else the first of credentials/list. */
  credentialId?: string | null;
  /** How long to wait for the signer's approval (on their phone) in credentials/authorize. */
  timeoutMs: number;
}

const SHA256 = '2.16.840.1.101.3.4.2.1';
const RSA = '1.2.840.113549.1.1.1';

/**
 * A remote signing service speaking the Cloud Signature Consortium API v1 (credentials/list,
 * credentials/info, credentials/authorize, signatures/signHash), the style of Vietnamese remote
 * signing services. The user approves on their phone while credentials/authorize waits.
 */
export class RemoteCscProvider implements SigningProvider {
  readonly kind = 'remote-csc' as const;
  readonly testOnly = false;

  constructor(private readonly cfg: CscConfig) {}

  private async call<T>(route: string, body: object, timeoutMs = 30_000): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.cfg.baseUrl.replace(/\/$/, '')}/${route}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${this.cfg.accessToken}` },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      const timedOut = (e as Error).name === 'TimeoutError';
      throw new SigningProviderError(
        timedOut ? `Dịch vụ ký số từ xa không trả lời trong ${Math.round(timeoutMs / 1000)} giây (${route}).` : `Không gọi được dịch vụ ký số từ xa (${route}).`,
      );
    }
    const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok) throw new SigningProviderError(`Dịch vụ ký số từ xa từ chối (${route}): ${String(json.error_description ?? json.error ?? res.status)}`);
    return json as T;
  }

  async open(): Promise<SigningSession> {
    let credentialID = this.cfg.credentialId ?? null;
    if (!credentialID) {
      const list = await this.call<{ credentialIDs?: string[] }>('credentials/list', { maxResults: 10 });
      credentialID = list.credentialIDs?.[0] ?? null;
      if (!credentialID) throw new SigningProviderError('Dịch vụ ký số từ xa không có chứng thư số nào cho tài khoản này.');
    }
    const info = await this.call<{ cert?: { certificates?: string[] } }>('credentials/info', { credentialID, certificates: 'chain' });
    const certificates = (info.cert?.certificates ?? []).map((b) => Buffer.from(b, 'base64'));
    if (!certificates.length) throw new SigningProviderError('Dịch vụ ký số từ xa không trả về chứng thư số.');
    const id = credentialID;
    return {
      certificates,
      signHash: async (hash) => {
        const b64 = hash.toString('base64');
        const auth = await this.call<{ SAD?: string }>('credentials/authorize', { credentialID: id, numSignatures: 1, hash: [b64] }, this.cfg.timeoutMs);
        if (!auth.SAD) throw new SigningProviderError('Người ký chưa xác nhận trên điện thoại (không có SAD).');
        const signed = await this.call<{ signatures?: string[] }>('signatures/signHash', {
          credentialID: id,
          SAD: auth.SAD,
          hash: [b64],
          hashAlgo: SHA256,
          signAlgo: RSA,
        });
        const sig = signed.signatures?.[0];
        if (!sig) throw new SigningProviderError('Dịch vụ ký số từ xa không trả về chữ ký.');
        return Buffer.from(sig, 'base64');
      },
    };
  }
}
