import { z } from 'zod';
import { DeviceType, IsoDate, LocalizedText, Primitive, SiteKey, SurveyId, SurveyKind, safeRecord } from './common.ts';

// ---- Questions ------------------------------------------------------------
// Text is optional everywhere: the widget ships French and English defaults,
// and a survey only overrides what it wants to word differently.

const QuestionBase = {
  id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/),
  text: LocalizedText.optional(),
};

export const NpsQuestion = z.object({
  ...QuestionBase,
  type: z.literal('nps'),
  lowLabel: LocalizedText.optional(),
  highLabel: LocalizedText.optional(),
});

export const RatingQuestion = z.object({
  ...QuestionBase,
  type: z.literal('rating'),
  scale: z.enum(['stars', 'emoji']).default('stars'),
});

export const ChoiceQuestion = z.object({
  ...QuestionBase,
  type: z.literal('choice'),
  options: z
    .array(z.object({ id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/), label: LocalizedText }))
    .min(2)
    .max(12),
  multiple: z.boolean().default(false),
});

export const TextQuestion = z.object({
  ...QuestionBase,
  type: z.literal('text'),
  placeholder: LocalizedText.optional(),
  /** NPS follow-up wording by the score just given. */
  byCategory: z
    .object({
      detractor: LocalizedText.optional(),
      passive: LocalizedText.optional(),
      promoter: LocalizedText.optional(),
    })
    .optional(),
  required: z.boolean().default(false),
});

export const Question = z
  .discriminatedUnion('type', [NpsQuestion, RatingQuestion, ChoiceQuestion, TextQuestion])
  .meta({ id: 'Question' });
export type Question = z.infer<typeof Question>;

// ---- When to show ---------------------------------------------------------

export const UrlRule = z.object({
  match: z.enum(['exact', 'contains', 'prefix', 'regex']),
  value: z.string().min(1).max(500),
});
export type UrlRule = z.infer<typeof UrlRule>;

export const TraitRule = z.object({
  key: z.string().min(1).max(100),
  op: z.enum(['eq', 'neq', 'in', 'exists', 'gt', 'lt']),
  value: z.union([Primitive, z.array(Primitive).max(50)]).optional(),
});
export type TraitRule = z.infer<typeof TraitRule>;

export const Targeting = z
  .object({
    urls: z
      .object({
        include: z.array(UrlRule).max(50).default([]),
        exclude: z.array(UrlRule).max(50).default([]),
      })
      .default({ include: [], exclude: [] }),
    /** Show only after one of these `Hark.track()` events. Empty: no event needed. */
    events: z.array(z.string().min(1).max(100)).max(50).default([]),
    traits: z.array(TraitRule).max(50).default([]),
    devices: z.array(DeviceType).max(3).default([]),
    locales: z.array(z.string().min(2).max(35)).max(50).default([]),
    /** Percentage of eligible visitors who may see the survey (decided once per visitor). */
    samplingPercent: z.number().min(0).max(100).default(100),
  })
  .meta({ id: 'Targeting' });
export type Targeting = z.infer<typeof Targeting>;

export const ExitIntentRules = z
  .object({
    desktop: z
      .object({
        enabled: z.boolean().default(true),
        /** Time on page before a top-edge exit counts, so an early twitch does not fire it. */
        minDwellMs: z.number().int().min(0).max(600_000).default(5000),
        topThresholdPx: z.number().int().min(0).max(200).default(10),
      })
      .default({ enabled: true, minDwellMs: 5000, topThresholdPx: 10 }),
    mobile: z
      .object({
        scrollUp: z.boolean().default(true),
        /** Upward speed (px/s) that reads as reaching for the address bar. */
        minScrollVelocity: z.number().min(100).max(20_000).default(1500),
        nearTopPx: z.number().int().min(0).max(5000).default(600),
        backNavigation: z.boolean().default(true),
        pageHide: z.boolean().default(true),
        minDwellMs: z.number().int().min(0).max(600_000).default(5000),
      })
      .default({
        scrollUp: true,
        minScrollVelocity: 1500,
        nearTopPx: 600,
        backNavigation: true,
        pageHide: true,
        minDwellMs: 5000,
      }),
    /** In a single-page app, a route change away from a targeted route counts as leaving. */
    spaRouteChange: z.boolean().default(true),
  })
  .meta({ id: 'ExitIntentRules' });
export type ExitIntentRules = z.infer<typeof ExitIntentRules>;

export const Trigger = z
  .object({
    delayMs: z.number().int().min(0).max(3_600_000).default(0),
    /** Percentage of the page scrolled before showing (0: no need to scroll). */
    scrollDepthPercent: z.number().min(0).max(100).default(0),
    exitIntent: ExitIntentRules.optional(),
    /** Feature feedback: the element the survey is attached to. */
    anchor: z
      .object({
        feature: z.string().min(1).max(200).optional(),
        selector: z.string().min(1).max(500).optional(),
        placement: z.enum(['inline', 'popover']).default('popover'),
      })
      .optional(),
  })
  .meta({ id: 'Trigger' });
export type Trigger = z.infer<typeof Trigger>;

export const SurveyFatigue = z
  .object({
    /** Days before the same visitor may see this survey again (after it was shown and ignored). */
    recontactDays: z.number().min(0).max(3650).default(30),
    showAgainAfterAnswer: z.boolean().default(false),
    showAgainAfterDismiss: z.boolean().default(false),
  })
  .meta({ id: 'SurveyFatigue' });
export type SurveyFatigue = z.infer<typeof SurveyFatigue>;

// ---- Survey -----------------------------------------------------------------

export const SURVEY_STATUSES = ['active', 'paused', 'archived'] as const;

const SurveyFields = {
  name: z.string().min(1).max(200),
  kind: SurveyKind,
  status: z.enum(SURVEY_STATUSES).default('active'),
  /** Higher first when several surveys could show at the same moment. */
  priority: z.number().int().min(0).max(1000).default(0),
  questions: z.array(Question).max(20).optional(),
  targeting: Targeting.optional(),
  trigger: Trigger.optional(),
  fatigue: SurveyFatigue.optional(),
  /** Per-locale overrides of the widget's built-in strings, e.g. {"fr": {"thanks": "Merci !"}}. */
  strings: safeRecord(safeRecord(z.string().max(1000), 100), 20).optional(),
};

export const SurveyCreate = z.strictObject({ id: SurveyId.optional(), ...SurveyFields }).meta({ id: 'SurveyCreate' });
export type SurveyCreate = z.output<typeof SurveyCreate>;
export type SurveyCreateInput = z.input<typeof SurveyCreate>;

export const SurveyPatch = z
  .strictObject({
    name: SurveyFields.name.optional(),
    status: z.enum(SURVEY_STATUSES).optional(),
    priority: z.number().int().min(0).max(1000).optional(),
    questions: SurveyFields.questions,
    targeting: SurveyFields.targeting,
    trigger: SurveyFields.trigger,
    fatigue: SurveyFields.fatigue,
    strings: SurveyFields.strings,
  })
  .meta({ id: 'SurveyPatch' });
export type SurveyPatch = z.infer<typeof SurveyPatch>;

export const Survey = z
  .object({
    id: SurveyId,
    siteKey: SiteKey,
    ...SurveyFields,
    questions: z.array(Question),
    targeting: Targeting,
    trigger: Trigger,
    fatigue: SurveyFatigue,
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .meta({ id: 'Survey' });
export type Survey = z.infer<typeof Survey>;

/** What the widget receives: an active survey without admin-only fields. */
export const PublicSurvey = Survey.omit({ siteKey: true, status: true, createdAt: true, updatedAt: true }).meta({
  id: 'PublicSurvey',
});
export type PublicSurvey = z.infer<typeof PublicSurvey>;

export { Primitive, safeRecord };
