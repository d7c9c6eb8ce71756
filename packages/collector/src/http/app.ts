import express, { type Express } from 'express';
import type { Services } from '../services.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import { trustProxySetting } from '../config/env.ts';
import { openApiDocument } from '../openapi/document.ts';
import { adminRoutes } from './routes/admin.ts';
import { publicRoutes } from './routes/public.ts';
import { errorHandler, notFoundHandler } from './error-handler.ts';
import { staticAssets } from './static-assets.ts';
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

  app.use((req, res, next) => {
    if (app.locals.shuttingDown) res.set('Connection', 'close');
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      metrics.requests.inc({ method: req.method, route, status: String(res.statusCode) });
      metrics.latency.observe({ method: req.method, route }, seconds);
      const entry = { method: req.method, url: req.path, status: res.statusCode, ms: Math.round(seconds * 1000) };
      if (res.statusCode >= 500) log.error(entry, 'request failed');
      else log.debug(entry, 'request');
    });
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
  app.use(publicRoutes(services, metrics, opts));
  app.use(sessionAuthRoutes(services, opts.bodyLimitKb));
  app.use('/v1/admin', adminRoutes(services, opts.bodyLimitKb));
  app.use(staticAssets());
  app.use(notFoundHandler);
  app.use(errorHandler(log));
  return app;
}
