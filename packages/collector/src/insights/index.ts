import type { Router } from 'express';
import type { Store } from '../store/port.ts';
import type { CoreServices } from '../services.ts';
import { InsightsAnalytics } from './analytics.ts';
import { ResultCache, watchWrites } from './cache.ts';
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
}

export interface InsightsOptions {
  /** false: no result cache (benchmarks of the cold path). Default true. */
  cache?: boolean;
}

export async function createInsightsServices(store: Store, core: CoreServices, options: InsightsOptions = {}): Promise<InsightsServices> {
  const [triageCol, initiativesCol] = await Promise.all([store.collection(triageSpec), store.collection(initiativesSpec)]);
  const responses = core.responses.collection;
  // Embedded: one process holds every write, so results stay valid until the next one.
  // MongoDB: other replicas write too; results also expire after 5 s.
  const cache = new ResultCache({ ttlMs: store.kind === 'embedded' ? null : 5000, enabled: options.cache ?? true });
  watchWrites(responses, () => cache.invalidate());
  const analytics = new InsightsAnalytics(responses, cache);
  const triage = new TriageService(triageCol, responses);
  const initiatives = new InitiativesService(initiativesCol, responses, store, analytics, triage);
  return { analytics, triage, initiatives, cache };
}

/** Admin routes of PM insights and triage; mounted under /v1/admin behind authentication. */
export function insightsRoutes(services: CoreServices & { insights: InsightsServices }, bodyLimitKb: number): Router {
  return routes(services, bodyLimitKb);
}

/** OpenAPI paths of these routes (merged into /v1/openapi.json). */
export const insightsPaths: Record<string, unknown> = paths;
