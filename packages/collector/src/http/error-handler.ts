import type { ErrorBody } from '@hark/shared';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import type { Logger } from '../observability/logger.ts';
import { StoreUnavailableError } from '../store/port.ts';
import { HttpError, validationError } from './errors.ts';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
}

/** Maps anything thrown to the one JSON error shape; only true bugs become 500, and they are logged. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    let e: HttpError;
    const bp = err as BodyParserError;
    if (err instanceof HttpError) e = err;
    else if (err instanceof z.ZodError) e = validationError(err);
    else if (bp?.type === 'entity.parse.failed') e = new HttpError(400, 'invalid_json', `body is not valid JSON: ${bp.message}`);
    else if (bp?.type === 'entity.too.large') e = new HttpError(413, 'payload_too_large', `body larger than the ${bp.limit} bytes allowed`);
    else if (bp?.type === 'encoding.unsupported' || bp?.type === 'charset.unsupported') {
      e = new HttpError(415, 'unsupported_media_type', bp.message);
    } else if (bp?.type === 'request.aborted') e = new HttpError(400, 'bad_request', 'request aborted');
    else if (typeof bp?.status === 'number' && bp.status >= 400 && bp.status < 500) e = new HttpError(bp.status, 'bad_request', bp.message);
    else if (err instanceof StoreUnavailableError) {
      log.warn({ err: err.message }, 'store unavailable');
      e = new HttpError(503, 'store_unavailable', 'the store is unavailable; retry later', undefined, { 'Retry-After': '5' });
    } else {
      log.error({ err, url: req.originalUrl, method: req.method }, 'unhandled error');
      e = new HttpError(500, 'internal', 'internal error');
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const body: ErrorBody = { error: { code: e.code, message: e.message, ...(e.issues ? { issues: e.issues } : {}) } };
    if (e.headers) res.set(e.headers);
    res.status(e.status).json(body);
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `no route for ${req.method} ${req.path}`));
};
