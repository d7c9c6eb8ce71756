import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Express } from 'express';
import proxyaddr from 'proxy-addr';
import type { Services } from '../services.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import { trustProxySetting } from '../config/env.ts';
import { openApiDocument } from '../openapi/document.ts';
import { adminRoutes } from './routes/admin.ts';
import { publicRoutes } from './routes/public.ts';
import { errorHandler, notFoundHandler } from './error-handler.ts';
import { staticAssets } from './static-assets.ts';
import { ingestEndpoint } from './ingest-endpoint.ts';
import { observeRequest } from './request-metrics.ts';
import { sessionAuthRoutes } from './routes/session-auth.ts';

export interface AppOptions {
  bodyLimitKb: number;
  ratePerSitePerMin: number;
  ratePerIpPerMin: number;
  configMaxAge: number;
  trustProxy: string;
}

export const defaultAppOptions: AppOptions = {
  bodyLimitKb: 64,
  ratePerSitePerMin: 60_000,
  ratePerIpPerMin: 600,
  configMaxAge: 60,
  trustProxy: 'false',
};

export function createApp(services: Services, log: Logger, metrics: Metrics, options: Partial<AppOptions> = {}): Express {
  const opts = { ...defaultAppOptions, ...options };
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxySetting(opts.trustProxy));
  app.set('query parser', 'simple');
  // No automatic ETag (a SHA-1 of every JSON body): the one resource clients revalidate,
  // a site's config, sets its own (etag.ts); static files get theirs from serve-static.
  app.set('etag', false);

  app.use((req, res, next) => {
    if (app.locals.shuttingDown) res.set('Connection', 'close');
    observeRequest(metrics, log, req, res, () => (req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched'));
    next();
  });

  app.get('/', (_req, res) => {
    res.type('html').send(
      '<!doctype html><meta charset="utf-8"><title>Hark collector</title><h1>Hark collector</h1><ul>' +
        '<li><a href="/demo/">Widget demo</a></li><li><a href="/app/">Dashboard</a></li>' +
        '<li><a href="/v1/openapi.json">OpenAPI</a></li><li><a href="/healthz">Health</a></li><li><a href="/metrics">Metrics</a></li></ul>',
    );
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  const doc = openApiDocument();
  app.get('/v1/openapi.json', (_req, res) => {
    res.json(doc);
  });
  app.use(publicRoutes(services, opts));
  app.use(sessionAuthRoutes(services, opts.bodyLimitKb));
  app.use('/v1/admin', adminRoutes(services, opts.bodyLimitKb));
  app.use(staticAssets());
  app.use(notFoundHandler);
  app.use(errorHandler(log));
  return app;
}

/**
 * What the HTTP server runs: the ingest endpoint first (it answers its own path on
 * node:http, see ingest-endpoint.ts), then the Express app for everything else.
 */
export function createHttpHandler(
  services: Services,
  log: Logger,
  metrics: Metrics,
  options: Partial<AppOptions> = {},
): { app: Express; handle: (req: IncomingMessage, res: ServerResponse) => void } {
  const opts = { ...defaultAppOptions, ...options };
  const app = createApp(services, log, metrics, opts);
  const trust = app.get('trust proxy fn') as Parameters<typeof proxyaddr>[1];
  const ingest = ingestEndpoint(services, metrics, log, {
    ...opts,
    clientIp: (req) => proxyaddr(req, trust),
    shuttingDown: () => Boolean(app.locals.shuttingDown),
  });
  return { app, handle: (req, res) => void (ingest(req, res) || app(req, res)) };
}
