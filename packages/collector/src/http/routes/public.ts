import type { SiteConfig } from '@hark/shared';
import { Router, type Request, type RequestHandler } from 'express';
import { SurveysService } from '../../surveys/surveys.ts';
import type { Services } from '../../services.ts';
import { HttpError } from '../errors.ts';
import { sendWithEtag } from '../etag.ts';
import { siteCorsHeaders, withSite } from '../site-cors.ts';

export interface PublicRoutesOptions {
  configMaxAge: number;
}

const siteKeyOf = (req: Request) => String(req.params.siteKey ?? '');

/** The site's CORS answer on the Express routes (the ingest endpoint applies the same rules itself). */
function siteCors(services: Services): RequestHandler {
  return (req, res, next) =>
    withSite(
      services.sites,
      siteKeyOf(req),
      (site) => {
        const cors = siteCorsHeaders(site, req.get('origin'), req.method);
        if (cors instanceof HttpError) return next(cors);
        res.set(cors);
        if (req.method === 'OPTIONS') {
          res.status(204).end();
          return;
        }
        res.locals.site = site;
        next();
      },
      next,
    );
}

export function publicRoutes(services: Services, opts: PublicRoutesOptions): Router {
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

  // POST /v1/sites/:siteKey/responses is served ahead of Express by the ingest endpoint (http/ingest-endpoint.ts).
  const cors = siteCors(services);
  r.options('/v1/sites/:siteKey/config', cors);

  r.get('/v1/sites/:siteKey/config', cors, async (req, res) => {
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

  return r;
}
