import type { IngestResult, ResponseInput, Site, StoredResponse } from '@hark/shared';
import { HttpError } from '../http/errors.ts';
import type { Collection } from '../store/port.ts';
import type { ResponseDoc } from '../store/collections.ts';
import type { SurveysService } from '../surveys/surveys.ts';
import { deviceFromUserAgent } from './device.ts';
import type { SitesService } from '../sites/sites.ts';
import type { TaggingService } from '../triage/tagging-service.ts';

export type ResponseSource = StoredResponse['source'];

export interface IngestMeta {
  userAgent?: string;
  source: ResponseSource;
  /** Imports keep the date of each original answer (same order as the inputs). */
  receivedAt?: (Date | undefined)[];
  /** The site, when the caller has looked it up already (the ingest endpoint has). */
  site?: Site;
}

/**
 * Called with the freshly stored responses (never duplicates), after the store has
 * them. Not awaited: what listeners maintain (roll-up counts, webhook deliveries) is
 * derived from stored responses, and the answer's 202 does not wait for it.
 */
export type IngestListener = (docs: ResponseDoc[]) => void | Promise<void>;

function listenerFailed(err: unknown): void {
  process.emitWarning(`an ingest listener failed: ${err instanceof Error ? err.message : String(err)}`);
}

/**
 * The one way in for responses (widget, API, import). Validation of shape is done
 * by the caller with zod; here the response is checked against the site's
 * surveys, given its server fields and stored. The returned promise resolves
 * only once the store holds every accepted response.
 */
export class IngestService {
  private listeners: IngestListener[] = [];

  constructor(
    private readonly responses: Collection<ResponseDoc>,
    private readonly surveys: SurveysService,
    private readonly sites: SitesService,
    private readonly tagging: TaggingService,
  ) {}

  onIngested(fn: IngestListener): void {
    this.listeners.push(fn);
  }

  async ingest(siteKey: string, inputs: ResponseInput[], meta: IngestMeta): Promise<IngestResult[]> {
    const issues: { path: string; message: string }[] = [];
    for (const [i, r] of inputs.entries()) {
      const survey = this.surveys.peekActive(siteKey)?.find((s) => s.id === r.surveyId) ?? (await this.surveys.findForIngest(siteKey, r.surveyId));
      const at = inputs.length > 1 ? `[${i}].` : '';
      if (!survey && !(meta.source === 'import' && (await this.surveys.get(r.surveyId))?.siteKey === siteKey)) {
        issues.push({ path: `${at}surveyId`, message: `unknown survey "${r.surveyId}" for site "${siteKey}"` });
      } else if (survey && survey.kind !== r.type) {
        issues.push({ path: `${at}type`, message: `survey "${r.surveyId}" is a ${survey.kind} survey, not ${r.type}` });
      }
    }
    if (issues.length) {
      throw new HttpError(422, 'validation_failed', `${issues[0]!.path}: ${issues[0]!.message}`, issues);
    }
    const device = deviceFromUserAgent(meta.userAgent);
    const now = new Date();
    // Object.assign, not `{ ...r, siteKey, … }`: V8 gives a spread followed by more
    // properties a fresh hidden class each time, ~5 µs per answer (bench/ingest-profile.ts).
    const docs: ResponseDoc[] = inputs.map((r, i) =>
      Object.assign({}, r, {
        siteKey,
        receivedAt: meta.receivedAt?.[i] ?? now,
        device,
        source: meta.source,
        tagging: { status: 'pending', attempts: 0 },
      }),
    );
    const site = meta.site ?? (await this.sites.require(siteKey));
    await Promise.all(docs.map((d) => this.tagging.prepare(d, site)));
    const outcomes = await this.responses.insertMany(docs);
    const fresh = docs.filter((_, i) => outcomes[i] === 'inserted');
    if (fresh.length) {
      for (const l of this.listeners) {
        try {
          void Promise.resolve(l(fresh)).catch(listenerFailed);
        } catch (err) {
          listenerFailed(err);
        }
      }
    }
    return docs.map((d, i) => ({ id: d.id, duplicate: outcomes[i] === 'duplicate' }));
  }
}
