// Shared text plumbing for the tagger: normalisation, tokenising, stemming and stopwords
// for French and English. Stemmers and base stopword lists come from NLP.js
// (@nlpjs/lang-fr, @nlpjs/lang-en-min): ~10x faster than snowball-stemmers with the same
// Snowball/Porter output, tiny, and no native code. Everything else here is ours.
import { StemmerFr, StopwordsFr } from '@nlpjs/lang-fr';
import { StemmerEn, StopwordsEn } from '@nlpjs/lang-en-min';

export type Lang = 'fr' | 'en';

const stemmers = { fr: new StemmerFr(), en: new StemmerEn() };

/** Lowercase, strip accents, unify apostrophes/quotes: comments are often typed without accents. */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

/**
 * Word tokens of a normalised text. Elisions (l', j', qu', d') are split off so that
 * "l'export" gives "export"; digits are kept because "404", "500", "2h" carry meaning.
 */
export function tokenize(normalized: string): string[] {
  const out: string[] = [];
  for (const raw of normalized.split(/[^a-z0-9']+/)) {
    if (!raw) continue;
    const parts = raw.split("'");
    for (const p of parts) if (p) out.push(p);
  }
  return out;
}

// Per-language memo: the vocabulary of feedback is small and repetitive, so caching the
// stem of each word keeps the tagger far above the throughput target.
const stemCache: Record<Lang, Map<string, string>> = { fr: new Map(), en: new Map() };
const STEM_CACHE_MAX = 50_000;

export function stem(word: string, lang: Lang): string {
  const cache = stemCache[lang];
  let s = cache.get(word);
  if (s === undefined) {
    s = word.length <= 2 || /^\d/.test(word) ? word : stemmers[lang].stemWord(word);
    if (cache.size >= STEM_CACHE_MAX) cache.clear();
    cache.set(word, s);
  }
  return s;
}

// NLP.js stopword lists (about 170 words each) plus feedback filler ("app", "site", "really",
// "vraiment", "truc"...) that would otherwise dominate discovered themes.
const EXTRA_STOPWORDS: Record<Lang, string[]> = {
  en: [
    'im', 'ive', 'dont', 'doesnt', 'didnt', 'cant', 'wont', 'isnt', 'its', 'thats', 'theres',
    'just', 'really', 'very', 'also', 'still', 'even', 'get', 'got', 'one', 'thing', 'things',
    'would', 'could', 'should', 'much', 'like', 'lol', 'pls', 'please', 'thanks', 'thank',
    'app', 'site', 'website', 'tool', 'every', 'time', 'ever', 'day', 'way', 'bit', 'lot',
    'ca', 's', 't', 'll', 're', 've', 'd', 'm', 'u', 'ur', 'us', 'we', 'our', 'you', 'your',
  ],
  fr: [
    'c', 'j', 'l', 'd', 'n', 'qu', 's', 't', 'm', 'ca', 'cela', 'ceci', 'cet', 'cette', 'ces',
    'tres', 'trop', 'bien', 'tout', 'tous', 'toute', 'toutes', 'plus', 'moins', 'aussi',
    'encore', 'juste', 'vraiment', 'franchement', 'meme', 'fait', 'faire', 'faut', 'fois',
    'chose', 'truc', 'site', 'appli', 'outil', 'svp', 'merci', 'bonjour', 'alors', 'donc',
    'quand', 'comme', 'ya', 'y', 'a', 'ai', 'as', 'ont', 'est', 'sont', 'etait', 'etre',
    'avoir', 'peu', 'bcp', 'jamais', 'rien', 'sans', 'sur', 'sous', 'chez', 'apres', 'avant',
    'pas', 'ne', 'on', 'nous', 'vous', 'votre', 'vos', 'notre', 'nos', 'mon', 'ma', 'mes',
  ],
};

function buildStopwords(lang: Lang, base: Record<string, boolean>): Set<string> {
  const set = new Set<string>();
  for (const w of Object.keys(base)) set.add(normalize(w));
  for (const w of EXTRA_STOPWORDS[lang]) set.add(w);
  return set;
}

export const STOPWORDS: Record<Lang, Set<string>> = {
  fr: buildStopwords('fr', new StopwordsFr().dictionary),
  en: buildStopwords('en', new StopwordsEn().dictionary),
};

export function isStopword(word: string, lang: Lang): boolean {
  return STOPWORDS[lang].has(word) || STOPWORDS[lang === 'fr' ? 'en' : 'fr'].has(word) && word.length <= 3;
}

/** A comment analysed once and shared by every tagger component. */
export interface Analysed {
  raw: string;
  /** Lowercased, accent-free. */
  norm: string;
  lang: Lang;
  tokens: string[];
  /** Stems of all tokens in the comment's language, in order. */
  stems: string[];
  /**
   * Every token stemmed by each language's stemmer: comments mix languages and loanwords ("bug", "lag",
   * "checkout"). Kept apart so a loanword keyword meets only stems of its own language (themes.ts).
   */
  stemsIn: Record<Lang, Set<string>>;
}

/** A stem of either language: for terms learnt from a mixed-language corpus. */
export function hasStem(a: Analysed, s: string): boolean {
  return a.stemsIn.en.has(s) || a.stemsIn.fr.has(s);
}

export function analyse(raw: string, lang: Lang): Analysed {
  const norm = normalize(raw);
  const tokens = tokenize(norm);
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  const stems: string[] = new Array(tokens.length);
  const stemsIn: Record<Lang, Set<string>> = { en: new Set(), fr: new Set() };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const s = stem(t, lang);
    stems[i] = s;
    stemsIn[lang].add(s);
    stemsIn[other].add(stem(t, other));
  }
  return { raw, norm, lang, tokens, stems, stemsIn };
}
