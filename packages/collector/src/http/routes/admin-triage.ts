import { SiteKey, TagOverride, TaxonomyPut } from '@hark/shared';
import { Router } from 'express';
import { z } from 'zod';
import type { Services } from '../../services.ts';
import { toApiResponse } from '../../responses/serialize.ts';
import { requireRole } from '../auth.ts';
import { jsonBody } from '../body.ts';
import { parseOr400 } from '../errors.ts';

const siteParam = (v: unknown) => parseOr400(SiteKey, v, 'path parameter siteKey');

/** Triage endpoints: tag overrides, the site taxonomy, discovered themes and re-tagging. Mounted behind authenticate. */
export function adminTriageRoutes(services: Services, bodyLimitKb: number): Router {
  const r = Router();
  const body = jsonBody(bodyLimitKb, false);

  r.patch('/responses/:id/tags', requireRole('pm', 'po'), ...body, async (req, res) => {
    const id = parseOr400(z.string().min(1).max(100), req.params.id, 'path parameter id');
    const change = parseOr400(TagOverride, req.body);
    const updated = await services.tagOverrides.override(id, change, req.principal!);
    res.json(toApiResponse(updated));
  });
  r.get('/responses/:id/tags/history', async (req, res) => {
    const id = parseOr400(z.string().min(1).max(100), req.params.id, 'path parameter id');
    await services.responses.get(id);
    res.json({ items: await services.tagOverrides.history(id) });
  });

  r.get('/sites/:siteKey/taxonomy', async (req, res) => {
    const site = await services.sites.require(siteParam(req.params.siteKey));
    res.json({ siteKey: site.key, ...(await services.tagging.taxonomy(site.key)) });
  });
  r.put('/sites/:siteKey/taxonomy', requireRole('pm'), ...body, async (req, res) => {
    const site = await services.sites.require(siteParam(req.params.siteKey));
    const { themes } = parseOr400(TaxonomyPut, req.body);
    await services.tagging.setTaxonomy(site.key, themes);
    res.json({ siteKey: site.key, ...(await services.tagging.taxonomy(site.key)) });
  });
  r.get('/sites/:siteKey/themes/discovered', async (req, res) => {
    const site = await services.sites.require(siteParam(req.params.siteKey));
    res.json({ items: await services.tagging.discovered(site.key, req.query.fresh === 'true') });
  });

  r.post('/sites/:siteKey/retag', requireRole('pm'), async (req, res) => {
    const site = await services.sites.require(siteParam(req.params.siteKey));
    const restart = req.query.restart === 'true';
    // Runs in the background; its checkpoint is in the store, so progress survives a restart.
    void services.tagging.retagSite(site.key, { restart }).catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 20));
    res.status(202).json(await services.tagging.retagStatus(site.key));
  });
  r.get('/sites/:siteKey/retag', async (req, res) => {
    const site = await services.sites.require(siteParam(req.params.siteKey));
    res.json((await services.tagging.retagStatus(site.key)) ?? { siteKey: site.key, status: 'never run', processed: 0 });
  });

  return r;
}
