import { SitesService } from './sites/sites.ts';
import { SurveysService } from './surveys/surveys.ts';
import { TokensService } from './auth/tokens.ts';
import { IngestService } from './ingest/ingest.ts';
import { ResponsesService } from './responses/responses.ts';
import { countersSpec, responsesSpec, sitesSpec, surveysSpec, tokensSpec } from './store/collections.ts';
import type { Store } from './store/port.ts';
import { MemoryRateCounter, type RateCounter, StoreRateCounter } from './http/rate-limit.ts';

export interface Services {
  store: Store;
  sites: SitesService;
  surveys: SurveysService;
  tokens: TokensService;
  ingest: IngestService;
  responses: ResponsesService;
  rateCounter: RateCounter;
}

export interface ServicesOptions {
  retentionDays?: number;
}

/** Wires every service to its collections. Routes and the CLI both start here. */
export async function createServices(store: Store, options: ServicesOptions = {}): Promise<Services> {
  const [sites, surveys, responses, tokens, counters] = await Promise.all([
    store.collection(sitesSpec),
    store.collection(surveysSpec),
    store.collection(responsesSpec(options.retentionDays)),
    store.collection(tokensSpec),
    store.collection(countersSpec),
  ]);
  const surveysService = new SurveysService(surveys);
  return {
    store,
    sites: new SitesService(sites),
    surveys: surveysService,
    tokens: new TokensService(tokens),
    ingest: new IngestService(responses, surveysService),
    responses: new ResponsesService(responses),
    // Replicas share MongoDB, so they must share counters; the embedded store is one process.
    rateCounter: store.kind === 'mongodb' ? new StoreRateCounter(counters) : new MemoryRateCounter(),
  };
}
