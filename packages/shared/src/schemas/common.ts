import { z } from 'zod';

// Keys that would let a payload reach Object.prototype or a Mongo operator once stored.
// Every free-form map from the outside world goes through safeRecord().
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isSafeKey(key: string): boolean {
  return !FORBIDDEN_KEYS.has(key) && !key.startsWith('$') && !key.includes('.') && !key.includes('\u0000');
}

const safeKeyMessage = 'keys must not start with "$", contain "." or be __proto__/constructor/prototype';

/** A flat map of primitive values with bounded size and keys that are safe to store in MongoDB. */
export function safeRecord<V extends z.ZodType>(value: V, maxKeys = 50) {
  return z
    .record(z.string().min(1).max(100), value)
    .superRefine((obj, ctx) => {
      const keys = Object.keys(obj);
      if (keys.length > maxKeys) ctx.addIssue({ code: 'custom', message: `at most ${maxKeys} keys` });
      for (const k of keys) {
        if (!isSafeKey(k)) ctx.addIssue({ code: 'custom', path: [k], message: safeKeyMessage });
      }
    });
}

export const Primitive = z.union([z.string().max(1000), z.number().finite(), z.boolean(), z.null()]);

/** Text in several languages: { en: "...", fr: "..." }. */
export const LocalizedText = safeRecord(z.string().min(1).max(1000), 20).meta({
  id: 'LocalizedText',
  description: 'Text per language code, e.g. {"en": "How likely…", "fr": "Quelle est la probabilité…"}',
});
export type LocalizedText = z.infer<typeof LocalizedText>;

export const SiteKey = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes, starting with a letter or digit');

export const SurveyId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "_" and "-" only');

export const Locale = z
  .string()
  .min(2)
  .max(35)
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/, 'a BCP 47 language tag such as "fr" or "en-GB"');

export const IsoDate = z.iso.datetime({ offset: true });

export const SURVEY_KINDS = ['nps', 'exit_intent', 'feature_feedback', 'feedback_button'] as const;
export const SurveyKind = z.enum(SURVEY_KINDS);
export type SurveyKind = z.infer<typeof SurveyKind>;

export const DEVICE_TYPES = ['desktop', 'mobile', 'tablet'] as const;
export const DeviceType = z.enum(DEVICE_TYPES);
export type DeviceType = z.infer<typeof DeviceType>;
