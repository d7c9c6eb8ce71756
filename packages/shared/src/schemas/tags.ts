import { z } from 'zod';

export const KINDS = [
  'bug',
  'usability',
  'performance',
  'feature_request',
  'pricing',
  'praise',
  'churn_risk',
  'question',
  'other',
] as const;
export const Kind = z.enum(KINDS);
export type Kind = z.infer<typeof Kind>;

export const TRACKS = ['strategic', 'tactical'] as const;
export const Track = z.enum(TRACKS);
export type Track = z.infer<typeof Track>;

export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export const SentimentLabel = z.enum(SENTIMENTS);
export type SentimentLabel = z.infer<typeof SentimentLabel>;

export const NpsCategorySchema = z.enum(['detractor', 'passive', 'promoter']);

export const Sentiment = z.object({
  label: SentimentLabel,
  /** −1 (very negative) … 1 (very positive). */
  score: z.number().min(-1).max(1),
});
export type Sentiment = z.infer<typeof Sentiment>;

export const PII_TYPES = ['email', 'phone', 'card'] as const;

/** What the tagger attaches to a response. `hark tag` prints exactly these fields. */
export const Tags = z
  .object({
    language: z.string(),
    sentiment: Sentiment,
    kind: Kind,
    /** Every kind found, primary first. */
    kinds: z.array(Kind),
    track: Track,
    trackReason: z.string(),
    npsCategory: NpsCategorySchema.optional(),
    themes: z.array(z.string()),
    pii: z.array(z.enum(PII_TYPES)).optional(),
  })
  .meta({ id: 'Tags' });
export type Tags = z.infer<typeof Tags>;

/** A person's correction of the tagger; kept across re-tagging. */
export const TagOverride = z
  .strictObject({
    kind: Kind.optional(),
    track: Track.optional(),
    themes: z.array(z.string().min(1).max(100)).max(30).optional(),
    sentiment: SentimentLabel.optional(),
  })
  .meta({ id: 'TagOverride' });
export type TagOverride = z.infer<typeof TagOverride>;

export const TAGGING_STATUSES = ['pending', 'done', 'failed'] as const;
export const TaggingState = z.object({
  status: z.enum(TAGGING_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().optional(),
  taggedAt: z.string().optional(),
});
