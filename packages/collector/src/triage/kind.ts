// Kind classifier: weighted cue lexicons (cues.ts) + context priors + a few precedence rules
// from LABELING.md (churn beats pricing, praise only when nothing is actionable, empty or
// gibberish is "other"). A transparent scoring model rather than a trained one: it transfers
// to other products because the cues describe how people complain, ask and praise, not what
// a given product is called.
import type { Kind } from '@hark/shared';
import { CUES, type CueKind } from './cues.ts';
import { defaultKindModel, predictKind, type KindModel } from './kind-model.ts';
import type { Analysed } from './text.ts';

export type KindScores = Record<CueKind, number>;

interface CompiledGroup {
  kind: CueKind;
  weight: number;
  re: RegExp;
}

// One alternation per (kind, weight): ~40 regex scans per comment instead of ~200.
const GROUPS: CompiledGroup[] = (() => {
  const out: CompiledGroup[] = [];
  for (const [kind, cues] of Object.entries(CUES) as [CueKind, readonly (readonly [string, number])[]][]) {
    const byWeight = new Map<number, string[]>();
    for (const [p, w] of cues) {
      const list = byWeight.get(w) ?? [];
      list.push(`(?:${p})`);
      byWeight.set(w, list);
    }
    for (const [weight, parts] of byWeight) out.push({ kind, weight, re: new RegExp(parts.join('|'), 'gm') });
  }
  return out;
})();

const ZERO = (): KindScores => ({
  bug: 0, usability: 0, performance: 0, feature_request: 0, pricing: 0, praise: 0,
  churn_risk: 0, question: 0, offtopic: 0,
});

/** Raw cue evidence per kind: weight × number of distinct matches (capped at 2 per group). */
export function cueScores(a: Analysed): KindScores {
  const s = ZERO();
  for (const g of GROUPS) {
    g.re.lastIndex = 0;
    const m = a.norm.match(g.re);
    if (!m) continue;
    const distinct = new Set(m).size;
    s[g.kind] += g.weight * Math.min(distinct, 2);
  }
  return s;
}

export interface KindInput {
  type: string;
  score?: number | undefined;
  url?: string | undefined;
  element?: string | undefined;
  feature?: string | undefined;
  /** Lexical polarity of the comment in [-1, 1] (sentiment.ts), when known. */
  polarity?: number | undefined;
}

export interface KindOptions {
  /** The naive Bayes model; the committed one by default, `null` for rules only. */
  model?: KindModel | null | undefined;
  /** How much the model's posterior adds to the cue scores (a posterior of 1 = `weight` points). */
  modelWeight?: number | undefined;
}

export const MODEL_WEIGHT = Number(process.env.HARK_KIND_MODEL_WEIGHT ?? 2.5);
export const MODEL_TEMP = Number(process.env.HARK_KIND_MODEL_TEMP ?? 3);

/**
 * Adds the model's posterior to the cue scores: weight × P(kind | words). The rules stay in
 * charge when they have decisive evidence (a weight-3 cue plus context outweighs a posterior
 * of 1); the model decides between weak or tied cues and fills in when no cue fired (new
 * wording, other domains).
 */
export function applyModel(s: KindScores, a: Analysed, model: KindModel, weight: number): boolean {
  const p = predictKind(model, a, MODEL_TEMP);
  if (p.known === 0) return false;
  for (const [k, v] of Object.entries(p.probs) as [Kind, number][]) {
    s[k === 'other' ? 'offtopic' : k] += weight * v;
  }
  return true;
}

/** Keyboard mash or text with no readable word: "asdfgh", "xkcd qqq", "...". */
export function looksLikeGibberish(a: Analysed): boolean {
  const words = a.tokens.filter((t) => /[a-z]/.test(t));
  // Emoji-only answers ("❤️❤️❤️", "👎") are not gibberish: the emoji cues score them.
  if (words.length === 0) return !/\p{Extended_Pictographic}/u.test(a.raw);
  if (words.length > 3) return false;
  return words.every(
    (w) => /[bcdfghjklmnpqrstvwxz]{5,}/.test(w) || /^(?:asd|qwe|azer|zxc|sdf|jkl|hjk|uio)/.test(w) || /(.)\1{3,}/.test(w),
  );
}

// Order used to break exact ties: the more actionable (and more specific) kind first.
const PRIORITY: CueKind[] = [
  'churn_risk', 'bug', 'performance', 'usability', 'feature_request', 'pricing', 'question', 'praise', 'offtopic',
];
const ACTIONABLE: CueKind[] = ['churn_risk', 'bug', 'performance', 'usability', 'feature_request', 'pricing', 'question'];

export interface KindResult {
  kind: Kind;
  kinds: Kind[];
  scores: KindScores;
}

/** Adds what the survey context says: the page (cancel flow, pricing page) and the score. */
export function applyContext(s: KindScores, input: KindInput): void {
  const url = (input.url ?? '').toLowerCase();
  if (/cancel|resili|unsubscribe|close-account|delete-account|account\/delete|desabonn/.test(url)) s.churn_risk += 1;
  if (/pricing|tarif|\/plans|upgrade|\/billing|abonnement|checkout\/(?:delivery|livraison)/.test(url)) s.pricing += 0.5;
  const sc = input.score;
  if (sc !== undefined) {
    const nps = input.type === 'nps';
    const high = nps ? sc >= 9 : sc >= 4;
    const low = nps ? sc <= 6 : sc <= 2;
    if (high) {
      s.praise += 1;
      s.churn_risk -= 1;
      s.bug -= 0.5;
    }
    if (low) s.praise -= 1.5;
  }
}

export function classifyKind(a: Analysed, input: KindInput, options: KindOptions = {}): KindResult {
  const scores = cueScores(a);
  const text = a.norm.trim();
  if (!text || looksLikeGibberish(a)) return { kind: 'other', kinds: ['other'], scores };
  applyContext(scores, input);
  const model = options.model === undefined ? defaultKindModel() : options.model;
  const modelled = model ? applyModel(scores, a, model, options.modelWeight ?? MODEL_WEIGHT) : false;

  // "we're done, cancel it" beats "too expensive": leaving is the actionable part.
  if (scores.churn_risk >= 3 && scores.churn_risk >= scores.pricing - 1) scores.pricing = Math.min(scores.pricing, scores.churn_risk - 0.5);

  let best: CueKind | null = null;
  for (const k of PRIORITY) {
    if (k === 'praise' || k === 'offtopic') continue;
    if (best === null || scores[k] > scores[best]) best = k;
  }

  // Prices, speed and delivery are also praised ("fast delivery, free returns, thanks!"):
  // a clearly positive comment whose only "issue" is a price/speed topic is praise.
  if (
    best && (best === 'pricing' || best === 'performance') && scores.praise >= 2 &&
    (input.polarity ?? 0) > 0.3 && scores.praise + 3 > scores[best]
  ) {
    scores[best] = Math.min(scores[best], 1);
    best = null;
    for (const k of PRIORITY) {
      if (k === 'praise' || k === 'offtopic') continue;
      if (best === null || scores[k] > scores[best]) best = k;
    }
  }
  const bestScore = best ? scores[best] : 0;

  let primary: Kind;
  if (scores.offtopic >= 3 && bestScore <= scores.offtopic) primary = 'other';
  else if (scores.offtopic >= 2 && bestScore < 2 && scores.praise <= scores.offtopic) primary = 'other';
  else if (bestScore >= 2 && !(scores.praise >= bestScore + 2)) primary = best as Kind;
  else if (scores.praise >= 1.5) primary = 'praise';
  else if (scores.offtopic >= 2) primary = 'other';
  // Weak evidence only: the strongest of the actionable best, praise and "other" wins (the
  // model's posterior gives every kind a little mass, so "any praise at all" is not enough).
  else if (bestScore >= 1 && bestScore >= scores.praise && bestScore >= scores.offtopic) primary = best as Kind;
  else if (modelled) {
    // The model read the words: its favourite (plus any weak cue) among best, praise, other.
    primary = 'other';
    let top = scores.offtopic;
    if (scores.praise > top) (primary = 'praise'), (top = scores.praise);
    if (best && bestScore > top) primary = best as Kind;
  } else if (scores.praise > 0 && scores.praise >= scores.offtopic) primary = 'praise';
  else primary = 'other';

  const kinds: Kind[] = [primary];
  const ranked = [...ACTIONABLE, 'praise' as const]
    .filter((k) => k !== primary && scores[k] >= 2)
    .sort((x, y) => scores[y] - scores[x]);
  for (const k of ranked) kinds.push(k as Kind);
  return { kind: primary, kinds, scores };
}
