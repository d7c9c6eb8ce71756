import type { StoredResponse } from '@hark/shared';
import { notFound } from '../http/errors.ts';
import type { Collection, Filter } from '../store/port.ts';
import type { ResponseDoc } from '../store/collections.ts';
import { LIST_SORT, type ListResponsesQuery, cursorFilter, encodeCursor, filterFromQuery } from './list-query.ts';
import { toApiResponse } from './serialize.ts';
import type { ResponseStatsHook } from '../insights/response-stats.ts';

export class ResponsesService {
  constructor(
    readonly collection: Collection<ResponseDoc>,
    private readonly stats?: Pick<ResponseStatsHook, 'deleteResponses'>,
  ) {}

  async list(q: ListResponsesQuery): Promise<{ items: StoredResponse[]; nextCursor: string | null }> {
    const base = filterFromQuery(q);
    const filter: Filter = q.cursor ? { $and: [base, cursorFilter(q.cursor)] } : base;
    const docs = await this.collection.find(filter, { sort: LIST_SORT, limit: q.limit + 1 });
    const page = docs.slice(0, q.limit);
    const last = page.at(-1);
    const nextCursor = docs.length > q.limit && last ? encodeCursor(last.receivedAt, last.id) : null;
    return { items: page.map(toApiResponse), nextCursor };
  }

  async get(id: string, siteKey?: string): Promise<StoredResponse> {
    const doc = await this.collection.findOne(siteKey ? { id, siteKey } : { id });
    if (!doc) throw notFound(`response "${id}"`);
    return toApiResponse(doc);
  }

  /** GDPR erasure: every response of one end user, on one site or all. */
  async eraseUser(userId: string, siteKey?: string): Promise<number> {
    const filter = siteKey ? { 'user.id': userId, siteKey } : { 'user.id': userId };
    // With the insights roll-up: the erased responses are read first and taken out of it.
    return this.stats ? this.stats.deleteResponses(filter) : this.collection.deleteMany(filter);
  }
}
