import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SiteCreate, SiteKey, SitePatch, SurveyCreate, SurveyId, SurveyPatch, TokenCreate } from '@hark/shared';
import { Router } from 'express';
import { z } from 'zod';
import type { Services } from '../../services.ts';
import { ExportQuery, ListResponsesQuery, filterFromQuery, LIST_SORT } from '../../responses/list-query.ts';
import { exportChunks } from '../../responses/export.ts';
import { authenticate, requireRole } from '../auth.ts';
import { jsonBody } from '../body.ts';
import { parseOr400 } from '../errors.ts';
import { adminTriageRoutes } from './admin-triage.ts';
import { insightsRoutes } from '../../insights/index.ts';
import { backlogRoutes } from '../../backlog/index.ts';

const param = <S extends z.ZodType>(schema: S, value: unknown, name: string) => parseOr400(schema, value, `path parameter ${name}`);

/**
 * Everything under /v1/admin. `authenticate` is mounted on the router itself, so
 * a route added here cannot forget it; a test enumerates these routes to be sure.
 */
export function adminRoutes(services: Services, bodyLimitKb: number): Router {
  const r = Router();
  r.use(authenticate(services.tokens));
  const body = jsonBody(bodyLimitKb, false);

  // ---- sites
  r.get('/sites', async (_req, res) => {
    res.json({ items: await services.sites.list() });
  });
  r.post('/sites', requireRole(), ...body, async (req, res) => {
    res.status(201).json(await services.sites.create(parseOr400(SiteCreate, req.body)));
  });
  r.get('/sites/:siteKey', async (req, res) => {
    res.json(await services.sites.require(param(SiteKey, req.params.siteKey, 'siteKey')));
  });
  r.patch('/sites/:siteKey', requireRole(), ...body, async (req, res) => {
    res.json(await services.sites.patch(param(SiteKey, req.params.siteKey, 'siteKey'), parseOr400(SitePatch, req.body)));
  });

  // ---- surveys
  r.get('/sites/:siteKey/surveys', async (req, res) => {
    const site = await services.sites.require(param(SiteKey, req.params.siteKey, 'siteKey'));
    res.json({ items: await services.surveys.list(site.key) });
  });
  r.post('/sites/:siteKey/surveys', requireRole('pm', 'po'), ...body, async (req, res) => {
    const site = await services.sites.require(param(SiteKey, req.params.siteKey, 'siteKey'));
    res.status(201).json(await services.surveys.create(site.key, parseOr400(SurveyCreate, req.body)));
  });
  r.get('/surveys/:id', async (req, res) => {
    res.json(await services.surveys.require(param(SurveyId, req.params.id, 'id')));
  });
  r.patch('/surveys/:id', requireRole('pm', 'po'), ...body, async (req, res) => {
    res.json(await services.surveys.patch(param(SurveyId, req.params.id, 'id'), parseOr400(SurveyPatch, req.body)));
  });
  r.delete('/surveys/:id', requireRole('pm', 'po'), async (req, res) => {
    await services.surveys.delete(param(SurveyId, req.params.id, 'id'));
    res.status(204).end();
  });

  // ---- responses
  r.get('/responses', async (req, res) => {
    res.json(await services.responses.list(parseOr400(ListResponsesQuery, req.query, 'query string')));
  });
  r.get('/responses/export', async (req, res) => {
    const q = parseOr400(ExportQuery, req.query, 'query string');
    const stamp = new Date().toISOString().slice(0, 10);
    res.set({
      'Content-Type': q.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'Content-Disposition': `attachment; filename="hark-responses-${q.site ?? 'all'}-${stamp}.${q.format}"`,
    });
    const docs = services.responses.collection.stream(filterFromQuery(q), { sort: LIST_SORT });
    await pipeline(Readable.from(exportChunks(docs, q.format)), res);
  });
  r.get('/responses/:id', async (req, res) => {
    res.json(await services.responses.get(param(z.string().min(1).max(100), req.params.id, 'id')));
  });

  r.use(adminTriageRoutes(services, bodyLimitKb));
  r.use(insightsRoutes(services, bodyLimitKb));
  r.use(backlogRoutes(services, bodyLimitKb));

  // ---- GDPR erasure of one end user
  r.delete('/users/:userId', requireRole(), async (req, res) => {
    const userId = param(z.string().min(1).max(256), req.params.userId, 'userId');
    const site = req.query.site === undefined ? undefined : param(SiteKey, req.query.site, 'site');
    res.json({ userId, deleted: await services.responses.eraseUser(userId, site) });
  });

  // ---- tokens
  r.get('/tokens', requireRole(), async (_req, res) => {
    res.json({ items: await services.tokens.list() });
  });
  r.post('/tokens', requireRole(), ...body, async (req, res) => {
    const input = parseOr400(TokenCreate, req.body);
    const { token, info } = await services.tokens.create(input.name, input.role);
    res.status(201).json({ ...info, token });
  });
  r.delete('/tokens/:id', requireRole(), async (req, res) => {
    await services.tokens.revoke(param(z.string().min(1).max(100), req.params.id, 'id'));
    res.status(204).end();
  });

  return r;
}
