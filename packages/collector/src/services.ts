import { SitesService } from './sites/sites.ts';
import { SurveysService } from './surveys/surveys.ts';
import { TokensService } from './auth/tokens.ts';
import { IngestService } from './ingest/ingest.ts';
import { ResponsesService } from './responses/responses.ts';
import { countersSpec, jobsSpec, responsesSpec, sitesSpec, surveysSpec, tagOverridesSpec, taxonomiesSpec, tokensSpec } from './store/collections.ts';
import { TaggingService } from './triage/tagging-service.ts';
import { TagOverrideService } from './triage/tag-override.ts';
import type { Store } from './store/port.ts';
import { createInsightsServices, createResponseStats, type InsightsServices } from './insights/index.ts';
import type { ResponseStats } from './insights/response-stats.ts';
import { createBacklogServices, type BacklogServices } from './backlog/index.ts';
import type { Tagger } from './triage/tagger-pool.ts';
import { MemoryRateCounter, type RateCounter, StoreRateCounter } from './http/rate-limit.ts';

export interface CoreServices {
  store: Store;
  sites: SitesService;
  surveys: SurveysService;
  tokens: TokensService;
  ingest: IngestService;
  responses: ResponsesService;
  rateCounter: RateCounter;
  tagging: TaggingService;
  tagOverrides: TagOverrideService;
  /** The insights roll-up, told explicitly of every change of a response. */
  responseStats: ResponseStats;
}

export interface Services extends CoreServices {
  insights: InsightsServices;
  backlog: BacklogServices;
}

export interface ServicesOptions {
  retentionDays?: number;
  /** Where responses are tagged: a worker pool (TaggerPool.tag), or this thread when absent. */
  tagger?: Tagger;
}

/** Wires every service to its collections. Routes and the CLI both start here. */
export async function createServices(store: Store, options: ServicesOptions = {}): Promise<Services> {
  const [sites, surveys, responses, tokens, counters, taxonomies, jobs, overrides] = await Promise.all([
    store.collection(sitesSpec),
    store.collection(surveysSpec),
    store.collection(responsesSpec(options.retentionDays)),
    store.collection(tokensSpec),
    store.collection(countersSpec),
    store.collection(taxonomiesSpec),
    store.collection(jobsSpec),
    store.collection(tagOverridesSpec),
  ]);
  const responseStats = await createResponseStats(store, responses, options.retentionDays);
  const surveysService = new SurveysService(surveys);
  const sitesService = new SitesService(sites);
  const tagging = new TaggingService(responses, taxonomies, jobs, responseStats, options.tagger);
  const ingest = new IngestService(responses, surveysService, sitesService, tagging);
  ingest.onIngested((docs) => responseStats.add(docs));
  const core: CoreServices = {
    store,
    sites: sitesService,
    surveys: surveysService,
    tokens: new TokensService(tokens),
    ingest,
    tagging,
    tagOverrides: new TagOverrideService(responses, overrides, responseStats),
    responses: new ResponsesService(responses, responseStats),
    responseStats,
    // Replicas share MongoDB, so they must share counters; the embedded store is one process.
    rateCounter: store.kind === 'mongodb' ? new StoreRateCounter(counters) : new MemoryRateCounter(),
  };
  return {
    ...core,
    insights: await createInsightsServices(store, core),
    backlog: await createBacklogServices(store, core),
  };
}
