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
    unreliable: -0.6, sluggish: -0.5, cryptic: -0.4, meh: -0.3, sucks: -0.8, garbage: -0.8,
    trash: -0.7, crap: -0.8, lame: -0.5, shame: -0.4, joke: -0.5, outrageous: -0.7, disaster: -0.8,
    pain: -0.5, struggle: -0.4, tired: -0.4, unbearable: -0.8, pathetic: -0.8, unhappy: -0.6,
    solid: 0.4, charm: 0.5, lifesaver: 0.8, glad: 0.5, pleased: 0.5, delighted: 0.8, superb: 0.8,
    polite: 0.4, friendly: 0.4, spot: 0.1, wait: -0.1, cool: 0.4, neat: 0.4, handy: 0.4,
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
    // Everyday and informal French feedback vocabulary (any product).
    terrible: -0.4, beug: -0.6, beugue: -0.6, crash: -0.6, lenteur: -0.6, lenteurs: -0.6, relou: -0.6,
    chiant: -0.7, saoule: -0.6, insupportable: -0.8, lamentable: -0.9, minable: -0.8,
    pitoyable: -0.8, deplorable: -0.8, scandaleux: -0.8, abuse: -0.6, abusif: -0.6, exorbitant: -0.6,
    inutilisable: -0.9, incomprehensible: -0.6, illisible: -0.5, introuvable: -0.4, frustrant: -0.7,
    agace: -0.6, enerve: -0.6, degoute: -0.8, naze: -0.7, pourri: -0.8, merdique: -0.9,
    catastrophique: -0.9, desastreux: -0.9, cata: -0.8, bloque: -0.4, echec: -0.5, echoue: -0.5,
    souci: -0.3, soucis: -0.3, panne: -0.6, instable: -0.6, mediocre: -0.7, regrette: -0.5,
    helas: -0.4, malheureusement: -0.4, onereux: -0.5, deception: -0.7, mecontent: -0.7,
    kiffe: 0.7, cool: 0.5, sympa: 0.5, fluide: 0.5, intuitif: 0.5, facile: 0.4, fiable: 0.5,
    reactif: 0.5, pertinent: 0.4, utile: 0.4, heureux: 0.6, heureuse: 0.6, aime: 0.5, gentil: 0.5,
    aimable: 0.5, courtois: 0.5, ponctuel: 0.4, impec: 0.7, merveilleux: 0.8, chouette: 0.6,
    bonheur: 0.7, plaisir: 0.6, conforme: 0.3, bon: 0.3, bonne: 0.3, meilleur: 0.5, meilleure: 0.5,
  },
};

const OURS_STEMMED: Record<Lang, Map<string, number>> = { en: new Map(), fr: new Map() };
for (const lang of ['en', 'fr'] as const) {
  for (const [w, v] of Object.entries(OURS[lang])) OURS_STEMMED[lang].set(stem(w, lang), v);
}

const EMOJI_POS = /(?:❤|♥|😍|🥰|👌|👍|🙏|🎉|🙌|💯|⭐|🔥|😊|☺|🤩|💖|💕|😄|😁|😀|🥳|😃|😆|🤗|👏|💪|✨|😎|💚|💙|💜|🧡|💛)|(?:^|\s)(?::-?\)|:D|;-?\)|<3)/g;
const EMOJI_NEG = /(?:😡|😠|👎|😤|😞|😢|😭|🙄|😒|🤬|💩|😩|😫|😕|😟|🤦|😖|😣|💔|😬|🤮)|(?:^|\s)(?::-?\(|:'\(|:-?\/(?!\/))/g;

// Fixed-polarity French and English idioms whose words would be misread one by one
// ("pas terrible" is bad although "terrible" negated reads good; "rien à redire" is praise).
const IDIOMS: readonly (readonly [RegExp, number])[] = [
  [/\bpas (?:si |tres |vraiment )?terrible\b/g, -0.5],
  [/\b(?:rien a redire|rien a dire,? c'est|que du bonheur|au top|au poil|trop (?:bien|cool|top|beau|belle|pratique)|ca vaut le coup|sans faute|nickel chrome)\b/g, 0.7],
  [/\b(?:ras le bol|j'en ai marre|en ai marre|y en a marre|ca me saoule|ca saoule|ca gonfle|a chier|de la merde|n'importe quoi|c'est abuse|la cata|foutage de gueule|on se fout de|se moque(?:nt)? de)\b/g, -0.8],
  [/\b(?:ne vaut pas|vaut pas) (?:le coup|son prix|le prix|la peine)\b|\bsans plus\b|\bpas (?:top|genial|fou|ouf)\b/g, -0.4],
  [/\b(?:pas de (?:souci|probleme)|aucun (?:souci|probleme)|sans (?:souci|probleme|accroc)|no (?:issues?|problems?) (?:at all|whatsoever|so far))\b/g, 0.4],
  [/\b(?:fed up|sick of|sick and tired|tired of|waste of (?:time|money)|not worth (?:it|the money)|what a joke)\b/g, -0.7],
];

// Intensifiers scale the next polar word instead of carrying polarity themselves ("super
// lent", "trop cher", "really slow").
const INTENSIFIERS: Record<Lang, Set<string>> = {
  fr: new Set(['tres', 'trop', 'vraiment', 'hyper', 'super', 'grave', 'tellement', 'vachement', 'carrement', 'ultra', 'extremement', 'completement', 'totalement', 'franchement', 'archi', 'si', 'vraiement']),
  en: new Set(['very', 'really', 'so', 'super', 'extremely', 'totally', 'absolutely', 'incredibly', 'too', 'way', 'seriously', 'terribly', 'insanely', 'utterly', 'pretty']),
};

const NEGATORS: Record<Lang, Set<string>> = {
  en: new Set(['not', 'no', 'never', 'neither', 'nor', 'without', 'cannot', 'hardly', 't', 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'wont', 'cant']),
  fr: new Set(['pas', 'jamais', 'aucun', 'aucune', 'sans', 'ni', 'guere']),
};

/** Polarity of a token on its own (our lexicon first, then clear NLP.js values), or undefined. */
function wordPolarity(a: Analysed, i: number): number | undefined {
  const s = a.stems[i]!;
  if (a.tokens[i]!.length < 2) return undefined;
  const v = OURS_STEMMED[a.lang].get(s);
  if (v !== undefined) return v;
  const l = LIB[a.lang][s];
  // The general lexicons are noisy on mild words; keep only clear polarity.
  return l !== undefined && Math.abs(l) >= 0.45 ? l * 0.5 : undefined;
}

/** Lexical polarity of a comment in [-1, 1] (0 when no word carries polarity). */
export function lexicalPolarity(a: Analysed): number {
  const neg = NEGATORS[a.lang];
  const intens = INTENSIFIERS[a.lang];
  let sum = 0;
  let hits = 0;
  // Idioms first; their words are then skipped in the word-by-word pass.
  let skip: Set<string> | null = null;
  for (const [re, v] of IDIOMS) {
    re.lastIndex = 0;
    const m = a.norm.match(re);
    if (!m) continue;
    for (const phrase of m) {
      sum += v;
      hits++;
      for (const w of phrase.split(/[^a-z0-9]+/)) if (w) (skip ??= new Set()).add(w);
    }
  }
  for (let i = 0; i < a.stems.length; i++) {
    const tok = a.tokens[i]!;
    if (skip?.has(tok)) continue;
    let v = wordPolarity(a, i);
    if (v === undefined || v === 0) continue;
    // An intensifier right before a polar word scales it and does not count by itself.
    if (intens.has(tok) && i + 1 < a.tokens.length && wordPolarity(a, i + 1) !== undefined) continue;
    if (i > 0 && intens.has(a.tokens[i - 1]!)) v *= 1.4;
    // Negation scope: a negator in the 3 previous tokens; French "ne/n' ... plus" (not "plus
    // rapide" = faster); or French "ne ... pas" after the word ("fonctionne pas", "aime pas").
    let negated = false;
    for (let j = Math.max(0, i - 3); j < i; j++) {
      const t = a.tokens[j]!;
      if (neg.has(t)) negated = true;
      else if (a.lang === 'fr' && t === 'plus' && (a.tokens[j - 1] === 'ne' || a.tokens[j - 1] === 'n' || a.tokens[j - 2] === 'ne' || a.tokens[j - 2] === 'n')) negated = true;
    }
    if (a.lang === 'fr') {
      const next = a.tokens[i + 1];
      if (next === 'pas' || next === 'jamais' || next === 'rien' || (next === 'plus' && (a.tokens[i - 1] === 'ne' || a.tokens[i - 1] === 'n' || a.tokens[i - 2] === 'ne' || a.tokens[i - 2] === 'n'))) negated = true;
    }
    sum += negated ? -0.7 * v : v;
    hits++;
  }
  const pos = a.raw.match(EMOJI_POS)?.length ?? 0;
  const negE = a.raw.match(EMOJI_NEG)?.length ?? 0;
  sum += 0.6 * Math.min(pos, 3) - 0.6 * Math.min(negE, 3);
  hits += Math.min(pos, 3) + Math.min(negE, 3);
  if (hits === 0) return 0;
  return Math.tanh(sum / Math.sqrt(hits));
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
  // Polite wording is discounted for requests and questions, but frustration is not
  // ("let me sort by date, alphabetical only is useless").
  if (input.kind) lex *= lex < 0 ? Math.min(1, 2 * (LEX_WEIGHT[input.kind] ?? 1)) : LEX_WEIGHT[input.kind] ?? 1;
  if (a && prior < 0 && SOFTENER.test(a.norm)) prior *= 0.5;
  let total = 0.55 * prior + 0.45 * lex + (sp === undefined ? 0 : 0.4 * sp);
  // A detractor who writes something flat is still unhappy (LABELING.md).
  if (input.type === 'nps' && input.score !== undefined && input.score <= 6) total = Math.min(total, -0.25 + Math.max(0, lex) * 0.5);
  const score = Math.round(Math.max(-1, Math.min(1, total)) * 1000) / 1000;
  const label = score >= 0.2 ? 'positive' : score <= -0.2 ? 'negative' : 'neutral';
  return { label, score };
}
