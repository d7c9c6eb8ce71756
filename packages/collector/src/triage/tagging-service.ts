import type { Site, Tags, ThemeDef } from '@hark/shared';
import type { Collection } from '../store/port.ts';
import type { ResponseDoc, RetagCheckpoint, TaxonomyDoc } from '../store/collections.ts';
import { detectPii } from './pii.ts';
import { tagResponse } from './tagger.ts';
import type { Tagger } from './tagger-pool.ts';
import { discoverThemes, type DiscoveredTheme } from './theme-discovery.ts';
import { DEFAULT_TAXONOMY, type Taxonomy } from './themes.ts';
import { effectiveTags } from './effective-tags.ts';
import type { ResponseStatsHook } from '../insights/response-stats.ts';

const CACHE_MS = 10 * 60_000;
const DISCOVERY_SAMPLE = 5000;
const MAX_ATTEMPTS = 5;

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Tags responses as they are stored, and again when asked. Tagging runs inside
 * ingestion (well under a millisecond, on a worker thread in a server: tagger-pool.ts),
 * so a response is stored with its tags in one write; if the tagger throws, the response is stored anyway as
 * `tagging.status: failed` and the sweeper tries again later. Nothing waits on
 * tagging to acknowledge an answer, and nothing is lost when it fails.
 */
export class TaggingService {
  private taxonomyCache = new Map<string, { taxonomy: Taxonomy; at: number }>();
  private discoveredCache = new Map<string, { themes: DiscoveredTheme[]; at: number }>();
  private readonly lateTagged: ((doc: ResponseDoc) => void)[] = [];
  /** For tests: make the tagger fail on purpose. */
  failNext = 0;

  constructor(
    private readonly responses: Collection<ResponseDoc>,
    private readonly taxonomies: Collection<TaxonomyDoc>,
    private readonly jobs: Collection<RetagCheckpoint>,
    private readonly stats?: Pick<ResponseStatsHook, 'replace' | 'rebuild'>,
    private readonly tagger: Tagger = tagResponse,
  ) {}

  async taxonomy(siteKey: string): Promise<{ themes: Taxonomy; isDefault: boolean; updatedAt?: string }> {
    const doc = await this.taxonomies.findOne({ siteKey });
    return doc ? { themes: doc.themes as Taxonomy, isDefault: false, updatedAt: doc.updatedAt } : { themes: DEFAULT_TAXONOMY, isDefault: true };
  }

  async setTaxonomy(siteKey: string, themes: ThemeDef[]): Promise<void> {
    await this.taxonomies.updateOne({ siteKey }, { $set: { themes, updatedAt: new Date().toISOString() } }, { upsert: true });
    this.taxonomyCache.delete(siteKey);
  }

  private async cachedTaxonomy(siteKey: string): Promise<Taxonomy> {
    const hit = this.taxonomyCache.get(siteKey);
    if (hit && Date.now() - hit.at < 5000) return hit.taxonomy;
    const { themes } = await this.taxonomy(siteKey);
    this.taxonomyCache.set(siteKey, { taxonomy: themes, at: Date.now() });
    return themes;
  }

  /** Recurring topics of a site's recent comments, recomputed at most every ten minutes. */
  async discovered(siteKey: string, fresh = false): Promise<DiscoveredTheme[]> {
    const hit = this.discoveredCache.get(siteKey);
    if (!fresh && hit && Date.now() - hit.at < CACHE_MS) return hit.themes;
    const docs = await this.responses.find(
      { siteKey, comment: { $exists: true, $ne: '' } },
      { sort: { receivedAt: -1 }, limit: DISCOVERY_SAMPLE, projection: { id: 1, comment: 1, locale: 1, 'tags.language': 1 } },
    );
    const taxonomy = await this.cachedTaxonomy(siteKey);
    const themes = discoverThemes(
      docs.map((d) => ({ id: d.id, comment: d.comment as string, locale: d.locale as string, language: (d.tags as Tags | undefined)?.language })),
      { exclude: taxonomy.map((t) => t.name.toLowerCase()) },
    );
    this.discoveredCache.set(siteKey, { themes, at: Date.now() });
    return themes;
  }

  private async computeTags(doc: ResponseDoc): Promise<Tags> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('tagger failure (injected by a test)');
    }
    const siteKey = doc.siteKey;
    const tags = await this.tagger(
      { type: String(doc.type), score: doc.score as number | undefined, comment: doc.comment as string | undefined, locale: doc.locale as string, context: doc.context as Record<string, string> },
      { taxonomy: await this.cachedTaxonomy(siteKey), discovered: this.discoveredCache.get(siteKey)?.themes },
    );
    // The comment was masked before tagging; what was found then is recorded on the response.
    const pii = doc.pii as Tags['pii'];
    if (pii?.length) tags.pii = [...new Set([...(tags.pii ?? []), ...pii])];
    return tags;
  }

  /**
   * Called by ingestion before the store write: masks personal data in the comment
   * (the original is kept only if the site opted in) and attaches tags.
   */
  async prepare(doc: ResponseDoc, site: Site): Promise<ResponseDoc> {
    const comment = typeof doc.comment === 'string' ? doc.comment : undefined;
    const found = comment ? detectPii(comment) : null;
    if (comment && found?.found.length) {
      doc.comment = found.masked;
      if (site.privacy?.keepOriginalPii) doc.commentOriginal = comment;
      doc.pii = found.found;
    }
    try {
      const auto = await this.computeTags(doc);
      doc.autoTags = auto;
      doc.tags = auto;
      doc.tagging = { status: 'done', attempts: 1, taggedAt: new Date().toISOString() };
    } catch (err) {
      doc.tagging = { status: 'failed', attempts: 1, lastError: errorText(err) };
    }
    return doc;
  }

  /** Re-tags one stored response, keeping any human override. */
  /**
   * Called with a response that has just become tagged after ingest could not tag it
   * (the sweeper's retry). A re-tag of an already tagged response is not reported.
   */
  onLateTagged(fn: (doc: ResponseDoc) => void): void {
    this.lateTagged.push(fn);
  }

  async retagOne(doc: ResponseDoc): Promise<boolean> {
    const attempts = ((doc.tagging as { attempts?: number } | undefined)?.attempts ?? 0) + 1;
    try {
      const auto = await this.computeTags(doc);
      const tags = effectiveTags(auto, doc.tagOverride as never);
      const tagging = { status: 'done', attempts, taggedAt: new Date().toISOString() };
      await this.responses.updateOne({ siteKey: doc.siteKey, id: doc.id }, { $set: { autoTags: auto, tags, tagging } });
      const after: ResponseDoc = { ...doc, autoTags: auto, tags, tagging };
      await this.stats?.replace(doc, after);
      if ((doc.tagging as { status?: string } | undefined)?.status !== 'done') for (const fn of this.lateTagged) fn(after);
      return true;
    } catch (err) {
      await this.responses.updateOne(
        { siteKey: doc.siteKey, id: doc.id },
        { $set: { tagging: { status: 'failed', attempts, lastError: errorText(err) } } },
      );
      return false;
    }
  }

  /**
   * Retries responses whose tagging failed. Safe to run on every replica at once:
   * tagging is deterministic, so two replicas tagging the same response write the same tags.
   */
  async sweepUntagged(limit = 200): Promise<number> {
    const docs = await this.responses.find({ 'tagging.status': { $ne: 'done' }, 'tagging.attempts': { $lt: MAX_ATTEMPTS } }, { limit });
    let ok = 0;
    for (const d of docs) if (await this.retagOne(d)) ok++;
    return ok;
  }

  async retagStatus(siteKey: string): Promise<RetagCheckpoint | null> {
    return this.jobs.findOne({ key: `retag:${siteKey}` });
  }

  /**
   * Re-runs the tagger over a site's responses, oldest first, streaming, and
   * records a checkpoint as it goes: an interrupted run resumes where it stopped
   * (restart: true starts over, e.g. after another taxonomy change).
   */
  async retagSite(siteKey: string, opts: { restart?: boolean; onProgress?: (n: number) => void } = {}): Promise<RetagCheckpoint> {
    const key = `retag:${siteKey}`;
    const previous = await this.jobs.findOne({ key });
    const resume = !opts.restart && previous && previous.status !== 'done' ? previous : null;
    const now = new Date().toISOString();
    const base: RetagCheckpoint = resume ?? { key, siteKey, status: 'running', processed: 0, startedAt: now, updatedAt: now };
    await this.jobs.updateOne({ key }, { $set: { ...base, status: 'running', updatedAt: now } }, { upsert: true });
    this.discoveredCache.delete(siteKey);
    this.taxonomyCache.delete(siteKey);
    await this.discovered(siteKey, true);

    const filter: Record<string, unknown> = { siteKey };
    if (resume?.lastReceivedAt && resume.lastId) {
      filter.$or = [{ receivedAt: { $gt: resume.lastReceivedAt } }, { receivedAt: resume.lastReceivedAt, id: { $gt: resume.lastId } }];
    }
    let processed = resume?.processed ?? 0;
    try {
      for await (const doc of this.responses.stream(filter, { sort: { receivedAt: 1, id: 1 } })) {
        await this.retagOne(doc);
        processed++;
        if (processed % 100 === 0) {
          await this.jobs.updateOne({ key }, { $set: { processed, lastReceivedAt: doc.receivedAt, lastId: doc.id, updatedAt: new Date().toISOString() } });
          opts.onProgress?.(processed);
        }
        base.lastReceivedAt = doc.receivedAt;
        base.lastId = doc.id;
      }
    } catch (err) {
      await this.jobs.updateOne({ key }, { $set: { status: 'failed', error: errorText(err), processed, updatedAt: new Date().toISOString() } });
      throw err;
    }
    const done: RetagCheckpoint = { ...base, status: 'done', processed, updatedAt: new Date().toISOString() };
    await this.jobs.updateOne({ key }, { $set: done });
    // Re-tagging kept the insights roll-up up to date response by response; a rebuild at
    // the end also repairs any drift (best effort: skipped when one is already running).
    await this.stats?.rebuild(siteKey).catch(() => {});
    return done;
  }
}
