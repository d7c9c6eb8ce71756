import { Privacy, type Site, type SiteCreateInput, type SitePatch, Theme, VisitorBudget } from '@hark/shared';
import { HttpError, notFound } from '../http/errors.ts';
import type { Collection } from '../store/port.ts';
import type { SiteDoc } from '../store/collections.ts';

/**
 * Sites are read on every ingest and config request; a short in-process cache
 * keeps that off the store. With several replicas a change made on one shows on
 * the others within CACHE_MS, which is fine for origins and themes.
 */
const CACHE_MS = 5000;

export class SitesService {
  private cache = new Map<string, { site: Site | null; at: number }>();

  constructor(private readonly sites: Collection<SiteDoc>) {}

  /** The cached site when fresh (null: known not to exist), undefined when the store must be asked. */
  peek(key: string): Site | null | undefined {
    const hit = this.cache.get(key);
    return hit && Date.now() - hit.at < CACHE_MS ? hit.site : undefined;
  }

  async get(key: string): Promise<Site | null> {
    const hit = this.peek(key);
    if (hit !== undefined) return hit;
    const site = (await this.sites.findOne({ key })) as Site | null;
    this.cache.set(key, { site, at: Date.now() });
    return site;
  }

  async require(key: string): Promise<Site> {
    const site = await this.get(key);
    if (!site) throw notFound(`site "${key}"`);
    return site;
  }

  async list(): Promise<Site[]> {
    return (await this.sites.find({}, { sort: { key: 1 } })) as Site[];
  }

  async create(input: SiteCreateInput): Promise<Site> {
    const now = new Date().toISOString();
    const site: Site = {
      key: input.key,
      name: input.name,
      allowedOrigins: input.allowedOrigins,
      theme: Theme.parse(input.theme ?? {}),
      visitorBudget: VisitorBudget.parse(input.visitorBudget ?? {}),
      privacy: Privacy.parse(input.privacy ?? {}),
      createdAt: now,
      updatedAt: now,
    };
    const outcome = await this.sites.insertOne(site as SiteDoc);
    if (outcome === 'duplicate') throw new HttpError(409, 'conflict', `site "${input.key}" already exists`);
    this.cache.delete(site.key);
    return site;
  }

  async patch(key: string, patch: SitePatch): Promise<Site> {
    const set: Record<string, unknown> = { updatedAt: new Date().toISOString() };
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) set[k] = v;
    const updated = await this.sites.findOneAndUpdate({ key }, { $set: set });
    this.cache.delete(key);
    if (!updated) throw notFound(`site "${key}"`);
    return updated as Site;
  }

  /** Origins check for browsers; requests without an Origin header are not from a page and pass. */
  static originAllowed(site: Site, origin: string | undefined): boolean {
    if (!origin) return true;
    return site.allowedOrigins.includes('*') || site.allowedOrigins.includes(origin);
  }
}
