import {
  EscalateBody,
  InboxQuery,
  InitiativeCreate,
  InitiativeLinks,
  InitiativeListQuery,
  InitiativePatch,
  NpsCompareQuery,
  NpsQuery,
  SiteKey,
  ThemesQuery,
  TriagePatch,
} from '@hark/shared';
import { Router } from 'express';
import { z } from 'zod';
import type { CoreServices } from '../services.ts';
import { requireRole } from '../http/auth.ts';
import { jsonBody } from '../http/body.ts';
import { HttpError, parseOr400 } from '../http/errors.ts';
import { RebuildRunningError } from './response-stats.ts';
import type { InsightsServices } from './index.ts';

const path = <S extends z.ZodType>(schema: S, value: unknown, name: string) => parseOr400(schema, value, `path parameter ${name}`);
const query = <S extends z.ZodType>(schema: S, value: unknown) => parseOr400(schema, value, 'query string');
const Id = z.string().min(1).max(100);
const Theme = z.string().trim().min(1).max(100);

/** PM insights, triage and initiatives. Mounted under /v1/admin behind authenticate. Reading is open to every role. */
export function routes(services: CoreServices & { insights: InsightsServices }, bodyLimitKb: number): Router {
  const r = Router();
  const body = jsonBody(bodyLimitKb, false);
  const { analytics, triage, initiatives } = services.insights;
  const site = async (key: unknown, name = 'site') => (await services.sites.require(parseOr400(SiteKey, key, name === 'site' ? 'query string' : `path parameter ${name}`))).key;

  // ---- NPS and theme drivers
  r.get('/insights/nps', async (req, res) => {
    const q = query(NpsQuery, req.query);
    await site(q.site);
    res.json(await analytics.nps(q));
  });
  r.get('/insights/nps/compare', async (req, res) => {
    const q = query(NpsCompareQuery, req.query);
    await site(q.site);
    res.json(await analytics.compare(q));
  });
  r.get('/insights/themes', async (req, res) => {
    const q = query(ThemesQuery, req.query);
    await site(q.site);
    res.json(await analytics.themes(q, await triage.themeStates(q.site)));
  });

  // Recomputes the site's roll-up from its responses (backfill after an upgrade, repair).
  r.post('/sites/:siteKey/insights/rebuild', requireRole('pm'), async (req, res) => {
    const key = await site(req.params.siteKey, 'siteKey');
    try {
      res.json(await services.insights.stats.rebuild(key));
    } catch (err) {
      if (err instanceof RebuildRunningError) throw new HttpError(409, 'conflict', err.message);
      throw err;
    }
  });

  // ---- PM triage (pm, admin write)
  r.get('/responses/:id/triage', async (req, res) => {
    const id = path(Id, req.params.id, 'id');
    res.json(await triage.get(await triage.responseSite(id), 'response', id));
  });
  r.patch('/responses/:id/triage', requireRole('pm'), ...body, async (req, res) => {
    const id = path(Id, req.params.id, 'id');
    const change = parseOr400(TriagePatch, req.body);
    res.json(await triage.patch(await triage.responseSite(id), 'response', id, change, req.principal!));
  });
  r.get('/sites/:siteKey/themes/:theme/triage', async (req, res) => {
    const key = await site(req.params.siteKey, 'siteKey');
    res.json(await triage.get(key, 'theme', path(Theme, req.params.theme, 'theme')));
  });
  r.patch('/sites/:siteKey/themes/:theme/triage', requireRole('pm'), ...body, async (req, res) => {
    const key = await site(req.params.siteKey, 'siteKey');
    const theme = path(Theme, req.params.theme, 'theme');
    res.json(await triage.patch(key, 'theme', theme, parseOr400(TriagePatch, req.body), req.principal!));
  });
  // The PO's field signal back to the PM.
  r.post('/sites/:siteKey/themes/:theme/escalate', requireRole('po'), ...body, async (req, res) => {
    const key = await site(req.params.siteKey, 'siteKey');
    const theme = path(Theme, req.params.theme, 'theme');
    const { note } = parseOr400(EscalateBody, req.body);
    res.json(await triage.escalateTheme(key, theme, note, req.principal!));
  });
  r.get('/triage/inbox', async (req, res) => {
    const q = query(InboxQuery, req.query);
    if (q.site) await site(q.site);
    res.json(await triage.inbox(q));
  });

  // ---- roadmap initiatives (pm, admin write)
  r.get('/initiatives', async (req, res) => {
    res.json({ items: await initiatives.list(query(InitiativeListQuery, req.query)) });
  });
  r.post('/initiatives', requireRole('pm'), ...body, async (req, res) => {
    const input = parseOr400(InitiativeCreate, req.body);
    await services.sites.require(input.siteKey);
    res.status(201).json(await initiatives.create(input, req.principal!));
  });
  r.get('/initiatives/:id', async (req, res) => {
    res.json(await initiatives.detail(path(Id, req.params.id, 'id')));
  });
  r.patch('/initiatives/:id', requireRole('pm'), ...body, async (req, res) => {
    res.json(await initiatives.patch(path(Id, req.params.id, 'id'), parseOr400(InitiativePatch, req.body)));
  });
  r.post('/initiatives/:id/links', requireRole('pm'), ...body, async (req, res) => {
    res.json(await initiatives.link(path(Id, req.params.id, 'id'), parseOr400(InitiativeLinks, req.body), req.principal!));
  });
  r.delete('/initiatives/:id/links/responses/:responseId', requireRole('pm'), async (req, res) => {
    res.json(await initiatives.unlink(path(Id, req.params.id, 'id'), 'response', path(Id, req.params.responseId, 'responseId'), req.principal!));
  });
  r.delete('/initiatives/:id/links/themes/:theme', requireRole('pm'), async (req, res) => {
    res.json(await initiatives.unlink(path(Id, req.params.id, 'id'), 'theme', path(Theme, req.params.theme, 'theme'), req.principal!));
  });

  return r;
}
