// A worked scenario for the insights tests: 200 NPS answers (EN/FR) of a B2B invoicing
// app over four ISO weeks of March 2025, plus 10 feedback-button comments. Written for
// these tests; every count below is chosen so the expected figures can be worked out by hand.
import { randomUUID } from 'node:crypto';
import type { ResponseInput } from '@hark/shared';

export type Cat = 'P' | 'Pa' | 'D';
export type ThemeName = 'export' | 'pricing' | 'onboarding' | 'support' | 'mobile' | 'none';

export const TAXONOMY = [
  { name: 'export', keywords: { en: ['export', 'csv'], fr: ['export', 'exporter', 'csv'] } },
  { name: 'pricing', keywords: { en: ['price', 'pricing', 'expensive'], fr: ['prix', 'tarif', 'cher'] } },
  { name: 'onboarding', keywords: { en: ['onboarding', 'tutorial'], fr: ['prise en main', 'tutoriel'] } },
  { name: 'support', keywords: { en: ['support team'], fr: ['service client'] } },
  { name: 'mobile', keywords: { en: ['mobile app'], fr: ['application mobile'] } },
];

/** (promoters, passives, detractors) per theme per week (weeks starting Mon 3, 10, 17, 24 March 2025). */
export const PLAN: Record<ThemeName, [number, number, number][]> = {
  export: [[1, 2, 3], [1, 2, 3], [1, 1, 12], [1, 1, 12]],
  pricing: [[2, 3, 4], [1, 3, 5], [2, 2, 5], [1, 2, 6]],
  onboarding: [[6, 2, 1], [5, 1, 1], [5, 2, 1], [4, 1, 1]],
  support: [[7, 1, 0], [6, 1, 1], [5, 1, 1], [6, 1, 0]],
  mobile: [[0, 1, 2], [1, 1, 2], [0, 1, 2], [1, 1, 2]],
  none: [[10, 3, 2], [10, 4, 2], [5, 3, 1], [5, 4, 1]],
};
export const WEEKS = ['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-24'];

/** Plan (a user trait) by theme, for the segment checks. */
export const PLAN_TRAIT: Record<ThemeName, string> = { support: 'pro', onboarding: 'pro', export: 'free', mobile: 'free', pricing: 'team', none: 'team' };

const COMMENTS: Record<ThemeName, Record<Cat, { en: string[]; fr: string[] }>> = {
  export: {
    D: {
      en: ['The CSV export drops every accented name, I fix it by hand each month.', 'Export to CSV has been broken since the update, my accountant is furious.'],
      fr: ["L'export CSV coupe les colonnes, impossible de l'envoyer au comptable.", "Depuis la mise à jour, exporter mes factures plante à chaque fois."],
    },
    Pa: { en: ['Decent tool, but the export takes ages for a year of invoices.'], fr: ["Correct, mais l'export annuel est vraiment long."] },
    P: { en: ['Love how quick the CSV export is for my bookkeeping.'], fr: ["L'export vers mon logiciel comptable est parfait."] },
  },
  pricing: {
    D: {
      en: ['Far too expensive for a freelancer with ten invoices a month.', 'The new price doubled without warning, looking at alternatives.'],
      fr: ['Beaucoup trop cher pour une petite structure.', 'Le nouveau tarif a doublé sans prévenir, je regarde ailleurs.'],
    },
    Pa: { en: ['Good product, the price is a bit steep though.'], fr: ['Bon produit mais le prix pique un peu.'] },
    P: { en: ['Worth every cent, the pricing is fair for what we get.'], fr: ['Le tarif est honnête vu le temps gagné.'] },
  },
  onboarding: {
    D: { en: ['The onboarding lost me at the bank connection step.'], fr: ['La prise en main est confuse, je ne trouve rien.'] },
    Pa: { en: ['The tutorial helped, some steps are still unclear.'], fr: ['Le tutoriel aide mais reste incomplet.'] },
    P: {
      en: ['Onboarding took five minutes, my first invoice was out the same day.', 'The tutorial is short and clear, exactly what I needed.'],
      fr: ['Prise en main immédiate, première facture envoyée en dix minutes.', 'Le tutoriel est clair et bien fait, bravo.'],
    },
  },
  support: {
    D: { en: ['Waited three days for the support team to answer a blocking issue.'], fr: ['Le service client ne répond jamais le week-end.'] },
    Pa: { en: ['The support team is nice but slow on weekends.'], fr: ['Service client aimable mais un peu lent.'] },
    P: {
      en: ['The support team solved my VAT question in ten minutes, brilliant.', 'Fantastic support team, friendly and fast.'],
      fr: ['Service client au top, réponse en dix minutes.', 'Le service client est réactif et vraiment compétent.'],
    },
  },
  mobile: {
    D: { en: ['The mobile app logs me out every single time.'], fr: ["L'application mobile se ferme dès que je scanne un reçu."] },
    Pa: { en: ['The mobile app works, but it is limited.'], fr: ["L'application mobile dépanne, sans plus."] },
    P: { en: ['Sending invoices from the mobile app on site is a lifesaver.'], fr: ["L'application mobile me sauve sur les chantiers."] },
  },
  none: {
    D: { en: ['Not what I expected at all.'], fr: ["Pas du tout ce que j'attendais."] },
    Pa: { en: ['It does the job.', 'Fine overall, nothing special.'], fr: ['Ça fait le travail.', 'Bien dans l’ensemble, rien de spécial.'] },
    P: { en: ['Great tool, I recommend it to every freelancer I know.', 'Simple and reliable, thank you!'], fr: ['Super outil, je le recommande à tous mes collègues.', 'Simple et fiable, merci !'] },
  },
};

const SCORES: Record<Cat, number[]> = { P: [9, 10], Pa: [7, 8], D: [0, 2, 3, 4, 5, 6] };

export interface SeedItem {
  input: ResponseInput;
  theme: ThemeName;
  cat: Cat;
  week: number;
  receivedAt: Date;
}

/** The 200 NPS answers, with the date each should carry. */
export function npsItems(surveyId: string): SeedItem[] {
  const out: SeedItem[] = [];
  let k = 0;
  for (const [theme, weeks] of Object.entries(PLAN) as [ThemeName, [number, number, number][]][]) {
    weeks.forEach((counts, week) => {
      (['P', 'Pa', 'D'] as const).forEach((cat, ci) => {
        for (let i = 0; i < counts[ci]!; i++, k++) {
          const lang = k % 2 === 0 ? 'en' : 'fr';
          const phrases = COMMENTS[theme][cat][lang];
          const day = k % 7;
          const receivedAt = new Date(`${WEEKS[week]}T00:00:00Z`);
          receivedAt.setUTCDate(receivedAt.getUTCDate() + day);
          receivedAt.setUTCHours(8 + (k % 10), k % 60);
          out.push({
            theme,
            cat,
            week,
            receivedAt,
            input: {
              id: randomUUID(),
              surveyId,
              type: 'nps',
              score: SCORES[cat][k % SCORES[cat].length]!,
              comment: phrases[Math.floor(k / 2) % phrases.length]!,
              locale: lang === 'en' ? 'en-GB' : 'fr-FR',
              context: { url: `https://app.facturo.example/${theme === 'export' ? 'invoices/export' : 'dashboard'}?ref=${k}` },
              user: { id: `u${k}`, traits: { plan: PLAN_TRAIT[theme], account: `acct-${k % 40}` } },
            },
          });
        }
      });
    });
  }
  return out;
}

/** 10 feedback-button comments about the export: they add to the theme's volume, never to NPS. */
export function buttonItems(surveyId: string): ResponseInput[] {
  const texts = [
    'Export button does nothing on Safari.',
    "Le bouton d'export ne réagit pas.",
    'Please add an export to Excel.',
    "Ajoutez l'export au format FEC s'il vous plaît.",
    'CSV export misses the VAT column.',
  ];
  return Array.from({ length: 10 }, (_, i) => ({
    id: randomUUID(),
    surveyId,
    type: 'feedback_button' as const,
    comment: texts[i % texts.length]!,
    locale: i % 2 ? 'fr' : 'en',
    context: { url: 'https://app.facturo.example/invoices/export', element: 'Export button' },
  }));
}
