// Roadmap initiatives: a goal on a horizon, the customer evidence behind it (linked
// responses and themes), and the stories the PO delivered under it.
import { randomBytes } from 'node:crypto';
import type { Initiative, InitiativeCreate, InitiativeLinks, InitiativePatch } from '@hark/shared';
import { z } from 'zod';
import type { InitiativeListQuery } from '@hark/shared';
import type { Principal } from '../auth/tokens.ts';
import { HttpError, notFound } from '../http/errors.ts';
import type { ResponseDoc } from '../store/collections.ts';
import type { Collection, CollectionSpec, Doc, Filter, Store } from '../store/port.ts';
import type { InsightsAnalytics } from './analytics.ts';
import { pointsAtStake } from './nps-stats.ts';
import type { TriageService } from './triage.ts';

export type InitiativeDoc = Initiative & Doc;

export const initiativesSpec: CollectionSpec<InitiativeDoc> = {
  name: 'initiatives',
  key: (d) => d.id,
  indexes: [{ fields: { id: 1 }, unique: true }, { fields: { siteKey: 1, horizon: 1, status: 1 } }],
};

/** What initiatives read of the PO's stories (the backlog owns and writes them). */
interface StoryView extends Doc {
  id: string;
  siteKey: string;
  title: string;
  status: string;
  initiativeId?: string;
}
const storiesReadSpec: CollectionSpec<StoryView> = { name: 'stories', key: (d) => d.id };

const strip = ({ _id, ...rest }: InitiativeDoc & { _id?: unknown }): Initiative => rest as Initiative;

export class InitiativesService {
  private stories?: Promise<Collection<StoryView>>;

  constructor(
    readonly collection: Collection<InitiativeDoc>,
    private readonly responses: Collection<ResponseDoc>,
    private readonly store: Store,
    private readonly analytics: InsightsAnalytics,
    private readonly triage: TriageService,
  ) {}

  /** Opened on first use, so the backlog (which owns `stories`) has declared it first. */
  private storiesCollection(): Promise<Collection<StoryView>> {
    this.stories ??= this.store.collection(storiesReadSpec);
    return this.stories;
  }

  async create(input: InitiativeCreate, by: Principal): Promise<Initiative> {
    const now = new Date().toISOString();
    const doc: InitiativeDoc = {
      id: `ini_${randomBytes(9).toString('base64url')}`,
      ...input,
      links: { responses: [], themes: [] },
      createdBy: `${by.name} (${by.role})`,
      createdAt: now,
      updatedAt: now,
    };
    await this.collection.insertOne(doc);
    return strip(doc);
  }

  async list(q: z.infer<typeof InitiativeListQuery>): Promise<Initiative[]> {
    const f: Filter = {};
    if (q.site) f.siteKey = q.site;
    if (q.horizon) f.horizon = q.horizon;
    if (q.status) f.status = q.status;
    const order = { now: 0, next: 1, later: 2 } as const;
    const docs = await this.collection.find(f, { sort: { createdAt: -1, id: -1 } });
    return docs.map(strip).sort((a, b) => order[a.horizon] - order[b.horizon]);
  }

  async require(id: string): Promise<Initiative> {
    const doc = await this.collection.findOne({ id });
    if (!doc) throw notFound(`initiative "${id}"`);
    return strip(doc);
  }

  async patch(id: string, change: InitiativePatch): Promise<Initiative> {
    await this.require(id);
    const $set: Doc = { updatedAt: new Date().toISOString() };
    const $unset: Doc = {};
    for (const [k, v] of Object.entries(change)) {
      if (v === null) $unset[k] = '';
      else if (v !== undefined) $set[k] = v;
    }
    await this.collection.updateOne({ id }, { $set, ...(Object.keys($unset).length ? { $unset } : {}) });
    return this.require(id);
  }

  async link(id: string, links: InitiativeLinks, by: Principal): Promise<Initiative> {
    const ini = await this.require(id);
    const responseIds = [...new Set(links.responses ?? [])];
    if (responseIds.length) {
      const found = await this.responses.find({ siteKey: ini.siteKey, id: { $in: responseIds } }, { projection: { id: 1 } });
      const have = new Set(found.map((d) => d.id));
      const missing = responseIds.filter((r) => !have.has(r));
      if (missing.length) {
        throw new HttpError(422, 'validation_failed', `response "${missing[0]}" not found on site "${ini.siteKey}"`, missing.slice(0, 50).map((m) => ({ path: 'responses', message: `${m}: not found on site ${ini.siteKey}` })));
      }
    }
    const themes = [...new Set(links.themes ?? [])];
    await this.collection.updateOne(
      { id },
      { $addToSet: { 'links.responses': { $each: responseIds }, 'links.themes': { $each: themes } }, $set: { updatedAt: new Date().toISOString() } },
    );
    for (const r of responseIds) await this.triage.setInitiativeLink(ini.siteKey, 'response', r, id, true, by);
    for (const t of themes) await this.triage.setInitiativeLink(ini.siteKey, 'theme', t, id, true, by);
    return this.require(id);
  }

  async unlink(id: string, kind: 'response' | 'theme', subjectId: string, by: Principal): Promise<Initiative> {
    const ini = await this.require(id);
    const field = kind === 'response' ? 'responses' : 'themes';
    if (!ini.links[field].includes(subjectId)) throw notFound(`${kind} "${subjectId}" among the links of initiative "${id}"`);
    await this.collection.updateOne({ id }, { $pull: { [`links.${field}`]: subjectId }, $set: { updatedAt: new Date().toISOString() } });
    await this.triage.setInitiativeLink(ini.siteKey, kind, subjectId, id, false, by);
    return this.require(id);
  }

  /** The initiative with its evidence and the stories delivered under it. */
  async detail(id: string) {
    const ini = await this.require(id);
    const { responses: responseIds, themes } = ini.links;
    const [linked, themeReport, ev, stories] = await Promise.all([
      responseIds.length ? this.responses.find({ siteKey: ini.siteKey, id: { $in: responseIds } }, { sort: { receivedAt: -1 } }) : Promise.resolve([]),
      themes.length ? this.analytics.themes({ site: ini.siteKey, interval: 'month', minN: 30, limit: 300 }) : Promise.resolve(null),
      this.analytics.evidence(ini.siteKey, responseIds, themes),
      this.storiesCollection().then((c) => c.find({ initiativeId: id }, { sort: { id: 1 } })),
    ]);
    const byTheme = new Map((themeReport?.themes ?? []).map((t) => [t.theme, t]));
    const found = new Set(linked.map((d) => d.id));
    const traits = (d: ResponseDoc) => ((d.user as { id?: string; traits?: Record<string, unknown> } | undefined) ?? {});
    return {
      ...ini,
      evidence: {
        themes: themes.map((t) => {
          const d = byTheme.get(t);
          return { theme: t, volume: d?.volume ?? 0, detractors: d?.nps.counts.detractors ?? 0, npsAtStake: d?.npsAtStake ?? 0 };
        }),
        responses: linked.map((d) => {
          const u = traits(d);
          const account = u.traits?.account ?? u.traits?.company;
          return {
            id: d.id,
            comment: typeof d.comment === 'string' ? d.comment : '',
            score: typeof d.score === 'number' ? d.score : null,
            receivedAt: d.receivedAt instanceof Date ? d.receivedAt.toISOString() : String(d.receivedAt),
            ...((d.tags as { npsCategory?: string } | undefined)?.npsCategory ? { npsCategory: (d.tags as { npsCategory: string }).npsCategory } : {}),
            ...(u.id ? { userId: u.id } : {}),
            ...(account !== undefined && account !== null ? { account: String(account) } : {}),
          };
        }),
        // Linked earlier, erased since (GDPR) or purged by retention.
        missingResponses: responseIds.filter((r) => !found.has(r)),
        accountsAffected: ev.accounts.length,
        accounts: ev.accounts.slice(0, 50),
        respondents: ev.respondents,
        npsAtStake: pointsAtStake(ev.detractors, ev.npsBase),
        npsBase: ev.npsBase,
      },
      stories: stories.map((s) => ({ id: s.id, title: s.title, status: s.status, delivered: s.status === 'done' })),
      delivered: stories.filter((s) => s.status === 'done').length,
    };
  }
}
