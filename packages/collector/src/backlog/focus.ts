// What a set of responses is about, reduced to the few facts a story is written
// from: the dominant kind, page, element, devices, symptom and the stated
// expectation. Plus the phrases (in French or English) that name them.
import type { Evidence, Kind } from '@hark/shared';
import { type Behaviour, type ExpectedForm, type Symptom, behaviourOf } from './behaviour.ts';
import { type SourceResponse, type StoryLang, mode, pathOf, tally } from './source.ts';

export interface Focus {
  lang: StoryLang;
  kind: Kind;
  /** Full URL most responses came from (without query or hash). */
  url?: string;
  path?: string;
  element?: string;
  selector?: string;
  feature?: string;
  theme?: string;
  /** Devices, most frequent first. */
  devices: Evidence['devices'];
  symptom?: Symptom;
  reported?: string;
  expected?: string;
  expectedForm?: ExpectedForm;
  /** Responses of the dominant kind. */
  reports: number;
}

const ACTIONABLE: Kind[] = ['bug', 'performance', 'usability', 'feature_request'];

export function dominantKind(rs: SourceResponse[]): Kind {
  const kinds = tally(rs.map((r) => r.tags?.kind));
  const actionable = kinds.find(([k]) => ACTIONABLE.includes(k));
  return actionable?.[0] ?? kinds[0]?.[0] ?? 'other';
}

export function storyLanguage(rs: SourceResponse[], asked?: StoryLang): StoryLang {
  if (asked) return asked;
  const langs = rs.map((r) => {
    const l = (r.tags?.language ?? r.locale).slice(0, 2).toLowerCase();
    return l === 'fr' || l === 'en' ? l : undefined;
  });
  const t = tally(langs);
  // French only when French is the majority: a tie or no signal gives English.
  return t[0]?.[0] === 'fr' && (t[1]?.[1] ?? 0) < t[0][1] ? 'fr' : 'en';
}

const stripUrl = (u: string) => {
  try {
    const x = new URL(u);
    return `${x.origin}${x.pathname}`;
  } catch {
    return u;
  }
};

export function focusOf(rs: SourceResponse[], lang: StoryLang, devices: Evidence['devices'], theme?: string): Focus {
  const kind = dominantKind(rs);
  const ofKind = rs.filter((r) => r.tags?.kind === kind);
  const core = ofKind.length ? ofKind : rs;
  // Devices grouped by class, the class most reports came from first.
  const perType = new Map<string, number>();
  for (const d of devices) perType.set(d.type, (perType.get(d.type) ?? 0) + d.count);
  const ordered = [...devices].sort((a, b) => (perType.get(b.type) ?? 0) - (perType.get(a.type) ?? 0) || b.count - a.count);
  const f: Focus = { lang, kind, devices: ordered, reports: core.length };
  const url = mode(core.map((r) => stripUrl(r.context.url)));
  if (url) {
    f.url = url;
    f.path = pathOf(url);
  }
  const element = mode(core.map((r) => r.context.element));
  if (element) {
    f.element = element;
    const sel = mode(core.filter((r) => r.context.element === element).map((r) => r.context.selector));
    if (sel) f.selector = sel;
  }
  const feature = mode(core.map((r) => r.context.feature));
  if (feature) f.feature = feature;
  f.theme = theme ?? mode(core.flatMap((r) => r.tags?.themes ?? []));
  if (!f.theme) delete f.theme;

  // Behaviour: the most common symptom, reported in the words of its most negative report;
  // the expectation of the first (most negative) comment that states one.
  const byNegativity = [...core].sort((a, b) => (a.tags?.sentiment.score ?? 0) - (b.tags?.sentiment.score ?? 0));
  const behaviours: [SourceResponse, Behaviour][] = byNegativity.map((r) => [r, behaviourOf(r.comment)]);
  const symptom = mode(behaviours.map(([, b]) => b.symptom));
  if (symptom) f.symptom = symptom;
  const inLang = ([r]: [SourceResponse, Behaviour]) => (r.tags?.language ?? r.locale).startsWith(lang);
  const candidates = behaviours.filter(([, b]) => b.reported && (!symptom || b.symptom === symptom));
  const rep = (candidates.find(inLang) ?? candidates[0])?.[1];
  if (rep?.reported) f.reported = rep.reported;
  // Prefer an expectation in the story's language (it is quoted in the story).
  const withExp = behaviours.filter(([, b]) => b.expected);
  const exp = (withExp.find(inLang) ?? withExp[0])?.[1];
  if (exp?.expected) {
    f.expected = exp.expected;
    f.expectedForm = exp.expectedForm;
  }
  return f;
}

// ---- phrases

export const q = (lang: StoryLang, s: string) => (lang === 'fr' ? `« ${s} »` : `“${s}”`);

const DEVICE_WORD: Record<string, { en: string; fr: string }> = {
  desktop: { en: 'desktop', fr: 'ordinateur' },
  mobile: { en: 'mobile', fr: 'mobile' },
  tablet: { en: 'tablet', fr: 'tablette' },
};

export function deviceText(lang: StoryLang, d: Evidence['devices'][number]): string {
  const word = DEVICE_WORD[d.type]?.[lang] ?? d.type;
  const detail = [d.os, d.browser].filter(Boolean).join(', ');
  const on = lang === 'fr' ? (d.type === 'desktop' ? 'sur' : 'sur') : 'on';
  return `${on} ${word}${detail ? ` (${detail})` : ''}`;
}

/** What the story is about: the element, else the feature, else the theme, else the page. */
export function targetText(f: Focus): string {
  const fr = f.lang === 'fr';
  if (f.element) return q(f.lang, f.element);
  if (f.feature) return fr ? `la fonctionnalité ${q(f.lang, f.feature)}` : `the ${q(f.lang, f.feature)} feature`;
  if (f.path) return fr ? `la page ${f.path}` : `the ${f.path} page`;
  if (f.theme) return fr ? `« ${f.theme} »` : `“${f.theme}”`;
  return fr ? 'le produit' : 'the product';
}

/** " on /checkout" when the target is not the page itself. */
export function whereText(f: Focus): string {
  if (!f.path || (!f.element && !f.feature)) return '';
  return f.lang === 'fr' ? ` sur ${f.path}` : ` on ${f.path}`;
}

/** The step that triggers the behaviour: click a button or link, else use the element/feature. */
export function actionText(f: Focus, imperative = false): string {
  const fr = f.lang === 'fr';
  const label = f.element ?? f.feature ?? f.theme;
  if (label) {
    const clickable = /\b(button|btn|link|lien|bouton|tab|onglet|icon|ic[oô]ne|menu|checkbox|toggle)\b/i.test(label) || /^(button|a)\b|\bbutton\b|\bbtn\b/i.test(f.selector ?? '');
    const verb = clickable ? (fr ? (imperative ? 'Cliquer sur' : 'je clique sur') : imperative ? 'Click' : 'I click') : fr ? (imperative ? 'Utiliser' : 'j’utilise') : imperative ? 'Use' : 'I use';
    return `${verb} ${q(f.lang, label)}`;
  }
  if (imperative) return fr ? 'Refaire ce que les clients décrivent' : 'Do what the customers describe';
  return fr ? 'je fais ce que les clients décrivent' : 'I do what the customers describe';
}

export function givenText(f: Focus, device?: Evidence['devices'][number]): string {
  const fr = f.lang === 'fr';
  const where = f.path ? (fr ? `je suis sur ${f.path}` : `I am on ${f.path}`) : fr ? 'je suis connecté au produit' : 'I am using the product';
  return device ? `${where} ${deviceText(f.lang, device)}` : where;
}

/** French "de"/"que" elision before a vowel or mute h. */
export const elide = (word: string, next: string) => (/^[aeiouyhéèêàâîôû]/i.test(next) ? `${word.slice(0, -1)}’${next}` : `${word} ${next}`);

export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
