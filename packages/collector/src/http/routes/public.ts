import { MAX_BATCH, ResponseInput, SiteKey, type SiteConfig } from '@hark/shared';
import { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import { SitesService } from '../../sites/sites.ts';
import { SurveysService } from '../../surveys/surveys.ts';
import type { Services } from '../../services.ts';
import type { Metrics } from '../../observability/metrics.ts';
import { jsonBody } from '../body.ts';
import { HttpError, parseOr400, validationError } from '../errors.ts';
import { rateLimit } from '../rate-limit.ts';
import { sendWithEtag } from '../etag.ts';

export interface PublicRoutesOptions {
  bodyLimitKb: number;
  ratePerSitePerMin: number;
  ratePerIpPerMin: number;
  configMaxAge: number;
}

const siteKeyOf = (req: Request) => String(req.params.siteKey ?? '');

/**
 * CORS per site: only the site's allowed origins may call it from a browser.
 * A POST from another origin is refused outright, not just hidden from the page:
 * a text/plain POST needs no preflight, so the browser would deliver it anyway.
 */
function siteCors(services: Services): RequestHandler {
  return async (req, res, next) => {
    try {
      const key = SiteKey.safeParse(siteKeyOf(req));
      if (!key.success) throw new HttpError(404, 'not_found', `site "${siteKeyOf(req).slice(0, 64)}" not found`);
      const site = await services.sites.require(key.data);
      const origin = req.get('origin');
      res.vary('Origin');
      if (!SitesService.originAllowed(site, origin)) {
        throw new HttpError(403, 'origin_not_allowed', `origin ${origin} is not allowed for site "${site.key}"`);
      }
      if (origin) {
        res.set('Access-Control-Allow-Origin', origin);
        // The widget reads these cross-origin: ETag for its config cache, Retry-After for its outbox backoff.
        res.set('Access-Control-Expose-Headers', 'ETag, Retry-After');
      }
      if (req.method === 'OPTIONS') {
        res.set({
          'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
          'Access-Control-Allow-Headers': 'Content-Type, If-None-Match',
          'Access-Control-Max-Age': '86400',
        });
        res.status(204).end();
        return;
      }
      res.locals.site = site;
      next();
    } catch (err) {
      next(err);
    }
  };
}

export function publicRoutes(services: Services, metrics: Metrics, opts: PublicRoutesOptions): Router {
  const r = Router();

  r.get('/healthz', async (_req, res) => {
    try {
      await services.store.ping();
      res.json({ status: 'ok', store: services.store.kind });
    } catch (err) {
      res.status(503).json({
        status: 'unavailable',
        store: services.store.kind,
        error: { code: 'store_unavailable', message: err instanceof Error ? err.message : 'store unreachable' },
      });
    }
  });

  r.use('/v1/sites/:siteKey', siteCors(services));

  r.get('/v1/sites/:siteKey/config', async (req, res) => {
    const site = res.locals.site as Awaited<ReturnType<Services['sites']['require']>>;
    const surveys = await services.surveys.active(site.key);
    const body: SiteConfig = {
      site: { key: site.key, name: site.name },
      theme: site.theme,
      visitorBudget: site.visitorBudget,
      surveys: surveys.map(SurveysService.toPublic),
    };
    res.set('Cache-Control', `public, max-age=${opts.configMaxAge}, stale-while-revalidate=600`);
    sendWithEtag(req, res, body);
  });

  const minute = 60_000;
  r.post(
    '/v1/sites/:siteKey/responses',
    rateLimit(services.rateCounter, [
      { name: 'ip', limit: opts.ratePerIpPerMin, windowMs: minute, key: (req) => req.ip },
      { name: 'site', limit: opts.ratePerSitePerMin, windowMs: minute, key: siteKeyOf },
    ]),
    ...jsonBody(opts.bodyLimitKb, true),
    async (req, res) => {
      const site = res.locals.site as { key: string };
      const body: unknown = req.body;
      const batch = Array.isArray(body);
      const items = batch ? body : [body];
      if (batch && items.length === 0) throw new HttpError(400, 'validation_failed', 'batch is empty', [{ path: '(root)', message: 'send at least one response' }]);
      if (items.length > MAX_BATCH) {
        throw new HttpError(413, 'payload_too_large', `at most ${MAX_BATCH} responses per batch, got ${items.length}`, [
          { path: '(root)', message: `at most ${MAX_BATCH} items` },
        ]);
      }
      const parsed = batch
        ? (() => {
            const out = z.array(ResponseInput).safeParse(items);
            if (!out.success) throw validationError(out.error);
            return out.data;
          })()
        : [parseOr400(ResponseInput, body)];
      const results = await services.ingest.ingest(site.key, parsed, { userAgent: req.get('user-agent'), source: 'widget' });
      for (const x of results) metrics.ingested.inc({ site: site.key, outcome: x.duplicate ? 'duplicate' : 'stored' });
      if (batch) {
        const duplicates = results.filter((x) => x.duplicate).length;
        res.status(202).json({ results, accepted: results.length - duplicates, duplicates });
      } else {
        res.status(202).json(results[0]);
      }
    },
  );

  return r;
}
