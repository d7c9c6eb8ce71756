import { z } from 'zod';
import { IsoDate, SiteKey } from './common.ts';
import { PublicSurvey } from './survey.ts';

/** "*" (any origin, the demo site) or an exact origin such as "https://shop.example.com". */
export const AllowedOrigin = z.union([
  z.literal('*'),
  z
    .string()
    .max(300)
    .regex(/^https?:\/\/[^/\s?#]+$/, 'an origin such as "https://example.com" (scheme and host, no path)'),
]);

export const Theme = z
  .object({
    brandColor: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'a hex colour such as "#4f46e5"')
      .default('#4f46e5'),
    position: z.enum(['bottom-right', 'bottom-left', 'top-right', 'top-left', 'center']).default('bottom-right'),
    colorScheme: z.enum(['auto', 'light', 'dark']).default('auto'),
    /** Optional stylesheet the widget loads inside its shadow root (for strict CSP without a nonce). */
    stylesheetUrl: z.url().max(1000).optional(),
  })
  .meta({ id: 'Theme' });
export type Theme = z.infer<typeof Theme>;

export const VisitorBudget = z
  .object({
    /** At most one prompt per this many days across all surveys of the site (0: no limit). */
    minDaysBetweenPrompts: z.number().min(0).max(365).default(3),
  })
  .meta({ id: 'VisitorBudget' });
export type VisitorBudget = z.infer<typeof VisitorBudget>;

export const Privacy = z
  .object({
    /** Keep the unmasked comment next to the masked one (off: e-mails, phones and card numbers are masked for good). */
    keepOriginalPii: z.boolean().default(false),
  })
  .meta({ id: 'Privacy' });

const SiteFields = {
  name: z.string().min(1).max(200),
  allowedOrigins: z.array(AllowedOrigin).max(100),
  theme: Theme.optional(),
  visitorBudget: VisitorBudget.optional(),
  privacy: Privacy.optional(),
};

export const SiteCreate = z.strictObject({ key: SiteKey, ...SiteFields }).meta({ id: 'SiteCreate' });
export type SiteCreate = z.output<typeof SiteCreate>;
export type SiteCreateInput = z.input<typeof SiteCreate>;

export const SitePatch = z
  .strictObject({
    name: SiteFields.name.optional(),
    allowedOrigins: SiteFields.allowedOrigins.optional(),
    theme: Theme.optional(),
    visitorBudget: VisitorBudget.optional(),
    privacy: Privacy.optional(),
  })
  .meta({ id: 'SitePatch' });
export type SitePatch = z.infer<typeof SitePatch>;

export const Site = z
  .object({
    key: SiteKey,
    ...SiteFields,
    theme: Theme,
    visitorBudget: VisitorBudget,
    privacy: Privacy,
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .meta({ id: 'Site' });
export type Site = z.infer<typeof Site>;

/** GET /v1/sites/:siteKey/config — everything the widget needs, nothing private. */
export const SiteConfig = z
  .object({
    site: z.object({ key: SiteKey, name: z.string() }),
    theme: Theme,
    visitorBudget: VisitorBudget,
    surveys: z.array(PublicSurvey),
  })
  .meta({ id: 'SiteConfig' });
export type SiteConfig = z.infer<typeof SiteConfig>;
