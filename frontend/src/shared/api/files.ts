/** Protected file downloads: bearer token, file name from Content-Disposition, or a 202 job to follow. */
import { ApiError, reportUnauthorized, tokenStore } from './client';

/**
 * The file name a server gave in Content-Disposition: RFC 5987 `filename*=UTF-8''…` (the Vietnamese
 * name) first, then the plain `filename="…"`; `fallback` when neither is usable.
 */
export function fileNameFromDisposition(header: string | null | undefined, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*([^;]+)/i.exec(header);
  if (star) {
    const raw = star[1].trim().replace(/^"(.*)"$/, '$1');
    const m = /^([\w-]*)'[^']*'(.*)$/.exec(raw);
    const encoded = m ? m[2] : raw;
    try {
      const name = sanitize(decodeURIComponent(encoded));
      if (name) return name;
    } catch {
      // A malformed escape: fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*("((?:[^"\\]|\\.)*)"|[^;]+)/i.exec(header);
  if (plain) {
    const name = sanitize((plain[2] ?? plain[1]).trim().replace(/\\(.)/g, '$1'));
    if (name) return name;
  }
  return fallback;
}

/** No path separators or control characters in a name we hand to the browser. */
function sanitize(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f/\\]/g, '_').trim();
}

export { saveBlob } from './save-blob';

export type FetchFileResult =
  | { kind: 'file'; blob: Blob; fileName: string }
  | { kind: 'job'; jobId: string; statusUrl?: string; fileUrl?: string };

/**
 * GET a protected file. 200 → the blob and its name; 202 `{jobId}` → the job to follow
 * (GET /api/jobs/:id). Errors carry the server's Vietnamese message.
 */
export async function fetchFile(path: string, fallbackName: string, signal?: AbortSignal): Promise<FetchFileResult> {
  const token = tokenStore.get();
  let res: Response;
  try {
    res = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {}, signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'Mất kết nối tới máy chủ. Hãy thử tải lại sau.');
  }
  if (res.status === 401) reportUnauthorized();
  if (!res.ok) {
    let message = `Lỗi máy chủ (${res.status})`;
    let details: unknown;
    try {
      const p = JSON.parse(await res.text()) as { message?: unknown; details?: unknown };
      if (typeof p.message === 'string') message = p.message;
      details = p.details;
    } catch {
      // Not JSON: keep the generic message.
    }
    throw new ApiError(res.status, message, details);
  }
  if (res.status === 202) {
    let p: { jobId?: unknown; id?: unknown; statusUrl?: unknown; fileUrl?: unknown } = {};
    try {
      p = JSON.parse(await res.text()) as typeof p;
    } catch {
      // handled below
    }
    const jobId = typeof p.jobId === 'string' ? p.jobId : typeof p.id === 'string' ? p.id : null;
    if (!jobId) throw new ApiError(202, 'Máy chủ nhận yêu cầu nhưng không trả về mã công việc. Vui lòng thử lại.');
    return {
      kind: 'job',
      jobId,
      statusUrl: typeof p.statusUrl === 'string' ? p.statusUrl : undefined,
      fileUrl: typeof p.fileUrl === 'string' ? p.fileUrl : undefined,
    };
  }
  const blob = await res.blob();
  return { kind: 'file', blob, fileName: fileNameFromDisposition(res.headers.get('Content-Disposition'), fallbackName) };
}
