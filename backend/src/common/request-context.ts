import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

export interface RequestContext {
  ip: string | null;
  /** Bytes of the request body the JSON parser read (0 before parsing or without a body). */
  bodyBytes(): number;
}

/** Where a request came from (the audit log) and how big its body was (validation), without threading it through every call. */
export const requestContext = new AsyncLocalStorage<RequestContext>();

const BODY_BYTES = Symbol('bodyBytes');
type Measured = IncomingMessage & { [BODY_BYTES]?: number };

export function requestContextMiddleware(req: Request, _res: Response, next: NextFunction) {
  requestContext.run({ ip: req.ip ?? null, bodyBytes: () => (req as Measured)[BODY_BYTES] ?? 0 }, next);
}

/**
 * express.json's `verify` hook: counts the bytes actually read, whatever Content-Length said
 * (a chunked body has none). Kept on the request: stream callbacks may run outside the request's
 * async context.
 */
export function measureBody(req: IncomingMessage, _res: unknown, buf: Buffer) {
  (req as Measured)[BODY_BYTES] = buf.length;
}
