// Built-in wording in English and French. A survey overrides any key per locale via
// `survey.strings`, and question texts via their LocalizedText; the rest falls back here.
import type { PublicSurvey } from '../types.ts';

const en = {
  dialog: 'Feedback',
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
  picking: 'Click the element you mean. Esc to cancel.',
  about: 'About: {element}',
  placeholder: 'Your answer (optional)',
  send: 'Send',
  next: 'Next',
  skip: 'Skip',
  close: 'Close',
  thanks: 'Thank you for your feedback!',
  outOf: '{n} out of 5',
  score: 'Score',
};
export type StringKey = keyof typeof en;

const fr: Record<StringKey, string> = {
  dialog: 'Votre avis',
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
  picking: 'Cliquez sur l’élément concerné. Échap pour annuler.',
  about: 'À propos de : {element}',
  placeholder: 'Votre réponse (facultatif)',
  send: 'Envoyer',
  next: 'Suivant',
  skip: 'Passer',
  close: 'Fermer',
  thanks: 'Merci pour votre retour !',
  outOf: '{n} sur 5',
  score: 'Note',
};

export type Translate = (key: StringKey, vars?: Record<string, string | number>) => string;
export type Localize = (text: Record<string, string> | undefined, fallback: string) => string;

function pickText(text: Record<string, string> | undefined, locale: string): string | undefined {
  if (!text) return undefined;
  const l = locale.toLowerCase();
  return text[locale] ?? text[l] ?? text[l.split('-')[0]!] ?? text.en ?? Object.values(text)[0];
}

export function translator(survey: PublicSurvey, locale: string): { t: Translate; loc: Localize } {
  const lang = locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  const table = lang === 'fr' ? fr : en;
  const fill = (s: string, vars?: Record<string, string | number>) =>
    s.replace(/\{(\w+)\}/g, (m, k: string) => (vars && k in vars ? String(vars[k]) : m));
  const over = (key: string) => {
    const st = survey.strings;
    return st && (st[locale]?.[key] ?? st[locale.toLowerCase().split('-')[0]!]?.[key]);
  };
  return {
    t: (key, vars) => fill(over(key) ?? table[key], vars),
    loc: (text, fallback) => pickText(text, locale) ?? fallback,
  };
}

const RTL = /^(ar|he|fa|ur|ps|yi|dv|ku|sd|ug)(-|$)/i;
export function isRtl(locale: string): boolean {
  return document.documentElement.dir === 'rtl' || RTL.test(locale);
}
