import type { NextFunction, Request, Response } from 'express';
import { badRequest } from './errors.js';

import { MAX_JSON_DEPTH, jsonDepthExceeds } from './json-depth-measure.js';

export { MAX_JSON_DEPTH, jsonDepthExceeds };

/** Refuses over-deep JSON before validation and transformation recurse into it. */
export function jsonDepthGuard(req: Request, _res: Response, next: NextFunction) {
  if (req.body && typeof req.body === 'object' && jsonDepthExceeds(req.body))
    return next(badRequest(`Dữ liệu gửi lên lồng nhau quá sâu (tối đa ${MAX_JSON_DEPTH} cấp).`));
  next();
}
