import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';

/**
 * JSON with an ETag, answering 304 to a matching If-None-Match. Express's own
 * freshness check gives up when the request says `Cache-Control: no-cache`, which
 * fetch() adds to every request carrying a manual If-None-Match, as the widget's
 * does; as the origin server we may still answer 304.
 */
export function sendWithEtag(req: Request, res: Response, body: unknown): void {
  const json = JSON.stringify(body);
  const etag = `W/"${createHash('sha1').update(json).digest('base64url').slice(0, 27)}"`;
  res.set('ETag', etag);
  const inm = req.get('if-none-match');
  if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag.replace(/^W\//, '') || t.trim() === '*')) {
    res.status(304).end();
    return;
  }
  res.type('application/json').send(json);
}
