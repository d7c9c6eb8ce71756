import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import { HttpError } from './errors.ts';

const here = dirname(fileURLToPath(import.meta.url));
const packagesDir = resolve(here, '../../..');

export const WIDGET_DIST = join(packagesDir, 'widget/dist');
export const WIDGET_DEMO = join(packagesDir, 'widget/demo');
export const DASHBOARD_DIST = join(packagesDir, 'dashboard/dist');

function missingBuild(what: string): Router {
  const r = Router();
  r.use((_req, _res, next) => next(new HttpError(404, 'not_found', `${what} is not built: run "npm run build"`)));
  return r;
}

/** The widget script, its UI chunk, the demo page and the dashboard, served by the collector itself. */
export function staticAssets(): Router {
  const r = Router();
  r.get('/widget.js', (_req, res, next) => {
    const file = join(WIDGET_DIST, 'hark.js');
    if (!existsSync(file)) return next(new HttpError(404, 'not_found', 'widget is not built: run "npm run build"'));
    // Short cache with revalidation: site owners get fixes without changing their tag.
    res.set({ 'Cache-Control': 'public, max-age=300, stale-while-revalidate=86400', 'Access-Control-Allow-Origin': '*' });
    res.sendFile(file);
  });
  r.use(
    '/widget',
    existsSync(WIDGET_DIST)
      ? express.static(WIDGET_DIST, {
          maxAge: '1h',
          setHeaders: (res) => res.setHeader('Access-Control-Allow-Origin', '*'),
        })
      : missingBuild('widget'),
  );
  if (existsSync(WIDGET_DEMO)) r.use('/demo', express.static(WIDGET_DEMO));
  const app = existsSync(DASHBOARD_DIST) ? express.static(DASHBOARD_DIST) : missingBuild('dashboard');
  r.use('/app', app);
  return r;
}
