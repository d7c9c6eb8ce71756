import type { Router } from 'express';
import type { Collection, Store } from '../store/port.ts';
import type { ResponseDoc } from '../store/collections.ts';
import type { CoreServices } from '../services.ts';
import { InsightsAnalytics } from './analytics.ts';
import { ResultCache } from './cache.ts';
import { ResponseStats, responseStatsMetaSpec, responseStatsSpec } from './response-stats.ts';
import { InitiativesService, initiativesSpec } from './initiatives.ts';
import { TriageService, triageSpec } from './triage.ts';
import { routes } from './routes.ts';
import { paths } from './openapi.ts';

/** PM insights and triage services. */
export interface InsightsServices {
  analytics: InsightsAnalytics;
  triage: TriageService;
  initiatives: InitiativesService;
  cache: ResultCache;
  /** The roll-up the NPS and theme queries read (maintained by the write paths, see services.ts). */
  stats: ResponseStats;
}

export interface InsightsOptions {
  /** false: no result cache (benchmarks of the cold path). Default true. */
  cache?: boolean;
}

export async function createInsightsServices(store: Store, core: CoreServices, options: InsightsOptions = {}): Promise<InsightsServices> {
  const [triageCol, initiativesCol] = await Promise.all([store.collection(triageSpec), store.collection(initiativesSpec)]);
  const responses = core.responses.collection;
  const stats = core.responseStats;
  // Embedded: one process holds every write, so results stay valid until the roll-up changes.
  // MongoDB: other replicas write too; results also expire after 5 s.
  const cache = new ResultCache({ ttlMs: store.kind === 'embedded' ? null : 5000, enabled: options.cache ?? true });
  stats.onChange(() => cache.invalidate());
  const analytics = new InsightsAnalytics(responses, cache, { stats });
  const triage = new TriageService(triageCol, responses);
  const initiatives = new InitiativesService(initiativesCol, responses, store, analytics, triage);
  return { analytics, triage, initiatives, cache, stats };
}

/**
 * The roll-up service, created before the services that change responses so they can
 * call it (ingest, tag overrides, re-tagging, erasure, retention).
 */
export async function createResponseStats(store: Store, responses: Collection<ResponseDoc>, retentionDays?: number): Promise<ResponseStats> {
  const [stats, meta] = await Promise.all([store.collection(responseStatsSpec(retentionDays)), store.collection(responseStatsMetaSpec)]);
  return new ResponseStats(stats, meta, responses, {
    // In-flight writers of other replicas get longer to land before a rebuild swaps in.
    graceMs: store.kind === 'embedded' ? 100 : 2000,
    // One process owns the embedded store, and it rebuilds the roll-up after an unclean
    // stop (server.ts): new answers' counts may wait for a window there. With MongoDB and
    // replicas, a replica's crash cannot be seen by the others, so counts are written at once.
    windowMs: store.kind === 'embedded' ? 50 : 0,
    onError: (err) => console.error(`insights roll-up: ${(err as Error)?.message ?? err}`),
  });
}

/** Admin routes of PM insights and triage; mounted under /v1/admin behind authentication. */
export function insightsRoutes(services: CoreServices & { insights: InsightsServices }, bodyLimitKb: number): Router {
  return routes(services, bodyLimitKb);
}

/** OpenAPI paths of these routes (merged into /v1/openapi.json). */
export const insightsPaths: Record<string, unknown> = paths;
