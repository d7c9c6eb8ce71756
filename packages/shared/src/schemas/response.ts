import { z } from 'zod';
import { DeviceType, IsoDate, Locale, Primitive, SiteKey, SurveyId, SurveyKind, isSafeKey, safeRecord } from './common.ts';
import { TaggingState, Tags, TagOverride } from './tags.ts';

export const MAX_BATCH = 50;
export const MAX_COMMENT = 4000;

export const ResponseContext = z
  .object({
    url: z.url({ protocol: /^https?$/ }).max(2048),
    /** Readable label of the element the answer is about, e.g. "Export button". */
    element: z.string().min(1).max(500).optional(),
    /** Stable CSS selector of that element (feedback button's element picker). */
    selector: z.string().min(1).max(1000).optional(),
    /** Feature name for feature feedback (`data-hark-feature`). */
    feature: z.string().min(1).max(200).optional(),
    referrer: z.string().max(2048).optional(),
    title: z.string().max(500).optional(),
    /** What made the survey show, e.g. "exit:top-edge", "event:checkout_done". */
    trigger: z.string().max(100).optional(),
    viewport: z.object({ w: z.number().int().min(0).max(100_000), h: z.number().int().min(0).max(100_000) }).optional(),
  })
  // Integrations may add their own flat fields; they are stored as given.
  .catchall(Primitive)
  .superRefine((ctx, issues) => {
    const extra = Object.keys(ctx).length;
    if (extra > 40) issues.addIssue({ code: 'custom', message: 'context has at most 40 fields' });
    for (const k of Object.keys(ctx)) {
      if (!isSafeKey(k)) {
        issues.addIssue({ code: 'custom', path: [k], message: 'field name not allowed' });
      }
    }
  })
  .meta({ id: 'ResponseContext' });

export const ResponseUser = z
  .strictObject({
    id: z.string().min(1).max(256).optional(),
    traits: safeRecord(Primitive, 50).optional(),
  })
  .meta({ id: 'ResponseUser' });

/** The wire format the widget (or any client) POSTs. Field names are a public contract. */
export const ResponseInput = z
  .strictObject({
    id: z.uuidv4().describe('Made by the client when the answer is given; the idempotency key.'),
    surveyId: SurveyId,
    type: SurveyKind,
    score: z.number().int().min(0).max(10).optional(),
    comment: z.string().max(MAX_COMMENT).optional(),
    /** Answers to extra questions (choice, text) by question id. */
    answers: safeRecord(z.union([z.string().max(MAX_COMMENT), z.number().finite(), z.array(z.string().max(200)).max(20)]), 20).optional(),
    locale: Locale,
    context: ResponseContext,
    user: ResponseUser.optional(),
    /** When the visitor answered (the outbox may deliver later). */
    answeredAt: IsoDate.optional(),
  })
  .superRefine((r, ctx) => {
    if (r.type === 'nps' && r.score === undefined) {
      ctx.addIssue({ code: 'custom', path: ['score'], message: 'an nps response needs a score from 0 to 10' });
    }
    if (r.type === 'feature_feedback' && r.score !== undefined && (r.score < 1 || r.score > 5)) {
      ctx.addIssue({ code: 'custom', path: ['score'], message: 'a feature_feedback rating is from 1 to 5' });
    }
  })
  .meta({ id: 'ResponseInput' });
export type ResponseInput = z.infer<typeof ResponseInput>;

export const IngestResult = z
  .object({ id: z.string(), duplicate: z.boolean() })
  .meta({ id: 'IngestResult' });
export type IngestResult = z.infer<typeof IngestResult>;

export const BatchIngestResult = z
  .object({ results: z.array(IngestResult), accepted: z.number().int(), duplicates: z.number().int() })
  .meta({ id: 'BatchIngestResult' });

export const Device = z.object({
  type: DeviceType,
  os: z.string().optional(),
  browser: z.string().optional(),
  bot: z.boolean().optional(),
});
export type Device = z.infer<typeof Device>;

/** A stored response as the admin API returns it. */
export const StoredResponse = z
  .object({
    id: z.string(),
    siteKey: SiteKey,
    surveyId: SurveyId,
    type: SurveyKind,
    score: z.number().int().optional(),
    comment: z.string().optional(),
    /** The unmasked comment, only when the site opted in. */
    commentOriginal: z.string().optional(),
    answers: z.record(z.string(), z.unknown()).optional(),
    locale: z.string(),
    context: z.record(z.string(), z.unknown()),
    user: z.object({ id: z.string().optional(), traits: z.record(z.string(), z.unknown()).optional() }).optional(),
    answeredAt: IsoDate.optional(),
    receivedAt: IsoDate,
    device: Device,
    source: z.enum(['widget', 'api', 'import']),
    /** Effective tags: the tagger's, with any human override applied. Filters and insights use these. */
    tags: Tags.optional(),
    /** What the tagger said, before overrides. */
    autoTags: Tags.optional(),
    tagOverride: TagOverride.optional(),
    tagging: TaggingState,
  })
  .meta({ id: 'StoredResponse' });
export type StoredResponse = z.infer<typeof StoredResponse>;
