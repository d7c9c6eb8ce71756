// Schemas of PM insights and triage: NPS statistics with their uncertainty, theme
// drivers, PM triage statuses, roadmap initiatives and their evidence.
import { z } from 'zod';
import { IsoDate, SiteKey, SurveyId } from './common.ts';
import { Track } from './tags.ts';

// ---------------------------------------------------------------- queries

export const INTERVALS = ['day', 'week', 'month'] as const;
export const Interval = z.enum(INTERVALS);
export type Interval = z.infer<typeof Interval>;

/** `trait:<name>` (a user trait), `device` (device type), `page` (URL path) or `locale` (its language: `fr-FR` → `fr`). */
export const Segment = z
  .string()
  .regex(/^(trait:[A-Za-z0-9_-]{1,100}|device|page|locale)$/, 'one of trait:<name>, device, page, locale');
export type Segment = z.infer<typeof Segment>;

const MinN = z.coerce.number().int().min(1).max(100_000).default(30).describe('below this many answers a figure is flagged tooFew');

export const NpsQuery = z
  .strictObject({
    site: SiteKey,
    survey: SurveyId.optional(),
    from: IsoDate.optional().describe('receivedAt ≥ from'),
    to: IsoDate.optional().describe('receivedAt < to'),
    segment: Segment.optional(),
    interval: Interval.default('week'),
    minN: MinN,
  })
  .meta({ id: 'NpsQuery' });
export type NpsQuery = z.infer<typeof NpsQuery>;

export const NpsCompareQuery = z
  .strictObject({
    site: SiteKey,
    survey: SurveyId.optional(),
    minN: MinN,
    aFrom: IsoDate.optional(),
    aTo: IsoDate.optional(),
    bFrom: IsoDate.optional(),
    bTo: IsoDate.optional(),
    segment: Segment.optional(),
    a: z.string().min(1).max(300).optional().describe('segment value of group a'),
    b: z.string().min(1).max(300).optional().describe('segment value of group b'),
    from: IsoDate.optional().describe('segments mode: receivedAt ≥ from'),
    to: IsoDate.optional().describe('segments mode: receivedAt < to'),
  })
  .superRefine((q, ctx) => {
    const periods = [q.aFrom, q.aTo, q.bFrom, q.bTo].some((v) => v !== undefined);
    const segments = q.segment !== undefined || q.a !== undefined || q.b !== undefined;
    if (periods === segments) {
      ctx.addIssue({ code: 'custom', message: 'compare either two periods (aFrom, aTo, bFrom, bTo) or two segments (segment, a, b)' });
      return;
    }
    if (segments) {
      for (const k of ['segment', 'a', 'b'] as const) if (q[k] === undefined) ctx.addIssue({ code: 'custom', path: [k], message: 'required when comparing segments' });
    } else {
      if (!q.aFrom && !q.aTo) ctx.addIssue({ code: 'custom', path: ['aFrom'], message: 'period a needs aFrom and/or aTo' });
      if (!q.bFrom && !q.bTo) ctx.addIssue({ code: 'custom', path: ['bFrom'], message: 'period b needs bFrom and/or bTo' });
    }
  })
  .meta({ id: 'NpsCompareQuery' });
export type NpsCompareQuery = z.infer<typeof NpsCompareQuery>;

export const ThemesQuery = z
  .strictObject({
    site: SiteKey,
    survey: SurveyId.optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    interval: Interval.default('week'),
    minN: MinN,
    limit: z.coerce.number().int().min(1).max(300).default(50),
  })
  .meta({ id: 'ThemesQuery' });
export type ThemesQuery = z.infer<typeof ThemesQuery>;

// ---------------------------------------------------------------- NPS results

export const NpsCountsSchema = z
  .object({ promoters: z.number().int(), passives: z.number().int(), detractors: z.number().int(), total: z.number().int() })
  .meta({ id: 'NpsCounts' });

export const NpsStat = z
  .object({
    /** −100…100; null when n = 0. */
    nps: z.number().nullable(),
    counts: NpsCountsSchema,
    n: z.number().int(),
    /** Standard error, in NPS points. */
    se: z.number().nullable(),
    /** 95% confidence interval, clamped to [−100, 100]. */
    ci95: z.object({ low: z.number(), high: z.number() }).nullable(),
    /** n below minN: read the figure as indicative only. */
    tooFew: z.boolean(),
  })
  .meta({ id: 'NpsStat' });
export type NpsStat = z.infer<typeof NpsStat>;

export const NpsPoint = NpsStat.extend({
  period: z.string().describe('YYYY-MM-DD (day; the Monday of an ISO week) or YYYY-MM (month)'),
  start: IsoDate,
  end: IsoDate.describe('exclusive'),
}).meta({ id: 'NpsPoint' });

export const NpsSegmentStat = NpsStat.extend({ key: z.string() }).meta({ id: 'NpsSegmentStat' });

export const NpsReport = z
  .object({
    site: z.string(),
    filter: z.record(z.string(), z.unknown()),
    interval: Interval,
    minN: z.number().int(),
    overall: NpsStat,
    trend: z.array(NpsPoint),
    segment: z.string().optional(),
    segments: z.array(NpsSegmentStat).optional(),
  })
  .meta({ id: 'NpsReport' });
export type NpsReport = z.infer<typeof NpsReport>;

export const NpsTest = z
  .object({
    /** a − b, NPS points. */
    diff: z.number().nullable(),
    z: z.number().nullable(),
    /** Two-sided. */
    pValue: z.number().nullable(),
    significant: z.boolean(),
  })
  .meta({ id: 'NpsTest' });

export const NpsComparison = NpsTest.extend({
  mode: z.enum(['periods', 'segments']),
  a: NpsStat.extend({ label: z.string() }),
  b: NpsStat.extend({ label: z.string() }),
  alpha: z.number(),
}).meta({ id: 'NpsComparison' });

// ---------------------------------------------------------------- PM triage

export const TRIAGE_STATUSES = ['new', 'reviewing', 'planned', 'not_now', 'declined'] as const;
export const TriageStatus = z.enum(TRIAGE_STATUSES);
export type TriageStatus = z.infer<typeof TriageStatus>;
export const TRIAGE_SUBJECTS = ['response', 'theme'] as const;

export const TriagePatch = z
  .strictObject({
    status: TriageStatus.optional(),
    assignee: z.string().min(1).max(200).nullable().optional().describe('null clears'),
    note: z.string().max(4000).nullable().optional().describe('null clears'),
  })
  .refine((p) => p.status !== undefined || p.assignee !== undefined || p.note !== undefined, 'give status, assignee or note')
  .meta({ id: 'TriagePatch' });
export type TriagePatch = z.infer<typeof TriagePatch>;

export const EscalateBody = z
  .strictObject({ note: z.string().trim().min(1).max(4000).describe('the PO\'s field signal') })
  .meta({ id: 'EscalateBody' });

const Change = z.object({ from: z.unknown(), to: z.unknown() });

export const TriageRecord = z
  .object({
    siteKey: z.string(),
    subjectType: z.enum(TRIAGE_SUBJECTS),
    subjectId: z.string(),
    status: TriageStatus,
    assignee: z.string().optional(),
    note: z.string().optional(),
    /** Set when a PO escalated a tactical theme to the strategic track. */
    escalation: z.object({ track: Track, note: z.string(), by: z.string(), at: IsoDate }).optional(),
    initiativeIds: z.array(z.string()),
    history: z.array(
      z.object({
        at: IsoDate,
        by: z.string(),
        action: z.enum(['triage', 'escalate', 'link', 'unlink']),
        changes: z.record(z.string(), Change),
        note: z.string().optional(),
      }),
    ),
    createdAt: IsoDate.optional(),
    updatedAt: IsoDate.optional(),
  })
  .meta({ id: 'TriageRecord' });
export type TriageRecord = z.infer<typeof TriageRecord>;

export const InboxQuery = z
  .strictObject({
    site: SiteKey.optional(),
    track: z.enum(['strategic', 'tactical', 'all']).default('strategic'),
    status: TriageStatus.default('new'),
    assignee: z.string().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(500).optional(),
  })
  .meta({ id: 'InboxQuery' });
export type InboxQuery = z.infer<typeof InboxQuery>;

// ---------------------------------------------------------------- initiatives

export const HORIZONS = ['now', 'next', 'later'] as const;
export const Horizon = z.enum(HORIZONS);
export const INITIATIVE_STATUSES = ['proposed', 'active', 'done', 'dropped'] as const;
export const InitiativeStatus = z.enum(INITIATIVE_STATUSES);

export const GoalMetric = z
  .strictObject({
    name: z.string().min(1).max(100).describe('e.g. NPS, churn, revenue'),
    target: z.number().finite().optional(),
    baseline: z.number().finite().optional(),
    unit: z.string().max(30).optional(),
  })
  .meta({ id: 'GoalMetric' });

export const InitiativeCreate = z
  .strictObject({
    siteKey: SiteKey,
    title: z.string().trim().min(1).max(200),
    description: z.string().max(10_000).optional(),
    horizon: Horizon,
    goalMetric: GoalMetric,
    status: InitiativeStatus.default('proposed'),
    owner: z.string().min(1).max(200).optional(),
  })
  .meta({ id: 'InitiativeCreate' });
export type InitiativeCreate = z.infer<typeof InitiativeCreate>;

export const InitiativePatch = z
  .strictObject({
    title: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(10_000).nullable().optional(),
    horizon: Horizon.optional(),
    goalMetric: GoalMetric.optional(),
    status: InitiativeStatus.optional(),
    owner: z.string().min(1).max(200).nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'give at least one field')
  .meta({ id: 'InitiativePatch' });
export type InitiativePatch = z.infer<typeof InitiativePatch>;

export const InitiativeLinks = z
  .strictObject({
    responses: z.array(z.string().min(1).max(100)).max(500).optional(),
    themes: z.array(z.string().min(1).max(100)).max(100).optional(),
  })
  .refine((l) => (l.responses?.length ?? 0) + (l.themes?.length ?? 0) > 0, 'give responses and/or themes')
  .meta({ id: 'InitiativeLinks' });
export type InitiativeLinks = z.infer<typeof InitiativeLinks>;

export const InitiativeListQuery = z
  .strictObject({ site: SiteKey.optional(), horizon: Horizon.optional(), status: InitiativeStatus.optional() })
  .meta({ id: 'InitiativeListQuery' });

export const Initiative = z
  .object({
    id: z.string(),
    siteKey: z.string(),
    title: z.string(),
    description: z.string().optional(),
    horizon: Horizon,
    goalMetric: z.object({ name: z.string(), target: z.number().optional(), baseline: z.number().optional(), unit: z.string().optional() }),
    status: InitiativeStatus,
    owner: z.string().optional(),
    links: z.object({ responses: z.array(z.string()), themes: z.array(z.string()) }),
    createdBy: z.string(),
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .meta({ id: 'Initiative' });
export type Initiative = z.infer<typeof Initiative>;

export const Quote = z
  .object({ id: z.string(), comment: z.string(), score: z.number().nullable().optional(), receivedAt: IsoDate.optional() })
  .meta({ id: 'Quote' });

export const InitiativeDetail = Initiative.extend({
  evidence: z.object({
    themes: z.array(z.object({ theme: z.string(), volume: z.number().int(), detractors: z.number().int(), npsAtStake: z.number() })),
    responses: z.array(Quote.extend({ npsCategory: z.string().optional(), userId: z.string().optional(), account: z.string().optional() })),
    missingResponses: z.array(z.string()),
    accountsAffected: z.number().int(),
    accounts: z.array(z.string()).describe('up to 50'),
    respondents: z.number().int().describe('responses linked or mentioning a linked theme'),
    /** Overall NPS gain if every detractor among the evidence became a passive (each detractor counted once). */
    npsAtStake: z.number(),
    npsBase: z.number().int().describe('NPS answers of the site the points are relative to'),
  }),
  stories: z.array(z.object({ id: z.string(), title: z.string(), status: z.string(), delivered: z.boolean() })),
  delivered: z.number().int(),
}).meta({ id: 'InitiativeDetail' });

// ---------------------------------------------------------------- theme drivers

export const ThemeDriver = z
  .object({
    theme: z.string(),
    /** Responses of any type mentioning the theme. */
    volume: z.number().int(),
    trend: z.array(z.object({ period: z.string(), count: z.number().int() })),
    /** Detractors / NPS answers among those mentioning the theme (null without NPS answers). */
    detractorShare: z.number().nullable(),
    /** Mean tagger sentiment score, −1…1. */
    sentiment: z.number().nullable(),
    nps: NpsStat.describe('NPS of respondents mentioning the theme'),
    npsRest: NpsStat.describe('NPS of the other respondents'),
    vsRest: NpsTest,
    /** How much overall NPS would rise if this theme's detractors became passives: 100·d_theme / n_total. */
    npsAtStake: z.number(),
    quotes: z.array(Quote),
    tracks: z.object({ strategic: z.number().int(), tactical: z.number().int() }),
    triage: z
      .object({ status: TriageStatus, assignee: z.string().optional(), escalation: TriageRecord.shape.escalation, initiativeIds: z.array(z.string()) })
      .optional(),
  })
  .meta({ id: 'ThemeDriver' });
export type ThemeDriver = z.infer<typeof ThemeDriver>;

export const ThemesReport = z
  .object({
    site: z.string(),
    filter: z.record(z.string(), z.unknown()),
    interval: Interval,
    overall: NpsStat,
    themes: z.array(ThemeDriver),
  })
  .meta({ id: 'ThemesReport' });
