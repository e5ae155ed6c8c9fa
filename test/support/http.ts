/** A small fetch client for the API: status, parsed body and headers, never throws on 4xx/5xx. */
import { createHmac } from 'node:crypto';
import { DEMO } from './app.js';

export interface Res<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export interface ReqOptions {
  token?: string;
  body?: unknown;
  /** raw body (string or bytes) sent as is, with its content type */
  raw?: { data: string | Uint8Array; type: string };
  form?: FormData;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export class Api {
  constructor(public base: string) {}

  async req<T = any>(method: string, path: string, o: ReqOptions = {}): Promise<Res<T>> {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: BodyInit | undefined;
    if (o.form) body = o.form;
    else if (o.raw) {
      body = o.raw.data as BodyInit;
      headers['content-type'] = o.raw.type;
    } else if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers['content-type'] = 'application/json';
    }
    const send = () => fetch(this.base + path, { method, headers, body, signal: AbortSignal.timeout(o.timeoutMs ?? 60_000) });
    let r: Response;
    try {
      r = await send();
    } catch (e) {
      // Keep-alive race: the server closed an idle pooled socket just as it was reused; the request never
      // reached the app, so sending it once more is safe. Anything else (refused, timeout) is thrown.
      const code = (e as { cause?: { code?: string } }).cause?.code;
      if (code !== 'ECONNRESET' && code !== 'UND_ERR_SOCKET') throw e;
      r = await send();
    }
    const text = await r.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: r.status, body: parsed as T, text, headers: r.headers };
  }
  get<T = any>(path: string, token?: string, o: ReqOptions = {}) {
    return this.req<T>('GET', path, { ...o, token });
  }
  post<T = any>(path: string, token: string | undefined, body?: unknown, o: ReqOptions = {}) {
    return this.req<T>('POST', path, { ...o, token, body });
  }
  put<T = any>(path: string, token: string | undefined, body?: unknown) {
    return this.req<T>('PUT', path, { token, body });
  }

  async login(username: string, password = DEMO): Promise<string> {
    const r = await this.post('/api/auth/login', undefined, { username, password });
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`);
    return r.body.accessToken;
  }

  /** Logs several users in once; returns username → token. */
  async logins(users: string[], password = DEMO): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const u of users) out[u] = await this.login(u, u === 'admin' ? password : DEMO);
    return out;
  }

  event(token: string, id: string, type: string, extra: object = {}) {
    return this.post(`/api/submissions/${id}/events`, token, { type, ...extra });
  }
  save(token: string, id: string, data: unknown, version: number) {
    return this.put(`/api/submissions/${id}/data`, token, { data, version });
  }
}

/** HS256/HS512 (or unsigned `none`) JWTs, to forge and tamper tokens in the security suite. */
export function signJwt(payload: object, secret: string, alg: 'HS256' | 'HS384' | 'HS512' | 'none' = 'HS256', header: object = {}) {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = b64({ alg, typ: 'JWT', ...header });
  const body = b64(payload);
  if (alg === 'none') return `${head}.${body}.`;
  const h = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[alg];
  const sig = createHmac(h, secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

export function decodeJwt(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
}
