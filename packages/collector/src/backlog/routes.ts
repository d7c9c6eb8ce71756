import {
  ListStoriesQuery,
  SiteKey,
  StoriesExportQuery,
  StoryCreate,
  StoryEscalate,
  StoryExportQuery,
  StoryInitiativeLink,
  StoryMerge,
  StoryPatch,
  WebhookCreate,
  WebhookPatch,
} from '@hark/shared';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { requireRole } from '../http/auth.ts';
import { jsonBody } from '../http/body.ts';
import { HttpError, parseOr400 } from '../http/errors.ts';
import type { CoreServices } from '../services.ts';
import type { BacklogServices } from './index.ts';
import { type ExportFile, exportStories } from './exports/index.ts';

const Id = z.string().min(1).max(100);
const param = <S extends z.ZodType>(schema: S, value: unknown, name: string) => parseOr400(schema, value, `path parameter ${name}`);

function send(res: Response, file: ExportFile): void {
  const attach = !file.contentType.startsWith('application/json');
  res.set({ 'Content-Type': file.contentType, 'Content-Disposition': `${attach ? 'attachment' : 'inline'}; filename="${file.filename}"` });
  res.send(file.body);
}

/** Exporting with mark=true moves ready stories to exported: a write, so PO or admin only. */
function checkMark(req: Request, mark: string): boolean {
  if (mark !== 'true') return false;
  const role = req.principal?.role;
  if (role !== 'po' && role !== 'admin') throw new HttpError(403, 'forbidden', `role "${role}" may not mark stories exported; needs admin or po`);
  return true;
}

export function routes(services: CoreServices & { backlog: BacklogServices }, bodyLimitKb: number): Router {
  const r = Router();
  const body = jsonBody(bodyLimitKb, false);
  const { stories, webhooks } = services.backlog;

  // ---- stories
  r.post('/stories', requireRole('po'), ...body, async (req, res) => {
    res.status(201).json(await stories.create(parseOr400(StoryCreate, req.body), req.principal!));
  });
  r.get('/stories', async (req, res) => {
    res.json(await stories.list(parseOr400(ListStoriesQuery, req.query, 'query string')));
  });
  r.get('/stories/export', async (req, res) => {
    const q = parseOr400(StoriesExportQuery, req.query, 'query string');
    const mark = checkMark(req, q.mark);
    let list = await stories.selection(q.site, q.status);
    if (mark) list = await stories.markExported(list, req.principal!);
    send(res, exportStories(list, q.format, `hark-stories-${q.site}-${new Date().toISOString().slice(0, 10)}`));
  });
  r.get('/stories/:id', async (req, res) => {
    res.json(await stories.get(param(Id, req.params.id, 'id')));
  });
  r.patch('/stories/:id', requireRole('po'), ...body, async (req, res) => {
    res.json(await stories.patch(param(Id, req.params.id, 'id'), parseOr400(StoryPatch, req.body), req.principal!));
  });
  r.post('/stories/:id/merge', requireRole('po'), ...body, async (req, res) => {
    res.json(await stories.merge(param(Id, req.params.id, 'id'), parseOr400(StoryMerge, req.body).from, req.principal!));
  });
  r.post('/stories/:id/escalate', requireRole('po'), ...body, async (req, res) => {
    res.json(await stories.escalate(param(Id, req.params.id, 'id'), parseOr400(StoryEscalate, req.body).note, req.principal!));
  });
  r.put('/stories/:id/initiative', requireRole('pm', 'po'), ...body, async (req, res) => {
    res.json(await stories.setInitiative(param(Id, req.params.id, 'id'), parseOr400(StoryInitiativeLink, req.body).initiativeId));
  });
  r.get('/stories/:id/export', async (req, res) => {
    const id = param(Id, req.params.id, 'id');
    const q = parseOr400(StoryExportQuery, req.query, 'query string');
    const mark = checkMark(req, q.mark);
    const story = await stories.get(id);
    const list = mark ? await stories.markExported([story], req.principal!) : [story];
    send(res, exportStories(list, q.format, `hark-${id}`));
  });
  r.get('/responses/:id/stories', async (req, res) => {
    res.json({ items: await stories.forResponse(param(Id, req.params.id, 'id')) });
  });

  // ---- webhooks (admin)
  r.get('/sites/:siteKey/webhooks', async (req, res) => {
    const site = await services.sites.require(param(SiteKey, req.params.siteKey, 'siteKey'));
    res.json({ items: await webhooks.list(site.key) });
  });
  r.post('/sites/:siteKey/webhooks', requireRole(), ...body, async (req, res) => {
    const site = await services.sites.require(param(SiteKey, req.params.siteKey, 'siteKey'));
    res.status(201).json(await webhooks.create(site.key, parseOr400(WebhookCreate, req.body)));
  });
  r.patch('/webhooks/:id', requireRole(), ...body, async (req, res) => {
    res.json(await webhooks.patch(param(Id, req.params.id, 'id'), parseOr400(WebhookPatch, req.body)));
  });
  r.delete('/webhooks/:id', requireRole(), async (req, res) => {
    await webhooks.delete(param(Id, req.params.id, 'id'));
    res.status(204).end();
  });
  r.get('/webhooks/:id/deliveries', async (req, res) => {
    const limit = parseOr400(z.coerce.number().int().min(1).max(500).default(100), req.query.limit, 'query parameter limit');
    res.json({ items: await webhooks.deliveryLog(param(Id, req.params.id, 'id'), limit) });
  });

  return r;
}
