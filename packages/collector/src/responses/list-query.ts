import { IsoDate, KINDS, SENTIMENTS, SURVEY_KINDS, SiteKey, SurveyId, TRACKS } from '@hark/shared';
import { z } from 'zod';
import { HttpError } from '../http/errors.ts';
import type { Filter } from '../store/port.ts';

/** Query string of GET /v1/admin/responses and the exports. Every value is a plain string, so no operator can ride in. */
export const ResponseFilterQuery = z
  .strictObject({
    site: SiteKey.optional(),
    survey: SurveyId.optional(),
    type: z.enum(SURVEY_KINDS).optional(),
    from: IsoDate.optional().describe('receivedAt ≥ from (ISO 8601)'),
    to: IsoDate.optional().describe('receivedAt < to (ISO 8601)'),
    track: z.enum(TRACKS).optional(),
    kind: z.enum(KINDS).optional(),
    theme: z.string().min(1).max(100).optional(),
    sentiment: z.enum(SENTIMENTS).optional(),
    user: z.string().min(1).max(256).optional().describe('user.id'),
    tagged: z.enum(['true', 'false']).optional().describe('false: only responses still waiting for tags'),
    q: z.string().min(1).max(200).optional().describe('case-insensitive text search in comments'),
  })
  .meta({ id: 'ResponseFilterQuery' });
export type ResponseFilterQuery = z.infer<typeof ResponseFilterQuery>;

export const ListResponsesQuery = ResponseFilterQuery.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
}).meta({ id: 'ListResponsesQuery' });
export type ListResponsesQuery = z.infer<typeof ListResponsesQuery>;

export const ExportQuery = ResponseFilterQuery.extend({
  format: z.enum(['csv', 'jsonl']).default('jsonl'),
});

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function filterFromQuery(q: ResponseFilterQuery): Filter {
  const f: Filter = {};
  if (q.site) f.siteKey = q.site;
  if (q.survey) f.surveyId = q.survey;
  if (q.type) f.type = q.type;
  if (q.from || q.to) {
    const range: Record<string, Date> = {};
    if (q.from) range.$gte = new Date(q.from);
    if (q.to) range.$lt = new Date(q.to);
    f.receivedAt = range;
  }
  // `tags` holds the effective tags (a person's override applied), so filters read one field.
  if (q.track) f['tags.track'] = q.track;
  if (q.kind) f['tags.kind'] = q.kind;
  if (q.theme) f['tags.themes'] = q.theme;
  if (q.sentiment) f['tags.sentiment.label'] = q.sentiment;
  if (q.user) f['user.id'] = q.user;
  if (q.tagged === 'true') f['tagging.status'] = 'done';
  if (q.tagged === 'false') f['tagging.status'] = { $ne: 'done' };
  if (q.q) f.comment = { $regex: escapeRegex(q.q), $options: 'i' };
  return f;
}

interface CursorState {
  t: number;
  id: string;
}

export function encodeCursor(receivedAt: Date, id: string): string {
  return Buffer.from(JSON.stringify({ t: receivedAt.getTime(), id } satisfies CursorState)).toString('base64url');
}

/** Keyset pagination on (receivedAt desc, id desc): stable under concurrent inserts, unlike skip. */
export function cursorFilter(cursor: string): Filter {
  let state: CursorState;
  try {
    state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorState;
  } catch {
    throw new HttpError(400, 'bad_request', 'cursor is not valid: pass back the nextCursor of a previous page', [
      { path: 'cursor', message: 'not a cursor returned by this API' },
    ]);
  }
  if (typeof state?.t !== 'number' || typeof state.id !== 'string' || !Number.isFinite(state.t)) {
    throw new HttpError(400, 'bad_request', 'cursor is not valid', [{ path: 'cursor', message: 'not a cursor returned by this API' }]);
  }
  const t = new Date(state.t);
  return { $or: [{ receivedAt: { $lt: t } }, { receivedAt: t, id: { $lt: state.id } }] };
}

export const LIST_SORT = { receivedAt: -1, id: -1 } as const;
