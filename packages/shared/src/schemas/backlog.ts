// Schemas of the PO backlog: user stories drafted from customer evidence, their
// priority, exports, and per-site webhooks.
import { z } from 'zod';
import { SiteKey } from './common.ts';
import { Kind } from './tags.ts';

export const STORY_STATUSES = ['draft', 'ready', 'exported', 'done', 'merged'] as const;
export const StoryStatus = z.enum(STORY_STATUSES);
export type StoryStatus = z.infer<typeof StoryStatus>;

export const StoryLanguage = z.enum(['fr', 'en']);
export type StoryLanguage = z.infer<typeof StoryLanguage>;

const ResponseIdList = z.array(z.string().min(1).max(100)).min(1).max(500);

export const StoryCreate = z
  .strictObject({
    site: SiteKey,
    /** Draft from these responses (one or several)… */
    responses: ResponseIdList.optional(),
    /** …or from every response of the site tagged with this theme. */
    theme: z.string().min(1).max(100).optional(),
    /** Language of the story text; default: the language most of the evidence is written in. */
    language: StoryLanguage.optional(),
    initiativeId: z.string().min(1).max(100).optional(),
  })
  .refine((b) => (b.responses?.length ?? 0) > 0 || b.theme !== undefined, { message: 'give "responses" (ids) or a "theme"', path: ['responses'] })
  .meta({ id: 'StoryCreate' });
export type StoryCreate = z.infer<typeof StoryCreate>;

export const AcceptanceCriterion = z
  .strictObject({
    given: z.string().min(1).max(1000),
    when: z.string().min(1).max(1000),
    then: z.string().min(1).max(1000),
  })
  .meta({ id: 'AcceptanceCriterion' });
export type AcceptanceCriterion = z.infer<typeof AcceptanceCriterion>;

/** "As a <persona>, I want <capability>, so that <benefit>". */
export const StoryParts = z
  .strictObject({
    persona: z.string().min(1).max(200),
    capability: z.string().min(1).max(1000),
    benefit: z.string().min(1).max(1000),
  })
  .meta({ id: 'StoryParts' });
export type StoryParts = z.infer<typeof StoryParts>;

export const EvidenceItem = z
  .object({
    responseId: z.string(),
    quote: z.string(),
    score: z.number().optional(),
    npsCategory: z.enum(['detractor', 'passive', 'promoter']).optional(),
    sentiment: z.number().optional(),
    kind: z.string().optional(),
    language: z.string().optional(),
    url: z.string().optional(),
    element: z.string().optional(),
    device: z.string().optional(),
    userId: z.string().optional(),
    receivedAt: z.string(),
  })
  .meta({ id: 'EvidenceItem' });
export type EvidenceItem = z.infer<typeof EvidenceItem>;

export const Evidence = z
  .object({
    /** How many responses the story rests on (all of them, not only the quoted ones). */
    responses: z.number().int(),
    uniqueUsers: z.number().int(),
    /** Distinct accounts (traits accountId / company / account), when known. */
    accounts: z.number().int(),
    npsCategories: z.object({ detractor: z.number().int(), passive: z.number().int(), promoter: z.number().int() }),
    kinds: z.record(z.string(), z.number().int()),
    themes: z.record(z.string(), z.number().int()),
    pages: z.record(z.string(), z.number().int()),
    elements: z.record(z.string(), z.number().int()),
    devices: z.array(z.object({ type: z.string(), os: z.string().optional(), browser: z.string().optional(), count: z.number().int() })),
    languages: z.record(z.string(), z.number().int()),
    firstSeen: z.string().optional(),
    lastSeen: z.string().optional(),
    /** A few representative quotes (most recent and most intense first). */
    quotes: z.array(EvidenceItem),
  })
  .meta({ id: 'Evidence' });
export type Evidence = z.infer<typeof Evidence>;

export const PriorityTerm = z
  .object({
    name: z.string(),
    /** The raw measure (users, share, mean, MRR…), null when unknown. */
    value: z.number().nullable(),
    /** That measure scaled to 0…1. */
    normalized: z.number(),
    weight: z.number(),
    /** Points this term adds to the score; contributions add up to the score. */
    contribution: z.number(),
    explanation: z.string(),
  })
  .meta({ id: 'PriorityTerm' });
export type PriorityTerm = z.infer<typeof PriorityTerm>;

export const Priority = z
  .object({
    /** 0…100. */
    score: z.number(),
    /** Jira-style label derived from the score. */
    level: z.enum(['Highest', 'High', 'Medium', 'Low', 'Lowest']),
    terms: z.array(PriorityTerm),
    /** 0…1, from the number of independent respondents. */
    confidence: z.number(),
    confidenceLabel: z.enum(['low', 'medium', 'high']),
  })
  .meta({ id: 'Priority' });
export type Priority = z.infer<typeof Priority>;

export const Reproduction = z
  .object({
    url: z.string().optional(),
    path: z.string().optional(),
    element: z.string().optional(),
    selector: z.string().optional(),
    devices: z.array(z.string()),
    steps: z.array(z.string()),
    reported: z.string().optional(),
    expected: z.string().optional(),
  })
  .meta({ id: 'Reproduction' });

export const Escalation = z
  .object({ note: z.string(), by: z.string(), at: z.string() })
  .meta({ id: 'Escalation' });

export const Story = z
  .object({
    id: z.string(),
    siteKey: SiteKey,
    title: z.string(),
    status: StoryStatus,
    language: StoryLanguage,
    kind: Kind,
    track: z.enum(['tactical', 'strategic']),
    story: StoryParts,
    /** The story sentence, rendered from `story` in the story's language. */
    text: z.string(),
    acceptanceCriteria: z.array(AcceptanceCriterion),
    labels: z.array(z.string()),
    evidence: Evidence,
    priority: Priority,
    reproduction: Reproduction.optional(),
    responseIds: z.array(z.string()),
    theme: z.string().optional(),
    initiativeId: z.string().optional(),
    mergedInto: z.string().optional(),
    mergedFrom: z.array(z.string()).optional(),
    escalated: z.boolean(),
    escalation: Escalation.optional(),
    statusHistory: z.array(z.object({ from: z.string().nullable(), to: StoryStatus, by: z.string(), at: z.string() })),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Story' });
export type Story = z.infer<typeof Story>;

export const StoryPatch = z
  .strictObject({
    title: z.string().min(1).max(300).optional(),
    story: StoryParts.partial().strict().optional(),
    acceptanceCriteria: z.array(AcceptanceCriterion).max(50).optional(),
    labels: z.array(z.string().min(1).max(60).regex(/^[^\s,]+$/, 'no spaces or commas')).max(30).optional(),
    status: StoryStatus.exclude(['merged']).optional(),
    /** Link to a roadmap initiative (null unlinks). */
    initiativeId: z.string().min(1).max(100).nullable().optional(),
  })
  .meta({ id: 'StoryPatch' });
export type StoryPatch = z.infer<typeof StoryPatch>;

export const StoryMerge = z
  .strictObject({ from: z.array(z.string().min(1).max(100)).min(1).max(50) })
  .meta({ id: 'StoryMerge' });

export const StoryEscalate = z
  .strictObject({ note: z.string().trim().min(1).max(4000) })
  .meta({ id: 'StoryEscalate' });

export const StoryInitiativeLink = z
  .strictObject({ initiativeId: z.string().min(1).max(100).nullable() })
  .meta({ id: 'StoryInitiativeLink' });

export const EXPORT_FORMATS = ['jira', 'github', 'gh-script', 'linear', 'json'] as const;
export const StoryExportFormat = z.enum(EXPORT_FORMATS);
export type StoryExportFormat = z.infer<typeof StoryExportFormat>;

export const ListStoriesQuery = z
  .strictObject({
    site: SiteKey.optional(),
    status: StoryStatus.optional(),
    escalated: z.enum(['true', 'false']).optional(),
    initiative: z.string().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .meta({ id: 'ListStoriesQuery' });
export type ListStoriesQuery = z.infer<typeof ListStoriesQuery>;

export const StoryExportQuery = z
  .strictObject({
    format: StoryExportFormat.default('json'),
    /** Move exported stories from ready to exported. */
    mark: z.enum(['true', 'false']).default('false'),
  })
  .meta({ id: 'StoryExportQuery' });

export const StoriesExportQuery = z
  .strictObject({
    site: SiteKey,
    status: StoryStatus.optional(),
    format: StoryExportFormat.default('json'),
    mark: z.enum(['true', 'false']).default('false'),
  })
  .meta({ id: 'StoriesExportQuery' });

// ---- webhooks

export const WEBHOOK_EVENTS = ['response.created', 'response.tagged', 'story.ready', 'story.done'] as const;
export const WebhookEvent = z.enum(WEBHOOK_EVENTS);
export type WebhookEvent = z.infer<typeof WebhookEvent>;

const WebhookUrl = z.url({ protocol: /^https?$/ }).max(2048);

export const WebhookCreate = z
  .strictObject({
    url: WebhookUrl,
    events: z.array(WebhookEvent).min(1).max(WEBHOOK_EVENTS.length),
    /** `json`: the signed Hark envelope; `slack`: a Slack-compatible `{text, blocks}` message (still signed). */
    format: z.enum(['json', 'slack']).default('json'),
    description: z.string().max(300).optional(),
    active: z.boolean().default(true),
  })
  .meta({ id: 'WebhookCreate' });
export type WebhookCreate = z.infer<typeof WebhookCreate>;

export const WebhookPatch = z
  .strictObject({
    url: WebhookUrl.optional(),
    events: z.array(WebhookEvent).min(1).max(WEBHOOK_EVENTS.length).optional(),
    format: z.enum(['json', 'slack']).optional(),
    description: z.string().max(300).optional(),
    active: z.boolean().optional(),
    /** true: generate a new secret (shown once in the answer). */
    rotateSecret: z.boolean().optional(),
  })
  .meta({ id: 'WebhookPatch' });
export type WebhookPatch = z.infer<typeof WebhookPatch>;

export const Webhook = z
  .object({
    id: z.string(),
    siteKey: SiteKey,
    url: z.string(),
    events: z.array(WebhookEvent),
    format: z.enum(['json', 'slack']),
    description: z.string().optional(),
    active: z.boolean(),
    /** Last 4 characters of the secret, to tell secrets apart. */
    secretHint: z.string(),
    /** Only in the answer that creates the webhook or rotates its secret. */
    secret: z.string().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Webhook' });
export type Webhook = z.infer<typeof Webhook>;

export const WebhookAttempt = z
  .object({
    n: z.number().int(),
    at: z.string(),
    statusCode: z.number().int().optional(),
    durationMs: z.number(),
    error: z.string().optional(),
  })
  .meta({ id: 'WebhookAttempt' });

export const WebhookDelivery = z
  .object({
    id: z.string(),
    webhookId: z.string(),
    siteKey: SiteKey,
    event: WebhookEvent,
    /** The event id (same for every attempt; X-Hark-Delivery carries the delivery id). */
    eventId: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.array(WebhookAttempt),
    nextAttemptAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;
