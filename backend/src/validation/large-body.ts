/**
 * Large draft bodies are never parsed on the API thread. For the routes listed, a JSON body from the
 * validation threshold up is read as bytes; a validation thread parses it, checks its nesting depth
 * and hands back its small fields, and the document itself becomes a BodyText that only the thread
 * which validates it reads again. Smaller bodies are parsed here, as express.json would.
 */
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { badRequest } from '../common/errors.js';
import { MAX_JSON_DEPTH } from '../common/json-depth-measure.js';
import { BodyText } from './body-text.js';
import type { ValidationPool } from './validation-pool.js';

/** Routes whose body holds one large document, and the field that holds it. */
const ROUTES: { method: string; path: RegExp; field: string }[] = [{ method: 'PUT', path: /^\/api\/submissions\/[^/]+\/data\/?$/, field: 'data' }];

const INVALID = 'Dữ liệu gửi lên không phải JSON hợp lệ.';

export function largeDraftBodies(pool: ValidationPool, thresholdBytes: number, limit: string, measure: (req: Request, res: Response, buf: Buffer) => void): RequestHandler {
  const raw = express.raw({ type: ['application/json', 'application/*+json'], limit, verify: measure as never });
  return (req: Request, res: Response, next: NextFunction) => {
    const route = ROUTES.find((r) => r.method === req.method && r.path.test(req.path));
    if (!route) return next();
    raw(req, res, (err?: unknown) => {
      if (err) return next(err);
      const buf = req.body as unknown;
      if (!Buffer.isBuffer(buf)) return next();
      if (buf.length < thresholdBytes) {
        // as express.json (strict): an object or an array, else 400
        let body: unknown;
        try {
          body = buf.length ? JSON.parse(buf.toString('utf8')) : {};
        } catch {
          return next(badRequest(INVALID));
        }
        if (body === null || typeof body !== 'object') return next(badRequest(INVALID));
        req.body = body;
        return next();
      }
      pool.split(buf, route.field).then(
        (s) => {
          if (s.invalidJson) return next(badRequest(INVALID));
          if (s.tooDeep) return next(badRequest(`Dữ liệu gửi lên lồng nhau quá sâu (tối đa ${MAX_JSON_DEPTH} cấp).`));
          // not an object: the DTO refuses it as usual, naming the field
          req.body = { ...s.rest, [route.field]: s.fieldIsObject ? new BodyText(buf, route.field) : null };
          next();
        },
        (e: unknown) => next(e),
      );
    });
  };
}
