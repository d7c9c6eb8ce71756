// PM triage of responses and themes: a status with validated transitions, an assignee,
// a note, links to initiatives, a PO's escalation, and the history of every change.
import type { InboxQuery, StoredResponse, TriagePatch, TriageRecord, TriageStatus } from '@hark/shared';
import { HttpError } from '../http/errors.ts';
import type { Principal } from '../auth/tokens.ts';
import { LIST_SORT, cursorFilter, encodeCursor } from '../responses/list-query.ts';
import { toApiResponse } from '../responses/serialize.ts';
import type { ResponseDoc } from '../store/collections.ts';
import type { Collection, CollectionSpec, Doc, Filter, Update } from '../store/port.ts';

export type SubjectType = 'response' | 'theme';

export interface TriageDoc extends Doc {
  siteKey: string;
  subjectType: SubjectType;
  subjectId: string;
  status: TriageStatus;
  assignee?: string;
  note?: string;
  escalation?: { track: 'strategic'; note: string; by: string; at: string };
  initiativeIds: string[];
  history: TriageRecord['history'];
  createdAt: string;
  updatedAt: string;
}

export const triageSpec: CollectionSpec<TriageDoc> = {
  name: 'triage',
  key: (d) => `${d.siteKey}:${d.subjectType}:${d.subjectId}`,
  indexes: [
    { fields: { siteKey: 1, subjectType: 1, subjectId: 1 }, unique: true },
    { fields: { siteKey: 1, subjectType: 1, status: 1 } },
    { fields: { subjectType: 1, status: 1, assignee: 1 } },
  ],
};

/** new → reviewing → planned | not_now | declined; any decision may be reopened to reviewing. */
const NEXT: Record<TriageStatus, TriageStatus[]> = {
  new: ['reviewing'],
  reviewing: ['planned', 'not_now', 'declined'],
  planned: ['reviewing'],
  not_now: ['reviewing'],
  declined: ['reviewing'],
};

export function canMove(from: TriageStatus, to: TriageStatus): boolean {
  return from === to || NEXT[from].includes(to);
}

export function allowedNext(from: TriageStatus): TriageStatus[] {
  return NEXT[from];
}

const who = (p: Principal) => `${p.name} (${p.role})`;

/** The API shape: a subject that was never triaged reads as status `new`. */
export function toRecord(doc: TriageDoc | null, siteKey: string, subjectType: SubjectType, subjectId: string): TriageRecord {
  if (!doc) return { siteKey, subjectType, subjectId, status: 'new', initiativeIds: [], history: [] };
  const { _id, ...rest } = doc as TriageDoc & { _id?: unknown };
  return { ...rest, initiativeIds: rest.initiativeIds ?? [], history: rest.history ?? [] } as TriageRecord;
}

export class TriageService {
  constructor(
    readonly collection: Collection<TriageDoc>,
    private readonly responses: Collection<ResponseDoc>,
  ) {}

  async get(siteKey: string, subjectType: SubjectType, subjectId: string): Promise<TriageRecord> {
    return toRecord(await this.collection.findOne({ siteKey, subjectType, subjectId }), siteKey, subjectType, subjectId);
  }

  async responseSite(id: string): Promise<string> {
    const doc = await this.responses.findOne({ id }, { projection: { siteKey: 1 } });
    if (!doc) throw new HttpError(404, 'not_found', `response "${id}" not found`);
    return doc.siteKey;
  }

  /** Applies a PM's status/assignee/note change; refuses a transition the workflow does not allow (409). */
  async patch(siteKey: string, subjectType: SubjectType, subjectId: string, change: TriagePatch, by: Principal): Promise<TriageRecord> {
    const key = { siteKey, subjectType, subjectId };
    const current = await this.collection.findOne(key);
    const before = toRecord(current, siteKey, subjectType, subjectId);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const $set: Doc = {};
    const $unset: Doc = {};
    if (change.status !== undefined && change.status !== before.status) {
      if (!canMove(before.status, change.status)) {
        throw new HttpError(409, 'conflict', `cannot move from "${before.status}" to "${change.status}": allowed next ${allowedNext(before.status).map((s) => `"${s}"`).join(', ')}`, [
          { path: 'status', message: `from ${before.status}: ${allowedNext(before.status).join(' | ')}` },
        ]);
      }
      changes.status = { from: before.status, to: change.status };
      $set.status = change.status;
    }
    for (const field of ['assignee', 'note'] as const) {
      const next = change[field];
      if (next === undefined || (next ?? undefined) === before[field]) continue;
      changes[field] = { from: before[field] ?? null, to: next };
      if (next === null) $unset[field] = '';
      else $set[field] = next;
    }
    if (Object.keys(changes).length === 0) return before;
    const now = new Date().toISOString();
    $set.updatedAt = now;
    const update: Update = {
      $set,
      $push: { history: { at: now, by: who(by), action: 'triage', changes } },
      ...(Object.keys($unset).length ? { $unset } : {}),
    };
    if (current) {
      // Optimistic: the status we validated against must still be there.
      const r = await this.collection.updateOne({ ...key, status: before.status }, update);
      if (r.matched === 0) throw new HttpError(409, 'conflict', 'the triage record changed meanwhile: read it again and retry');
    } else {
      update.$setOnInsert = { createdAt: now, initiativeIds: [], ...(changes.status ? {} : { status: 'new' }) };
      await this.collection.updateOne(key, update, { upsert: true });
    }
    return this.get(siteKey, subjectType, subjectId);
  }

  /** A PO's field signal: the theme goes to the strategic track with a note, for the PM to review. */
  async escalateTheme(siteKey: string, theme: string, note: string, by: Principal): Promise<TriageRecord> {
    const key = { siteKey, subjectType: 'theme' as const, subjectId: theme };
    const before = await this.get(siteKey, 'theme', theme);
    const now = new Date().toISOString();
    const escalation = { track: 'strategic' as const, note, by: who(by), at: now };
    await this.collection.updateOne(
      key,
      {
        $set: { escalation, updatedAt: now },
        $push: { history: { at: now, by: who(by), action: 'escalate', note, changes: { track: { from: before.escalation?.track ?? null, to: 'strategic' } } } },
        $setOnInsert: { status: 'new', createdAt: now, initiativeIds: [] },
      },
      { upsert: true },
    );
    return this.get(siteKey, 'theme', theme);
  }

  /** Keeps the reverse link initiative → subject on the subject's triage record. */
  async setInitiativeLink(siteKey: string, subjectType: SubjectType, subjectId: string, initiativeId: string, linked: boolean, by: Principal): Promise<void> {
    const key = { siteKey, subjectType, subjectId };
    const now = new Date().toISOString();
    const entry = { at: now, by: who(by), action: linked ? 'link' : 'unlink', changes: { initiative: linked ? { from: null, to: initiativeId } : { from: initiativeId, to: null } } };
    if (linked) {
      await this.collection.updateOne(
        key,
        { $addToSet: { initiativeIds: initiativeId }, $set: { updatedAt: now }, $push: { history: entry }, $setOnInsert: { status: 'new', createdAt: now } },
        { upsert: true },
      );
    } else {
      await this.collection.updateOne({ ...key, initiativeIds: initiativeId }, { $pull: { initiativeIds: initiativeId }, $set: { updatedAt: now }, $push: { history: entry } });
    }
  }

  /** Triage state of a site's themes, for the theme-driver output. */
  async themeStates(siteKey: string): Promise<Map<string, { status: TriageStatus; assignee?: string; escalation?: TriageDoc['escalation']; initiativeIds: string[] }>> {
    const docs = await this.collection.find({ siteKey, subjectType: 'theme' });
    return new Map(
      docs.map((d) => [
        d.subjectId,
        { status: d.status, ...(d.assignee ? { assignee: d.assignee } : {}), ...(d.escalation ? { escalation: d.escalation } : {}), initiativeIds: d.initiativeIds ?? [] },
      ]),
    );
  }

  /**
   * Responses of a track with their triage state, newest first, keyset-paginated.
   * A response never triaged counts as `new`.
   */
  async inbox(q: InboxQuery): Promise<{ items: (StoredResponse & { triage: TriageRecord })[]; nextCursor: string | null }> {
    const base: Filter = {};
    if (q.site) base.siteKey = q.site;
    if (q.track !== 'all') base['tags.track'] = q.track;
    const triageFilter: Filter = { subjectType: 'response', ...(q.site ? { siteKey: q.site } : {}) };
    if (q.status === 'new' && !q.assignee) {
      // Everything except what has moved on from `new`.
      const moved = await this.collection.find({ ...triageFilter, status: { $ne: 'new' } }, { projection: { siteKey: 1, subjectId: 1 } });
      if (moved.length) base.id = { $nin: moved.map((m) => m.subjectId) };
    } else {
      const matching = await this.collection.find(
        { ...triageFilter, status: q.status, ...(q.assignee ? { assignee: q.assignee } : {}) },
        { projection: { siteKey: 1, subjectId: 1 } },
      );
      base.id = { $in: matching.map((m) => m.subjectId) };
    }
    const filter: Filter = q.cursor ? { $and: [base, cursorFilter(q.cursor)] } : base;
    const docs = await this.responses.find(filter, { sort: LIST_SORT, limit: q.limit + 1 });
    const page = docs.slice(0, q.limit);
    const records = page.length
      ? await this.collection.find({ subjectType: 'response', subjectId: { $in: page.map((d) => d.id) } })
      : [];
    const byKey = new Map(records.map((r) => [`${r.siteKey}:${r.subjectId}`, r]));
    const last = page.at(-1);
    return {
      items: page.map((d) => ({ ...toApiResponse(d), triage: toRecord(byKey.get(`${d.siteKey}:${d.id}`) ?? null, d.siteKey, 'response', d.id) })),
      nextCursor: docs.length > q.limit && last ? encodeCursor(last.receivedAt, last.id) : null,
    };
  }
}
