import type { Router } from 'express';
import { z } from 'zod';
import type { Store } from '../store/port.ts';
import type { CoreServices } from '../services.ts';
import type { ResponseDoc } from '../store/collections.ts';
import { toApiResponse } from '../responses/serialize.ts';
import { deliveriesSpec, storiesSpec, webhooksSpec } from './collections.ts';
import { StoriesService } from './stories.ts';
import { type DeliveryOptions, WebhookDispatcher } from './webhooks/deliver.ts';
import { WebhookRegistry } from './webhooks/registry.ts';
import { routes } from './routes.ts';
import { paths } from './openapi.ts';

/** PO backlog services (stories, exports, webhooks). */
export interface BacklogServices {
  stories: StoriesService;
  webhooks: WebhookRegistry;
  dispatcher: WebhookDispatcher;
}

const msList = z
  .string()
  .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, 'comma-separated milliseconds, e.g. "1000,4000,16000"')
  .transform((s) => s.split(',').map((x) => Number(x.trim())));

/** Optional tuning from the environment (invalid values stop startup with a message naming them). */
export function deliveryOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<DeliveryOptions> {
  const parsed = z
    .object({
      HARK_WEBHOOK_RETRY_SCHEDULE_MS: msList.optional(),
      HARK_WEBHOOK_POLL_MS: z.coerce.number().int().min(10).max(3_600_000).optional(),
      HARK_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).optional(),
    })
    .safeParse(env);
  if (!parsed.success) throw new Error(`invalid webhook setting: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const e = parsed.data;
  return {
    ...(e.HARK_WEBHOOK_RETRY_SCHEDULE_MS ? { retryScheduleMs: e.HARK_WEBHOOK_RETRY_SCHEDULE_MS } : {}),
    ...(e.HARK_WEBHOOK_POLL_MS ? { pollMs: e.HARK_WEBHOOK_POLL_MS } : {}),
    ...(e.HARK_WEBHOOK_TIMEOUT_MS ? { timeoutMs: e.HARK_WEBHOOK_TIMEOUT_MS } : {}),
  };
}

function responseEventData(doc: ResponseDoc): Record<string, unknown> {
  const { commentOriginal: _c, autoTags: _a, tagging: _t, ...rest } = toApiResponse(doc);
  return rest;
}

export async function createBacklogServices(store: Store, core: CoreServices): Promise<BacklogServices> {
  const [stories, webhooks, deliveries] = await Promise.all([
    store.collection(storiesSpec),
    store.collection(webhooksSpec),
    store.collection(deliveriesSpec),
  ]);
  const dispatcher = new WebhookDispatcher(webhooks, deliveries, deliveryOptionsFromEnv());
  const emit = (siteKey: string, event: Parameters<WebhookDispatcher['emit']>[1], data: Parameters<WebhookDispatcher['emit']>[2]) =>
    dispatcher.emit(siteKey, event, data).catch(() => 0);

  const storiesService = new StoriesService(stories, core.responses.collection, core.sites, {
    ready: async (story) => void (await emit(story.siteKey, 'story.ready', story as unknown as Record<string, unknown>)),
    done: async (story, who) => void (await emit(story.siteKey, 'story.done', { story, ...who })),
  });

  // New responses: response.created, and response.tagged when tagging succeeded at ingest.
  core.ingest.onIngested((docs) => {
    // One ingest call holds one site's answers; most sites have no webhook.
    if (docs[0] && !dispatcher.mayHaveHooks(docs[0].siteKey)) return;
    void (async () => {
      for (const d of docs) {
        await emit(d.siteKey, 'response.created', () => responseEventData(d));
        if ((d.tagging as { status?: string } | undefined)?.status === 'done' && d.tags) {
          await emit(d.siteKey, 'response.tagged', () => ({ id: d.id, siteKey: d.siteKey, comment: d.comment, tags: d.tags }));
        }
      }
    })();
  });
  // Responses whose tagging failed at ingest are tagged later by the sweeper: announce those.
  core.tagging.onLateTagged((d) => {
    if (d.tags) void emit(d.siteKey, 'response.tagged', { id: d.id, siteKey: d.siteKey, comment: d.comment, tags: d.tags });
  });

  dispatcher.start();
  return { stories: storiesService, webhooks: new WebhookRegistry(webhooks, deliveries, () => dispatcher.invalidate()), dispatcher };
}

/** Admin routes of the backlog; mounted under /v1/admin behind authentication. */
export function backlogRoutes(services: CoreServices & { backlog: BacklogServices }, bodyLimitKb: number): Router {
  return routes(services, bodyLimitKb);
}

/** OpenAPI paths of these routes (merged into /v1/openapi.json). */
export const backlogPaths: Record<string, unknown> = paths;

/** Stops background work (webhook delivery retries). */
export function stopBacklog(services: BacklogServices): void {
  services.dispatcher.stop();
}
