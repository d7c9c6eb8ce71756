import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import typeis from 'type-is';
import { HttpError } from './errors.ts';
import { findUnsafeKey } from './unsafe-keys.ts';

/** Connect-style: usable as Express middleware and on a plain node:http request (the ingest endpoint). */
export type BodyHandler = (req: IncomingMessage & { body?: unknown }, res: ServerResponse, next: (err?: unknown) => void) => void;

/**
 * JSON bodies, also when sent as text/plain: that is what navigator.sendBeacon
 * sends, and it spares the widget a CORS preflight. The parsed body is then
 * walked for keys that could reach a prototype or read as MongoDB operators.
 */
export function jsonBody(limitKb: number, acceptTextPlain: boolean): [BodyHandler] {
  const types = acceptTextPlain ? ['application/json', 'application/*+json', 'text/plain'] : ['application/json', 'application/*+json'];
  const parse = express.json({ type: types, limit: `${limitKb}kb`, strict: true }) as unknown as BodyHandler;
  // One handler rather than three middleware layers: this sits on the ingest hot path.
  const body: BodyHandler = (req, res, next) => {
    if (!typeis(req, types)) {
      return next(
        new HttpError(415, 'unsupported_media_type', `send the body as ${types.join(' or ')}`, [
          { path: 'Content-Type', message: `got "${req.headers['content-type'] ?? 'none'}"` },
        ]),
      );
    }
    parse(req, res, (err?: unknown) => {
      if (err) return next(err);
      const bad = findUnsafeKey(req.body);
      if (bad) return next(new HttpError(400, 'validation_failed', `Invalid request body: ${bad.path}: ${bad.message}`, [bad]));
      next();
    });
  };
  return [body];
}
