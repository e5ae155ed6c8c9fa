import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

/** Where a request came from, for the audit log, without threading it through every call. */
export const requestContext = new AsyncLocalStorage<{ ip: string | null }>();

export function requestContextMiddleware(req: Request, _res: Response, next: NextFunction) {
  requestContext.run({ ip: req.ip ?? null }, next);
}
