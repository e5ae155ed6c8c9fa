/**
 * Signing the official PDF with a USB token (chữ ký số bằng thiết bị USB token): the server prepares the
 * document and answers the hash to sign, the token's local plugin signs it in the browser, the server
 * embeds the signature (POST …/pdf-signature/prepare, the plugin, POST …/pdf-signature/complete).
 */
import { apiFetch, errorMessage } from '../api/client';

/** The local signing plugin of a USB token, as the CA's browser bridge exposes it (window.BdgTokenPlugin). */
export interface TokenPlugin {
  /** The token's certificates, DER in base64, the signer's first. */
  certificates(): Promise<string[]>;
  /** RSA PKCS#1 v1.5 signature (base64) of a SHA-256 hash (base64); the user types the PIN on the plugin. */
  signHash(hashB64: string): Promise<string>;
}

export const TOKEN_STEPS = ['Chuẩn bị tài liệu', 'Chờ thiết bị ký', 'Gắn chữ ký', 'Hoàn tất'] as const;
export type TokenStep = 0 | 1 | 2 | 3;

export interface TokenApi {
  prepare(id: string, certificates: string[]): Promise<{ pendingId: string; hashToSign: string }>;
  complete(id: string, pendingId: string, signature: string): Promise<unknown>;
}

const enc = encodeURIComponent;
export const tokenApi: TokenApi = {
  prepare: (id, certificates) => apiFetch(`/api/submissions/${enc(id)}/pdf-signature/prepare`, { method: 'POST', json: { certificates } }),
  complete: (id, pendingId, signature) => apiFetch(`/api/submissions/${enc(id)}/pdf-signature/complete`, { method: 'POST', json: { pendingId, signature } }),
};

/** The plugin the page can reach, or null when none is installed (or it is not running). */
export function browserTokenPlugin(w: unknown = globalThis): TokenPlugin | null {
  const p = (w as { BdgTokenPlugin?: Partial<TokenPlugin> }).BdgTokenPlugin;
  return p && typeof p.certificates === 'function' && typeof p.signHash === 'function' ? (p as TokenPlugin) : null;
}

export class TokenSigningError extends Error {
  constructor(
    readonly step: TokenStep,
    message: string,
  ) {
    super(message);
  }
}

const NO_PLUGIN =
  'Không tìm thấy phần mềm ký số của USB token trên máy này. Hãy cài đặt và mở phần mềm ký số do nhà cung cấp chữ ký số cấp, cắm USB token rồi thử lại.';

/** Runs the three steps, telling each one as it starts; errors name the step in Vietnamese. */
export async function signWithToken(id: string, plugin: TokenPlugin | null, api: TokenApi, onStep: (s: TokenStep) => void, timeoutMs = 120_000): Promise<void> {
  onStep(0);
  if (!plugin) throw new TokenSigningError(0, NO_PLUGIN);
  let certificates: string[];
  try {
    certificates = await plugin.certificates();
  } catch (e) {
    throw new TokenSigningError(0, `Không đọc được chứng thư số trên USB token (${pluginReason(e)}). Hãy kiểm tra thiết bị đã cắm và còn hạn.`);
  }
  if (!certificates.length) throw new TokenSigningError(0, 'USB token không có chứng thư số nào. Hãy cắm đúng thiết bị ký số của người ký.');
  let prepared: { pendingId: string; hashToSign: string };
  try {
    prepared = await api.prepare(id, certificates);
  } catch (e) {
    throw new TokenSigningError(0, `Không chuẩn bị được văn bản để ký: ${errorMessage(e)}`);
  }
  onStep(1);
  let signature: string;
  try {
    signature = await withTimeout(plugin.signHash(prepared.hashToSign), timeoutMs);
  } catch (e) {
    const timedOut = e instanceof Error && e.message === 'timeout';
    throw new TokenSigningError(
      1,
      timedOut
        ? `Thiết bị ký không trả lời sau ${Math.round(timeoutMs / 1000)} giây. Hãy nhập mã PIN trên cửa sổ của phần mềm ký số rồi thử lại.`
        : `Thiết bị không ký được (${pluginReason(e)}). Có thể mã PIN sai hoặc người ký đã huỷ; hãy thử lại.`,
    );
  }
  onStep(2);
  try {
    await api.complete(id, prepared.pendingId, signature);
  } catch (e) {
    throw new TokenSigningError(2, `Máy chủ không gắn được chữ ký vào văn bản: ${errorMessage(e)}`);
  }
  onStep(3);
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('timeout')), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    );
  });
}

/** The plugin's own words (it speaks to the user in Vietnamese), not the API client's error mapping. */
function pluginReason(e: unknown): string {
  return e instanceof Error && e.message ? e.message : typeof e === 'string' && e ? e : 'lỗi không rõ';
}
