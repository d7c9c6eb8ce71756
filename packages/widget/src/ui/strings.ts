// Built-in wording in English and French. A survey overrides any key per locale via
// `survey.strings`, and question texts via their LocalizedText; the rest falls back here.
import type { PublicSurvey } from '../types.ts';

const en = {
  npsQuestion: 'How likely are you to recommend us to a friend or colleague?',
  npsLow: 'Not at all likely',
  npsHigh: 'Extremely likely',
  detractor: 'Sorry to hear that. What disappointed you, and what could we do better?',
  passive: 'Thanks! What would make us a 10 for you?',
  promoter: 'Great to hear! What do you like most?',
  exitQuestion: 'Before you go: what stopped you today?',
  featureQuestion: 'How useful is {feature}?',
  featureComment: 'Anything to add?',
  tab: 'Feedback',
  buttonQuestion: 'What would you like to tell us?',
  pick: 'Point at an element',
  picking: 'Click the element you mean, or move with Tab and press Enter. Esc to cancel.',
  about: 'About: {element}',
  optional: 'Your answer (optional)',
  required: 'Your answer',
  send: 'Send',
  next: 'Next',
  close: 'Close',
  thanks: 'Thank you for your feedback!',
  outOf: '{n} out of 5',
};
export type StringKey = keyof typeof en;

const fr: Record<StringKey, string> = {
  npsQuestion: 'Quelle est la probabilité que vous nous recommandiez à un ami ou un collègue ?',
  npsLow: 'Pas du tout probable',
  npsHigh: 'Très probable',
  detractor: 'Désolés. Qu’est-ce qui vous a déçu, et que pourrions-nous améliorer ?',
  passive: 'Merci ! Que faudrait-il pour que nous méritions un 10 ?',
  promoter: 'Ravis de l’entendre ! Qu’appréciez-vous le plus ?',
  exitQuestion: 'Avant de partir : qu’est-ce qui vous a arrêté aujourd’hui ?',
  featureQuestion: 'Quelle est l’utilité de « {feature} » ?',
  featureComment: 'Un commentaire ?',
  tab: 'Votre avis',
  buttonQuestion: 'Que souhaitez-vous nous dire ?',
  pick: 'Désigner un élément',
  picking: 'Cliquez sur l’élément concerné, ou parcourez avec Tab et validez avec Entrée. Échap pour annuler.',
  about: 'À propos de : {element}',
  optional: 'Votre réponse (facultatif)',
  required: 'Votre réponse',
  send: 'Envoyer',
  next: 'Suivant',
  close: 'Fermer',
  thanks: 'Merci pour votre retour !',
  outOf: '{n} sur 5',
};

export type Translate = (key: StringKey, vars?: Record<string, string | number>) => string;
export type Localize = (text: Record<string, string> | undefined, fallback: string) => string;

/** `fr-CA` → `fr-CA`, then `fr-ca`, then `fr`: the first a table has. */
const pickIn = <T>(table: Record<string, T> | undefined, locale: string) => {
  const l = locale.toLowerCase();
  return table && (table[locale] ?? table[l] ?? table[l.split('-')[0]!]);
};

export function translator(survey: PublicSurvey, locale: string): { t: Translate; loc: Localize } {
  const table = /^fr/i.test(locale) ? fr : en;
  return {
    t: (key, vars) =>
      (pickIn(survey.strings, locale)?.[key] ?? table[key]).replace(/\{(\w+)\}/g, (m, k: string) => String(vars?.[k] ?? m)),
    loc: (text, fallback) => pickIn(text, locale) ?? text?.en ?? (text && Object.values(text)[0]) ?? fallback,
  };
}

const RTL = /^(ar|he|fa|ur|ps|yi|dv|ku|sd|ug)(-|$)/i;
export const isRtl = (locale: string): boolean => document.documentElement.dir === 'rtl' || RTL.test(locale);
