// Sentiment {label, score ∈ [-1,1]} from three signals:
//  1. lexical polarity of the comment: NLP.js lexicons (SentiCon for English, the "pattern"
//     lexicon for French, both stemmed) overridden by a small feedback lexicon of ours where
//     the general lexicons are wrong for product feedback (SentiCon has "crash" +0.38,
//     "confusing" +0.5, "expensive" +0.25), with negation scope ("not great", "pas top");
//  2. the kind prior: a bug report or a price complaint reads negative even when worded
//     politely (LABELING: the actionable part dominates);
//  3. the NPS score (0–10) or rating (1–5): a low NPS with a flat or empty comment is negative.
import { createRequire } from 'node:module';
import type { Kind, Sentiment } from '@hark/shared';
import { stem, type Analysed, type Lang } from './text.ts';

const require = createRequire(import.meta.url);
const LIB: Record<Lang, Record<string, number>> = {
  en: require('@nlpjs/lang-en/src/sentiment/senticon_en.json') as Record<string, number>,
  fr: require('@nlpjs/lang-fr/src/sentiment/pattern_fr.json') as Record<string, number>,
};

// Our feedback lexicon (surface words, stemmed at load time with the language's stemmer).
const OURS: Record<Lang, Record<string, number>> = {
  en: {
    love: 0.8, loved: 0.8, great: 0.6, awesome: 0.8, amazing: 0.8, perfect: 0.8, perfectly: 0.7,
    excellent: 0.8, thanks: 0.5, thank: 0.5, kudos: 0.7, nice: 0.5, smooth: 0.5, clean: 0.4,
    fast: 0.4, quick: 0.3, easy: 0.4, happy: 0.5, best: 0.6, brilliant: 0.8, lovely: 0.7,
    recommend: 0.6, good: 0.4, helpful: 0.5, beautiful: 0.6, enjoy: 0.5, fantastic: 0.8,
    wonderful: 0.8, impressive: 0.6, seamless: 0.6, intuitive: 0.5, reliable: 0.5, fits: 0.3,
    bad: -0.6, terrible: -0.9, awful: -0.9, horrible: -0.9, broken: -0.7, bug: -0.6, buggy: -0.7,
    crash: -0.7, error: -0.5, fail: -0.6, failed: -0.6, wrong: -0.5, slow: -0.6, lag: -0.5,
    laggy: -0.6, confusing: -0.6, confused: -0.5, annoying: -0.6, frustrating: -0.7, useless: -0.8,
    expensive: -0.5, overpriced: -0.7, cancel: -0.3, disappointed: -0.7, disappointing: -0.7,
    hate: -0.8, worst: -0.9, poor: -0.6, painful: -0.6, tedious: -0.5, cumbersome: -0.5,
    clunky: -0.5, misleading: -0.6, problem: -0.4, issue: -0.3, steep: -0.4, ridiculous: -0.7,
    unacceptable: -0.8, mess: -0.6, nightmare: -0.9, lost: -0.4, sadly: -0.4, unfortunately: -0.4,
    dead: -0.6, waste: -0.6, unusable: -0.9, scam: -0.9, rip: -0.3, late: -0.4, nothing: -0.1,
    glitch: -0.5, spinner: -0.3, forever: -0.3, hard: -0.3, difficult: -0.4, tiny: -0.2,
  },
  fr: {
    genial: 0.8, super: 0.6, top: 0.6, parfait: 0.8, parfaitement: 0.7, merci: 0.5, bravo: 0.8,
    chapeau: 0.7, excellent: 0.8, magnifique: 0.8, adore: 0.8, nickel: 0.7, impeccable: 0.8,
    recommande: 0.6, content: 0.6, contente: 0.6, ravi: 0.7, ravie: 0.7, satisfait: 0.6,
    bien: 0.3, beau: 0.5, rapide: 0.4, efficace: 0.5, pratique: 0.4, agreable: 0.5, soigne: 0.5,
    qualite: 0.3, felicitations: 0.8, formidable: 0.8, enfin: 0.2, propre: 0.4, simple: 0.3,
    nul: -0.7, nulle: -0.7, lent: -0.6, lente: -0.6, cher: -0.4, chere: -0.4, bug: -0.6,
    plante: -0.6, erreur: -0.5, probleme: -0.4, complique: -0.5, penible: -0.6, dommage: -0.4,
    mauvais: -0.6, mauvaise: -0.6, horreur: -0.9, horrible: -0.9, inadmissible: -0.9,
    inacceptable: -0.9, decu: -0.7, decue: -0.7, decevant: -0.7, galere: -0.6, lourd: -0.4,
    faux: -0.5, perdu: -0.4, impossible: -0.5, inutile: -0.7, honteux: -0.9, catastrophe: -0.9,
    pire: -0.8, rame: -0.6, arnaque: -0.9, bof: -0.4, moyen: -0.3, violent: -0.5, pique: -0.3,
    bizarre: -0.3, genant: -0.5, casse: -0.5, marre: -0.7, agacant: -0.6, enervant: -0.7,
    interminable: -0.6, fastidieux: -0.5, retard: -0.4, eternite: -0.4, bazar: -0.5,
  },
};

const OURS_STEMMED: Record<Lang, Map<string, number>> = { en: new Map(), fr: new Map() };
for (const lang of ['en', 'fr'] as const) {
  for (const [w, v] of Object.entries(OURS[lang])) OURS_STEMMED[lang].set(stem(w, lang), v);
}

const EMOJI_POS = /(?:❤|♥|😍|🥰|👌|👍|🙏|🎉|🙌|💯|⭐|🔥|😊|☺|🤩|💖|💕|😄|😁|😀|🥳)/g;
const EMOJI_NEG = /(?:😡|😠|👎|😤|😞|😢|😭|🙄|😒|🤬|💩|😩|😫)/g;

const NEGATORS: Record<Lang, Set<string>> = {
  en: new Set(['not', 'no', 'never', 'neither', 'nor', 'without', 'cannot', 'hardly', 't', 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'wont', 'cant']),
  fr: new Set(['pas', 'jamais', 'aucun', 'aucune', 'sans', 'ni', 'guere']),
};

/** Lexical polarity of a comment in [-1, 1] (0 when no word carries polarity). */
export function lexicalPolarity(a: Analysed): number {
  const lib = LIB[a.lang];
  const ours = OURS_STEMMED[a.lang];
  const neg = NEGATORS[a.lang];
  let sum = 0;
  let hits = 0;
  for (let i = 0; i < a.stems.length; i++) {
    const s = a.stems[i]!;
    const tok = a.tokens[i]!;
    if (tok.length < 2) continue;
    let v = ours.get(s);
    if (v === undefined) {
      const l = lib[s];
      // The general lexicons are noisy on mild words; keep only clear polarity.
      v = l !== undefined && Math.abs(l) >= 0.45 ? l * 0.5 : undefined;
    }
    if (v === undefined || v === 0) continue;
    // Negation scope: a negator in the 3 previous tokens, or French "ne ... pas" after the word.
    let negated = false;
    for (let j = Math.max(0, i - 3); j < i; j++) if (neg.has(a.tokens[j]!)) negated = true;
    if (a.lang === 'fr') {
      const next = a.tokens[i + 1];
      if (next === 'pas' || next === 'plus' || next === 'jamais') negated = true;
      const prev = a.tokens[i - 1];
      if (prev === 'plus' && a.tokens[i - 2] === 'ne') negated = true;
    }
    sum += negated ? -0.7 * v : v;
    hits++;
  }
  const pos = a.raw.match(EMOJI_POS)?.length ?? 0;
  const negE = a.raw.match(EMOJI_NEG)?.length ?? 0;
  sum += 0.6 * Math.min(pos, 3) - 0.6 * Math.min(negE, 3);
  hits += Math.min(pos, 3) + Math.min(negE, 3);
  if (hits === 0) return 0;
  return Math.tanh(sum / Math.sqrt(hits)) ;
}

/** What the kind says about tone, before reading the words. */
const KIND_PRIOR: Record<Kind, number> = {
  bug: -0.7, usability: -0.6, performance: -0.7, pricing: -0.6, churn_risk: -0.6,
  praise: 0.8, feature_request: 0, question: 0, other: 0,
};

export interface SentimentInput {
  type: string;
  score?: number | undefined;
  kind?: Kind | undefined;
}

/** NPS 0–10 or rating 1–5 mapped to [-1, 1]: NPS 0–6 ≤ −0.6, 7 ≈ −0.2, 8 ≈ +0.2, 10 = +1. */
export function scorePolarity(type: string, score: number | undefined): number | undefined {
  if (score === undefined || !Number.isFinite(score)) return undefined;
  if (type === 'nps') return Math.max(-1, Math.min(1, (score - 7.5) / 2.5));
  return Math.max(-1, Math.min(1, (score - 3) / 2));
}

// Softeners: "small thing", "petit détail" — a passive reporting a nit is not upset.
const SOFTENER = /\b(?:small thing|minor|tiny thing|nitpick|not a big deal|no big deal|just a suggestion|petit detail|petit truc|petite chose|pas grave|rien de grave|detail)\b/;

// Requests and questions are worded politely ("would love", "ce serait top") without being
// praise; their tone comes mostly from the score, so their words count for less.
const LEX_WEIGHT: Partial<Record<Kind, number>> = { feature_request: 0.35, question: 0.35, other: 0.35 };

export function scoreSentiment(a: Analysed | null, input: SentimentInput): Sentiment {
  let lex = a ? lexicalPolarity(a) : 0;
  const sp = scorePolarity(input.type, input.score);
  let prior = input.kind ? KIND_PRIOR[input.kind] : 0;
  if (input.kind) lex *= LEX_WEIGHT[input.kind] ?? 1;
  if (a && prior < 0 && SOFTENER.test(a.norm)) prior *= 0.5;
  let total = 0.55 * prior + 0.45 * lex + (sp === undefined ? 0 : 0.4 * sp);
  // A detractor who writes something flat is still unhappy (LABELING.md).
  if (input.type === 'nps' && input.score !== undefined && input.score <= 6) total = Math.min(total, -0.25 + Math.max(0, lex) * 0.5);
  const score = Math.round(Math.max(-1, Math.min(1, total)) * 1000) / 1000;
  const label = score >= 0.2 ? 'positive' : score <= -0.2 ? 'negative' : 'neutral';
  return { label, score };
}
