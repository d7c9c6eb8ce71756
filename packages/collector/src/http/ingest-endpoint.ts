import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_BATCH, ResponseInput, type Site } from '@hark/shared';
import { z } from 'zod';
import type { Services } from '../services.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import { jsonBody } from './body.ts';
import { sendError } from './error-handler.ts';
import { HttpError, parseOr400, validationError } from './errors.ts';
import { rateLimit } from './rate-limit.ts';
import { observeRequest } from './request-metrics.ts';
import { siteCorsHeaders, withSite } from './site-cors.ts';
import { writeJson } from './write-json.ts';

export interface IngestEndpointOptions {
  bodyLimitKb: number;
  ratePerSitePerMin: number;
  ratePerIpPerMin: number;
  /** The client address as Express's `req.ip` would give it (honours `trust proxy`). */
  clientIp: (req: IncomingMessage) => string | undefined;
  shuttingDown: () => boolean;
}

const PATH = /^\/v1\/sites\/([^/?#]+)\/responses\/?(?:\?|$)/i;
const ROUTE = '/v1/sites/:siteKey/responses';
const MINUTE = 60_000;

/** One response or a bounded batch, validated with the shared zod schema. */
export function parseIngestBody(body: unknown): { batch: boolean; items: ResponseInput[] } {
  const batch = Array.isArray(body);
  if (!batch) return { batch, items: [parseOr400(ResponseInput, body)] };
  if (body.length === 0) throw new HttpError(400, 'validation_failed', 'batch is empty', [{ path: '(root)', message: 'send at least one response' }]);
  if (body.length > MAX_BATCH) {
    throw new HttpError(413, 'payload_too_large', `at most ${MAX_BATCH} responses per batch, got ${body.length}`, [
      { path: '(root)', message: `at most ${MAX_BATCH} items` },
    ]);
  }
  const out = z.array(ResponseInput).safeParse(body);
  if (!out.success) throw validationError(out.error);
  return { batch, items: out.data };
}

/**
 * `POST /v1/sites/:siteKey/responses` (and its preflight), served on node:http
 * ahead of Express. It is the one hot path of the collector and Express's own
 * per-request set-up costs more than everything Hark does for an answer
 * (bench/ingest.ts measures both side by side). The steps are the same as on
 * any route: CORS, rate limits, body, zod, then the ingest service; errors get
 * the same JSON shape from the same error mapping.
 * Returns false for any other request, which then goes to Express.
 */
export function ingestEndpoint(services: Services, metrics: Metrics, log: Logger, opts: IngestEndpointOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const [readBody] = jsonBody(opts.bodyLimitKb, true);
  const limits = rateLimit<{ ip?: string; siteKey: string }>(services.rateCounter, [
    { name: 'ip', limit: opts.ratePerIpPerMin, windowMs: MINUTE, key: (c) => c.ip },
    { name: 'site', limit: opts.ratePerSitePerMin, windowMs: MINUTE, key: (c) => c.siteKey },
  ]);

  const accept = async (site: Site, req: IncomingMessage & { body?: unknown }, res: ServerResponse) => {
    const { batch, items } = parseIngestBody(req.body);
    const results = await services.ingest.ingest(site.key, items, { userAgent: req.headers['user-agent'], source: 'widget', site });
    for (const x of results) metrics.ingested.inc({ site: site.key, outcome: x.duplicate ? 'duplicate' : 'stored' });
    if (!batch) return writeJson(res, 202, results[0]);
    const duplicates = results.filter((x) => x.duplicate).length;
    writeJson(res, 202, { results, accepted: results.length - duplicates, duplicates });
  };

  return (req, res) => {
    if (req.method !== 'POST' && req.method !== 'OPTIONS') return false;
    const m = PATH.exec(req.url ?? '');
    if (!m) return false;
    observeRequest(metrics, log, req, res, () => ROUTE);
    if (opts.shuttingDown()) res.setHeader('Connection', 'close');
    const fail = (err: unknown) => sendError(res, err, log, { method: req.method, url: req.url });
    let rawKey: string;
    try {
      rawKey = decodeURIComponent(m[1]!);
    } catch {
      fail(new HttpError(400, 'bad_request', 'the site key in the URL is not valid percent-encoding'));
      return true;
    }
    withSite(
      services.sites,
      rawKey,
      (site) => {
        const cors = siteCorsHeaders(site, req.headers.origin, req.method);
        if (cors instanceof HttpError) return fail(cors);
        for (const k in cors) res.setHeader(k, cors[k]!);
        if (req.method === 'OPTIONS') {
          res.statusCode = 204;
          res.end();
          return;
        }
        limits({ ip: opts.clientIp(req), siteKey: site.key }, (limited) => {
          if (limited) return fail(limited);
          readBody(req, res, (bad) => (bad ? fail(bad) : accept(site, req, res).catch(fail)));
        });
      },
      fail,
    );
    return true;
  };
}
