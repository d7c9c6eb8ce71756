import type { ServerResponse } from 'node:http';
import type { ErrorBody } from '@hark/shared';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import type { Logger } from '../observability/logger.ts';
import { StoreUnavailableError } from '../store/port.ts';
import { HttpError, validationError } from './errors.ts';
import { writeJson } from './write-json.ts';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
}

/** Maps anything thrown to a client error; only true bugs become 500, and they are logged. */
export function toHttpError(err: unknown, log: Logger, where: { method?: string; url?: string }): HttpError {
  const bp = err as BodyParserError;
  if (err instanceof HttpError) return err;
  if (err instanceof z.ZodError) return validationError(err);
  if (bp?.type === 'entity.parse.failed') return new HttpError(400, 'invalid_json', `body is not valid JSON: ${bp.message}`);
  if (bp?.type === 'entity.too.large') return new HttpError(413, 'payload_too_large', `body larger than the ${bp.limit} bytes allowed`);
  if (bp?.type === 'encoding.unsupported' || bp?.type === 'charset.unsupported') return new HttpError(415, 'unsupported_media_type', bp.message);
  if (bp?.type === 'request.aborted') return new HttpError(400, 'bad_request', 'request aborted');
  if (typeof bp?.status === 'number' && bp.status >= 400 && bp.status < 500) return new HttpError(bp.status, 'bad_request', bp.message);
  if (err instanceof StoreUnavailableError) {
    log.warn({ err: err.message }, 'store unavailable');
    return new HttpError(503, 'store_unavailable', 'the store is unavailable; retry later', undefined, { 'Retry-After': '5' });
  }
  log.error({ err, ...where }, 'unhandled error');
  return new HttpError(500, 'internal', 'internal error');
}

/** Writes the one JSON error shape, on an Express response or a plain node:http one. */
export function sendError(res: ServerResponse, err: unknown, log: Logger, where: { method?: string; url?: string }): void {
  const e = toHttpError(err, log, where);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body: ErrorBody = { error: { code: e.code, message: e.message, ...(e.issues ? { issues: e.issues } : {}) } };
  writeJson(res, e.status, body, e.headers);
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => sendError(res, err, log, { method: req.method, url: req.originalUrl });
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `no route for ${req.method} ${req.path}`));
};
