import { randomUUID } from 'node:crypto';
import type { TagOverride, Tags } from '@hark/shared';
import type { Principal } from '../auth/tokens.ts';
import { HttpError, notFound } from '../http/errors.ts';
import type { Collection } from '../store/port.ts';
import type { ResponseDoc, TagOverrideRecordDoc } from '../store/collections.ts';
import { effectiveTags } from './effective-tags.ts';
import type { ResponseStatsHook } from '../insights/response-stats.ts';

/** A person corrects the tagger; the correction survives re-tagging and is recorded with who, when, before and after. */
export class TagOverrideService {
  constructor(
    private readonly responses: Collection<ResponseDoc>,
    private readonly records: Collection<TagOverrideRecordDoc>,
    private readonly stats?: Pick<ResponseStatsHook, 'replace'>,
  ) {}

  async override(responseId: string, change: TagOverride, by: Principal, siteKey?: string): Promise<ResponseDoc> {
    if (Object.keys(change).length === 0) {
      throw new HttpError(400, 'validation_failed', 'give at least one of kind, track, themes, sentiment', [{ path: '(root)', message: 'empty override' }]);
    }
    const doc = await this.responses.findOne(siteKey ? { id: responseId, siteKey } : { id: responseId });
    if (!doc) throw notFound(`response "${responseId}"`);
    const auto = (doc.autoTags ?? doc.tags) as Tags | undefined;
    if (!auto) throw new HttpError(409, 'conflict', 'this response is not tagged yet; retry in a moment');
    const merged: TagOverride = { ...((doc.tagOverride as TagOverride | undefined) ?? {}), ...change };
    const before = (doc.tags as Tags | undefined) ?? auto;
    const after = effectiveTags(auto, merged);
    const updated = await this.responses.findOneAndUpdate(
      { siteKey: doc.siteKey, id: doc.id },
      { $set: { tagOverride: merged, tags: after, autoTags: auto } },
    );
    if (updated) await this.stats?.replace(doc, updated);
    await this.records.insertOne({
      id: randomUUID(),
      responseId: doc.id,
      siteKey: doc.siteKey,
      by: { tokenId: by.tokenId, name: by.name, role: by.role },
      at: new Date().toISOString(),
      change,
      before: { kind: before.kind, track: before.track, themes: before.themes, sentiment: before.sentiment.label },
      after: { kind: after.kind, track: after.track, themes: after.themes, sentiment: after.sentiment.label },
      comment: doc.comment,
      locale: doc.locale,
      type: doc.type,
      score: doc.score,
    });
    return updated!;
  }

  history(responseId: string): Promise<TagOverrideRecordDoc[]> {
    return this.records.find({ responseId }, { sort: { at: 1 } });
  }
}
