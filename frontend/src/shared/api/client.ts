/** One HTTP client for every feature: bearer token, JSON, and the API's error shape. */
import { saveBlob } from './save-blob';

export interface FieldProblem {
  path: string;
  title: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
  /** The 422 field list, when the server sent one. */
  get fieldProblems(): FieldProblem[] {
    return Array.isArray(this.details) ? (this.details as FieldProblem[]) : [];
  }
}

const TOKEN_KEY = 'bdg.token';
export const tokenStore = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (t: string) => localStorage.setItem(TOKEN_KEY, t),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

let onUnauthorized: () => void = () => {};
/** The app shell decides what an expired session does (back to sign-in, keeping form input). */
export function setUnauthorizedHandler(fn: () => void) {
  onUnauthorized = fn;
}
/** For requests made outside apiFetch (file downloads): a 401 goes through the same handler. */
export function reportUnauthorized() {
  onUnauthorized();
}

export async function apiFetch<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const headers = new Headers(init.headers);
  const token = tokenStore.get();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(init.json);
  }
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers, body });
  } catch {
    throw new ApiError(0, 'Mất kết nối tới máy chủ. Dữ liệu bạn nhập vẫn được giữ; hệ thống sẽ thử lại.');
  }
  if (res.status === 401 && !path.startsWith('/api/auth/login')) onUnauthorized();
  const text = await res.text();
  const payload = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const p = (payload ?? {}) as { message?: unknown; details?: unknown };
    const message = typeof p.message === 'string' ? p.message : `Lỗi máy chủ (${res.status})`;
    throw new ApiError(res.status, message, p.details);
  }
  return payload as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Multipart upload with progress (fetch cannot report upload progress), same token and error shape as apiFetch. */
export function apiUpload<T>(
  path: string,
  file: Blob,
  opts: { fieldName?: string; fileName?: string; onProgress?: (percent: number) => void; signal?: AbortSignal } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    const token = tokenStore.get();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress?.(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () =>
      reject(new ApiError(0, 'Mất kết nối tới máy chủ. Tệp chưa được tải lên; hãy thử lại.'));
    xhr.onload = () => {
      if (xhr.status === 401) onUnauthorized();
      const payload = xhr.responseText ? safeJson(xhr.responseText) : undefined;
      if (xhr.status >= 200 && xhr.status < 300) return resolve(payload as T);
      const p = (payload ?? {}) as { message?: unknown; details?: unknown };
      const message = typeof p.message === 'string' ? p.message : `Lỗi máy chủ (${xhr.status})`;
      reject(new ApiError(xhr.status, message, p.details));
    };
    opts.signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append(opts.fieldName ?? 'file', file, opts.fileName ?? (file instanceof File ? file.name : 'tep'));
    xhr.send(form);
  });
}

/** A readable Vietnamese message for anything thrown by a request or by code. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error && /[À-ỹ]/.test(err.message)) return err.message;
  return 'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại.';
}

/** Downloads a protected file (the bearer token cannot ride on a plain link). */
export async function apiDownload(path: string, fileName: string): Promise<void> {
  const token = tokenStore.get();
  let res: Response;
  try {
    res = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(0, 'Mất kết nối tới máy chủ. Hãy thử tải lại sau.');
  }
  if (res.status === 401) onUnauthorized();
  if (!res.ok) {
    const p = (safeJson(await res.text()) ?? {}) as { message?: unknown };
    throw new ApiError(res.status, typeof p.message === 'string' ? p.message : `Lỗi máy chủ (${res.status})`);
  }
  saveBlob(await res.blob(), fileName);
}
