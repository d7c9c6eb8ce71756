import { z } from 'zod';

const Keywords = z.array(z.string().min(1).max(100)).max(200);

/** One theme of a site's taxonomy: a name and its keywords or phrases per language. */
export const ThemeDef = z
  .strictObject({
    name: z.string().min(1).max(100),
    keywords: z
      .object({ en: Keywords.optional(), fr: Keywords.optional() })
      .catchall(Keywords)
      .refine((k) => Object.values(k).some((v) => v && v.length > 0), 'give at least one keyword in one language'),
  })
  .meta({ id: 'ThemeDef' });
export type ThemeDef = z.infer<typeof ThemeDef>;

export const TaxonomyPut = z
  .strictObject({ themes: z.array(ThemeDef).max(300) })
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.themes.forEach((th, i) => {
      const k = th.name.toLowerCase();
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: ['themes', i, 'name'], message: `duplicate theme "${th.name}"` });
      seen.add(k);
    });
  })
  .meta({ id: 'TaxonomyPut' });

export const Taxonomy = z
  .object({
    siteKey: z.string(),
    themes: z.array(ThemeDef),
    /** true: the site has not set its own and the built-in one applies. */
    isDefault: z.boolean(),
    updatedAt: z.string().optional(),
  })
  .meta({ id: 'Taxonomy' });
export type Taxonomy = z.infer<typeof Taxonomy>;

export const DiscoveredThemeSchema = z
  .object({
    key: z.string(),
    label: z.string(),
    terms: z.array(z.string()),
    count: z.number().int(),
    score: z.number(),
    examples: z.array(z.string()),
  })
  .meta({ id: 'DiscoveredTheme' });
