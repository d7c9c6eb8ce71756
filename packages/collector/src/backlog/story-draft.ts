// Drafting a user story from responses (pure): title, "As a … I want … so that …",
// Given/When/Then criteria, labels, evidence, priority and, for bugs, how to reproduce.
import type { AcceptanceCriterion, Evidence, Kind, Priority, StoryParts } from '@hark/shared';
import { SYMPTOM_TEXT } from './behaviour.ts';
import { acceptanceCriteria } from './acceptance-criteria.ts';
import { buildEvidence } from './evidence.ts';
import { type Focus, actionText, capitalize, deviceText, elide, focusOf, q, storyLanguage, targetText, whereText } from './focus.ts';
import { personaOf } from './persona.ts';
import { type PriorityOptions, priorityOf } from './priority.ts';
import { type SourceResponse, type StoryLang, clip } from './source.ts';

export interface Reproduction {
  url?: string;
  path?: string;
  element?: string;
  selector?: string;
  devices: string[];
  steps: string[];
  reported?: string;
  expected?: string;
}

export interface StoryDraft {
  title: string;
  language: StoryLang;
  kind: Kind;
  story: StoryParts;
  text: string;
  acceptanceCriteria: AcceptanceCriterion[];
  labels: string[];
  evidence: Evidence;
  priority: Priority;
  reproduction?: Reproduction;
}

export interface DraftOptions extends PriorityOptions {
  language?: StoryLang;
  /** Drafting from a theme: the theme names the story. */
  theme?: string;
}

export function titleOf(f: Focus): string {
  const fr = f.lang === 'fr';
  const t = targetText(f);
  const where = whereText(f);
  const exp = f.expected;
  switch (f.kind) {
    case 'bug': {
      const sym = f.symptom ? SYMPTOM_TEXT[f.symptom][f.lang] : undefined;
      return fr ? `Corriger ${t}${where}${sym ? ` : ${sym}` : ''}` : `Fix ${t}${where}${sym ? `: ${sym}` : ''}`;
    }
    case 'performance':
      return fr ? `Accélérer ${t}${where}` : `Speed up ${t}${where}`;
    case 'usability':
      return fr ? `Simplifier ${t}${where}` : `Make ${t} easier to use${where}`;
    case 'feature_request':
      if (exp && f.expectedForm === 'verb') return capitalize(exp);
      if (exp && f.expectedForm === 'noun') return fr ? `Ajouter ${exp}` : `Add ${exp}`;
      return fr ? `Améliorer ${t}${where}` : `Improve ${t}${where}`;
    default:
      return fr ? `Améliorer ${t}${where}` : `Improve ${t}${where}`;
  }
}

function capabilityOf(f: Focus): string {
  const fr = f.lang === 'fr';
  const t = targetText(f) + whereText(f);
  if (f.kind === 'feature_request' && f.expected) {
    if (f.expectedForm === 'verb') return fr ? `pouvoir ${f.expected}` : `to ${f.expected}`;
    if (f.expectedForm === 'noun') return fr ? f.expected : f.expected;
  }
  switch (f.kind) {
    case 'bug':
      return fr ? `${elide('que', t)} fonctionne correctement` : `${t} to work reliably`;
    case 'performance':
      return fr ? `${elide('que', t)} réponde rapidement` : `${t} to respond quickly`;
    case 'usability':
      return fr ? `${elide('que', t)} soit facile à trouver et à comprendre` : `${t} to be easy to find and understand`;
    case 'feature_request':
      return fr ? `de nouvelles possibilités pour ${t}` : `new capabilities in ${t}`;
    default:
      return fr ? `${elide('que', t)} réponde à mes besoins` : `${t} to meet my needs`;
  }
}

function benefitOf(f: Focus): string {
  const fr = f.lang === 'fr';
  if (f.path && /\/(checkout|cart|basket|panier|paiement|payment|commande)\b/i.test(f.path) && (f.kind === 'bug' || f.kind === 'performance' || f.kind === 'usability')) {
    return fr ? 'finaliser mon achat' : 'I can complete my purchase';
  }
  switch (f.kind) {
    case 'bug':
      return fr ? 'aller au bout de ce que je suis venu faire sans être bloqué' : 'I can finish what I came to do without being blocked';
    case 'performance':
      return fr ? 'ne pas perdre de temps à attendre' : 'I do not waste time waiting';
    case 'usability':
      return fr ? 'atteindre mon objectif sans avoir besoin d’aide' : 'I reach my goal without needing help';
    case 'feature_request':
      return fr ? 'faire mon travail avec moins d’effort' : 'I get my work done with less effort';
    default:
      return fr ? 'avoir une meilleure expérience' : 'my experience gets better';
  }
}

export function storyText(parts: StoryParts, lang: StoryLang): string {
  return lang === 'fr'
    ? `En tant ${elide('que', parts.persona.replace(/^(un|une)\s+/i, ''))}, je veux ${parts.capability}, ${elide('afin de', parts.benefit)}.`
    : `As ${parts.persona}, I want ${parts.capability}, so that ${parts.benefit}.`;
}

function reproductionOf(f: Focus): Reproduction {
  const fr = f.lang === 'fr';
  const steps: string[] = [];
  if (f.url) steps.push(fr ? `Ouvrir ${f.url}` : `Open ${f.url}`);
  const d = f.devices[0];
  if (d) steps.push(fr ? `Utiliser un appareil ${deviceText(f.lang, d).replace(/^sur /, '')}` : `Use a ${deviceText(f.lang, d).replace(/^on /, '')} device`);
  steps.push(actionText(f, true));
  if (f.reported) steps.push(fr ? `Constater : ${q(f.lang, f.reported)}` : `Observe: ${q(f.lang, f.reported)}`);
  else if (f.symptom) steps.push(fr ? `Constater : ${SYMPTOM_TEXT[f.symptom].fr}` : `Observe: ${SYMPTOM_TEXT[f.symptom].en}`);
  const r: Reproduction = {
    devices: f.devices.map((x) => `${[x.type, x.os, x.browser].filter(Boolean).join(' · ')} (${x.count})`),
    steps,
  };
  if (f.url) r.url = f.url;
  if (f.path) r.path = f.path;
  if (f.element) r.element = f.element;
  if (f.selector) r.selector = f.selector;
  if (f.reported) r.reported = f.reported;
  if (f.expected) r.expected = f.expected;
  return r;
}

/** Labels: lowercase words with dashes, as Jira, GitHub and Linear accept them. */
export function labelOf(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
}

export function draftStory(rs: SourceResponse[], opts: DraftOptions = {}): StoryDraft {
  if (!rs.length) throw new Error('a story needs at least one response');
  const lang = storyLanguage(rs, opts.language);
  const evidence = buildEvidence(rs);
  const f = focusOf(rs, lang, evidence.devices, opts.theme);
  const story: StoryParts = { persona: personaOf(rs, lang), capability: capabilityOf(f), benefit: benefitOf(f) };
  const themes = Object.keys(evidence.themes).slice(0, 3);
  const labels = [...new Set([labelOf(f.kind), ...(opts.theme ? [labelOf(opts.theme)] : []), ...themes.map(labelOf), 'customer-feedback'])].filter(Boolean);
  const draft: StoryDraft = {
    title: clip(titleOf(f), 150),
    language: lang,
    kind: f.kind,
    story,
    text: storyText(story, lang),
    acceptanceCriteria: acceptanceCriteria(f),
    labels,
    evidence,
    priority: priorityOf(rs, opts),
  };
  if (f.kind === 'bug' || f.kind === 'performance') draft.reproduction = reproductionOf(f);
  return draft;
}
