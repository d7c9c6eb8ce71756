import express, { type RequestHandler } from 'express';
import { HttpError } from './errors.ts';
import { rejectUnsafeKeys } from './unsafe-keys.ts';

/**
 * JSON bodies, also when sent as text/plain: that is what navigator.sendBeacon
 * sends, and it spares the widget a CORS preflight.
 */
export function jsonBody(limitKb: number, acceptTextPlain: boolean): RequestHandler[] {
  const types = acceptTextPlain ? ['application/json', 'application/*+json', 'text/plain'] : ['application/json', 'application/*+json'];
  const requireType: RequestHandler = (req, _res, next) => {
    if (!req.is(types)) {
      return next(
        new HttpError(415, 'unsupported_media_type', `send the body as ${types.join(' or ')}`, [
          { path: 'Content-Type', message: `got "${req.get('content-type') ?? 'none'}"` },
        ]),
      );
    }
    next();
  };
  return [requireType, express.json({ type: types, limit: `${limitKb}kb`, strict: true }), rejectUnsafeKeys];
}
