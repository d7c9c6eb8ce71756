// Stories: drafted from responses or a theme, edited by the PO through
// draft → ready → exported → done, merged, escalated to the PM, linked to an
// initiative. Evidence is always recomputed from the stored responses.
import { randomBytes } from 'node:crypto';
import type { ListStoriesQuery, Story, StoryCreate, StoryPatch } from '@hark/shared';
import type { Principal } from '../auth/tokens.ts';
import { HttpError, notFound } from '../http/errors.ts';
import type { SitesService } from '../sites/sites.ts';
import type { ResponseDoc } from '../store/collections.ts';
import type { Collection, Filter } from '../store/port.ts';
import type { StoryDoc } from './collections.ts';
import { buildEvidence } from './evidence.ts';
import { priorityOf } from './priority.ts';
import type { SourceResponse } from './source.ts';
import { draftStory, storyText } from './story-draft.ts';
import { allowedNext, canTransition, mergeStories } from './story-merge.ts';

const MAX_EVIDENCE = 1000;

export type StoryEvents = {
  ready(story: Story): Promise<void>;
  done(story: Story, respondents: Respondents): Promise<void>;
};

export interface Respondent {
  userId?: string;
  email?: string;
  name?: string;
  locale: string;
  responseIds: string[];
}
export interface Respondents {
  respondents: Respondent[];
  /** Responses without a user id or an e-mail: nobody to tell. */
  anonymousResponses: number;
}

export function toApiStory(d: StoryDoc): Story {
  const { _id, ...rest } = d as StoryDoc & { _id?: unknown };
  return rest as Story;
}

const who = (p: Principal) => `${p.name} (${p.role})`;

function encodeCursor(s: Story): string {
  return Buffer.from(JSON.stringify([s.createdAt, s.id])).toString('base64url');
}
function cursorFilter(cursor: string): Filter {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    v = null;
  }
  if (!Array.isArray(v) || typeof v[0] !== 'string' || typeof v[1] !== 'string') {
    throw new HttpError(400, 'bad_request', 'cursor is not valid: pass back the nextCursor of a previous page', [{ path: 'cursor', message: 'not a cursor returned by this API' }]);
  }
  return { $or: [{ createdAt: { $lt: v[0] } }, { createdAt: v[0], id: { $lt: v[1] } }] };
}

export class StoriesService {
  constructor(
    readonly collection: Collection<StoryDoc>,
    private readonly responses: Collection<ResponseDoc>,
    private readonly sites: SitesService,
    private readonly events: StoryEvents,
  ) {}

  private async sourceResponses(siteKey: string, ids: string[]): Promise<SourceResponse[]> {
    if (!ids.length) return [];
    const docs = await this.responses.find({ siteKey, id: { $in: ids } });
    return docs as unknown as SourceResponse[];
  }

  async create(input: StoryCreate, by: Principal): Promise<Story> {
    const site = await this.sites.require(input.site);
    let rs: SourceResponse[];
    if (input.responses?.length) {
      const ids = [...new Set(input.responses)];
      rs = await this.sourceResponses(site.key, ids);
      const found = new Set(rs.map((r) => r.id));
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length) {
        throw new HttpError(422, 'validation_failed', `unknown response(s) for site "${site.key}": ${missing.slice(0, 5).join(', ')}`,
          missing.slice(0, 50).map((id) => ({ path: 'responses', message: `no response "${id}" on site "${site.key}"` })));
      }
    } else {
      rs = (await this.responses.find({ siteKey: site.key, 'tags.themes': input.theme }, { sort: { receivedAt: -1 }, limit: MAX_EVIDENCE })) as unknown as SourceResponse[];
      if (!rs.length) throw new HttpError(422, 'validation_failed', `no response of site "${site.key}" is tagged with theme "${input.theme}"`, [{ path: 'theme', message: 'no response has this theme' }]);
    }
    const draft = draftStory(rs, { ...(input.language ? { language: input.language } : {}), ...(input.theme ? { theme: input.theme } : {}) });
    const now = new Date().toISOString();
    const doc: StoryDoc = {
      id: `sty_${randomBytes(8).toString('hex')}`,
      siteKey: site.key,
      status: 'draft',
      track: 'tactical',
      ...draft,
      responseIds: rs.map((r) => r.id),
      escalated: false,
      statusHistory: [{ from: null, to: 'draft', by: who(by), at: now }],
      createdBy: who(by),
      createdAt: now,
      updatedAt: now,
      ...(input.theme ? { theme: input.theme } : {}),
      ...(input.initiativeId ? { initiativeId: input.initiativeId } : {}),
    };
    await this.collection.insertOne(doc);
    return toApiStory(doc);
  }

  async require(id: string): Promise<StoryDoc> {
    const d = await this.collection.findOne({ id });
    if (!d) throw notFound(`story "${id}"`);
    return d;
  }

  async get(id: string): Promise<Story> {
    return toApiStory(await this.require(id));
  }

  async list(q: ListStoriesQuery): Promise<{ items: Story[]; nextCursor: string | null }> {
    const base: Filter = {};
    if (q.site) base.siteKey = q.site;
    if (q.status) base.status = q.status;
    if (q.escalated) base.escalated = q.escalated === 'true';
    if (q.initiative) base.initiativeId = q.initiative;
    const filter = q.cursor ? { $and: [base, cursorFilter(q.cursor)] } : base;
    const docs = await this.collection.find(filter, { sort: { createdAt: -1, id: -1 }, limit: q.limit + 1 });
    const page = docs.slice(0, q.limit).map(toApiStory);
    return { items: page, nextCursor: docs.length > q.limit && page.length ? encodeCursor(page.at(-1)!) : null };
  }

  /** For exports: every story of a site (merged ones only when asked by status). */
  async selection(siteKey: string, status?: Story['status']): Promise<Story[]> {
    await this.sites.require(siteKey);
    const filter: Filter = status ? { siteKey, status } : { siteKey, status: { $ne: 'merged' } };
    return (await this.collection.find(filter, { sort: { createdAt: 1, id: 1 }, limit: 5000 })).map(toApiStory);
  }

  async patch(id: string, p: StoryPatch, by: Principal): Promise<Story> {
    const cur = await this.require(id);
    if (cur.status === 'merged') throw new HttpError(409, 'conflict', `story "${id}" was merged into "${cur.mergedInto}"; edit that one`);
    const now = new Date().toISOString();
    const set: Record<string, unknown> = { updatedAt: now };
    const unset: Record<string, ''> = {};
    if (p.title !== undefined) set.title = p.title;
    if (p.story) {
      const parts = { ...cur.story, ...p.story };
      set.story = parts;
      set.text = storyText(parts, cur.language);
    }
    if (p.acceptanceCriteria) set.acceptanceCriteria = p.acceptanceCriteria;
    if (p.labels) set.labels = [...new Set(p.labels)];
    if (p.initiativeId !== undefined) {
      if (p.initiativeId === null) unset.initiativeId = '';
      else set.initiativeId = p.initiativeId;
    }
    const changing = p.status !== undefined && p.status !== cur.status;
    if (p.status !== undefined && !canTransition(cur.status, p.status)) {
      throw new HttpError(409, 'conflict', `a ${cur.status} story cannot become ${p.status}; it can become ${allowedNext(cur.status).join(' or ') || 'nothing'}`, [
        { path: 'status', message: `${cur.status} → ${p.status} is not allowed` },
      ]);
    }
    if (changing) {
      set.status = p.status;
      set.statusHistory = [...cur.statusHistory, { from: cur.status, to: p.status!, by: who(by), at: now }];
    }
    const filter = changing ? { id, status: cur.status } : { id };
    const updated = await this.collection.findOneAndUpdate(filter, { $set: set, ...(Object.keys(unset).length ? { $unset: unset } : {}) });
    if (!updated) throw new HttpError(409, 'conflict', `story "${id}" changed meanwhile; read it again`);
    const story = toApiStory(updated);
    if (changing) await this.announce(story);
    return story;
  }

  /** PMs link stories to initiatives without editing them otherwise. */
  async setInitiative(id: string, initiativeId: string | null): Promise<Story> {
    await this.require(id);
    const update = initiativeId === null ? { $unset: { initiativeId: '' }, $set: { updatedAt: new Date().toISOString() } } : { $set: { initiativeId, updatedAt: new Date().toISOString() } };
    const updated = await this.collection.findOneAndUpdate({ id }, update);
    if (!updated) throw notFound(`story "${id}"`);
    return toApiStory(updated);
  }

  private async announce(story: Story): Promise<void> {
    if (story.status === 'ready') await this.events.ready(story);
    if (story.status === 'done') await this.events.done(story, await this.respondents(story));
  }

  async markExported(stories: Story[], by: Principal): Promise<Story[]> {
    const out: Story[] = [];
    for (const s of stories) out.push(s.status === 'ready' ? await this.patch(s.id, { status: 'exported' }, by) : s);
    return out;
  }

  async merge(id: string, from: string[], by: Principal): Promise<Story> {
    const target = await this.require(id);
    if (target.status === 'merged') throw new HttpError(409, 'conflict', `story "${id}" was itself merged into "${target.mergedInto}"`);
    const ids = [...new Set(from)].filter((x) => x !== id);
    if (!ids.length) throw new HttpError(400, 'validation_failed', 'nothing to merge: "from" must name other stories', [{ path: 'from', message: 'only the target story itself' }]);
    const dups = await this.collection.find({ id: { $in: ids } });
    const missing = ids.filter((x) => !dups.some((d) => d.id === x));
    if (missing.length) throw notFound(`story "${missing[0]}"`);
    for (const d of dups) {
      if (d.siteKey !== target.siteKey) throw new HttpError(422, 'validation_failed', `story "${d.id}" belongs to site "${d.siteKey}", not "${target.siteKey}"`, [{ path: 'from', message: 'another site' }]);
      if (d.status === 'merged') throw new HttpError(409, 'conflict', `story "${d.id}" was already merged into "${d.mergedInto}"`);
    }
    const merged = mergeStories(target, dups);
    const rs = await this.sourceResponses(target.siteKey, merged.responseIds.slice(0, MAX_EVIDENCE));
    const now = new Date().toISOString();
    const set: Record<string, unknown> = { ...merged, updatedAt: now };
    if (rs.length) {
      set.evidence = buildEvidence(rs);
      set.priority = priorityOf(rs);
    }
    const updated = await this.collection.findOneAndUpdate({ id, status: target.status }, { $set: set });
    if (!updated) throw new HttpError(409, 'conflict', `story "${id}" changed meanwhile; try again`);
    for (const d of dups) {
      await this.collection.updateOne({ id: d.id }, {
        $set: { status: 'merged', mergedInto: id, updatedAt: now, statusHistory: [...d.statusHistory, { from: d.status, to: 'merged', by: who(by), at: now }] },
      });
    }
    return toApiStory(updated);
  }

  async escalate(id: string, note: string, by: Principal): Promise<Story> {
    const cur = await this.require(id);
    if (cur.status === 'merged') throw new HttpError(409, 'conflict', `story "${id}" was merged into "${cur.mergedInto}"; escalate that one`);
    const now = new Date().toISOString();
    const updated = await this.collection.findOneAndUpdate({ id }, { $set: { escalated: true, track: 'strategic', escalation: { note, by: who(by), at: now }, updatedAt: now } });
    return toApiStory(updated!);
  }

  /** Stories a response fed (merged ones say which story they went into). */
  async forResponse(responseId: string): Promise<Story[]> {
    const r = await this.responses.findOne({ id: responseId }, { projection: { id: 1, siteKey: 1 } });
    if (!r) throw notFound(`response "${responseId}"`);
    return (await this.collection.find({ siteKey: r.siteKey, responseIds: responseId }, { sort: { createdAt: -1 } })).map(toApiStory);
  }

  /** Who to tell that their feedback shipped: one entry per user id or e-mail (trait `email`). */
  async respondents(story: Story): Promise<Respondents> {
    const docs = await this.sourceResponses(story.siteKey, story.responseIds);
    const byKey = new Map<string, Respondent>();
    let anonymous = 0;
    for (const r of docs) {
      const traits = r.user?.traits ?? {};
      const email = typeof traits.email === 'string' && /^[^\s@]+@[^\s@]+$/.test(traits.email) ? traits.email : undefined;
      const key = r.user?.id ? `u:${r.user.id}` : email ? `e:${email.toLowerCase()}` : null;
      if (!key) {
        anonymous++;
        continue;
      }
      const cur = byKey.get(key);
      if (cur) {
        cur.responseIds.push(r.id);
        if (!cur.email && email) cur.email = email;
        continue;
      }
      const entry: Respondent = { locale: r.locale, responseIds: [r.id] };
      if (r.user?.id) entry.userId = r.user.id;
      if (email) entry.email = email;
      if (typeof traits.name === 'string') entry.name = traits.name;
      byKey.set(key, entry);
    }
    return { respondents: [...byKey.values()], anonymousResponses: anonymous };
  }
}
