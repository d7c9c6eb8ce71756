// Theme discovery: recurring terms and phrases across one site's responses, so a new topic
// ("gift wrapping", "dark mode", "sous-titres") shows up without anyone configuring it.
// Stemmed unigrams and bigrams (stopwords removed, FR and EN), counted by document
// frequency, scored by Dunning's log-likelihood (G²) against a background when one is given
// (e.g. counts over all sites), else by document frequency × specificity (terms that occur
// in nearly every response carry no topic). Bigrams absorb their unigrams when they explain
// most of their occurrences ("promo code" rather than "promo" + "code").
import { analysisLang, detectLanguage } from './language.ts';
import { analyse, hasStem, isStopword, type Analysed, type Lang } from './text.ts';

export interface DiscoveryDoc {
  id: string;
  comment?: string | undefined;
  locale?: string | undefined;
  /** Language already detected, if any ("fr" | "en"). */
  language?: string | undefined;
}

export interface DiscoveredTheme {
  /** Stable key: the stems joined by a space ("promo code" → "promo code"). */
  key: string;
  /** Most frequent surface form, for display. */
  label: string;
  /** Stems a response must contain to carry this theme. */
  terms: string[];
  /** Number of responses mentioning it. */
  count: number;
  score: number;
  /** Up to `maxExamples` response ids. */
  examples: string[];
}

export interface DiscoveryOptions {
  /** Minimum number of responses mentioning a term (default 3). */
  minCount?: number;
  /** Maximum themes returned (default 20). */
  maxThemes?: number;
  maxExamples?: number;
  /** Background document frequencies of keys, and the background's number of documents. */
  background?: { df: ReadonlyMap<string, number>; docs: number };
  /** Keys to leave out, e.g. themes already in the taxonomy. */
  exclude?: Iterable<string>;
}

// Words that say how people feel or what they want, not what they talk about: they recur
// in every site's feedback and would otherwise top the list.
const GENERIC = new Set(
  (
    'work works working use using used need want wish like love great good bad nice easi hard slow fast problem issu ' +
    'bug error fix broken thing way time day week month year minut second hour click page button option make take ' +
    'see look find know think tri keep start stop still alway never everi anyth someth noth realli actual pleas thank ' +
    'help better best well new old lot littl much mani order product app site tool custom user peopl team use ' +
    'marcher march fonctionn util besoin veux voudr aim ador bien mal bon mauvais lent rapid problem bug erreur ' +
    'chos truc fois jour semain mois an minut second heur cliqu pag bouton option fair voir trouv cherch pens ' +
    'toujour jam vrai vraiment merc super top genial nul cher prix command produit sit appli outil client util gen ' +
    'equip tout rien plus moin tres trop peu encor deja aussi'
  ).split(' '),
);

interface DocTerms {
  id: string;
  keys: Set<string>;
}

/** Unigram and bigram keys of one analysed comment, with their surface forms. */
export function termsOf(a: Analysed, surfaces?: Map<string, Map<string, number>>): Set<string> {
  const keys = new Set<string>();
  let prevStem: string | null = null;
  let prevTok: string | null = null;
  let gap = 0;
  for (let i = 0; i < a.tokens.length; i++) {
    const tok = a.tokens[i]!;
    const st = a.stems[i]!;
    const content = tok.length > 2 && !/^\d+$/.test(tok) && !isStopword(tok, a.lang) && !GENERIC.has(st);
    if (!content) {
      gap++;
      if (gap > 1) prevStem = null; // allow one stopword inside a phrase: "frais de port"
      continue;
    }
    keys.add(st);
    note(surfaces, st, tok);
    if (prevStem && prevStem !== st) {
      const k = `${prevStem} ${st}`;
      keys.add(k);
      note(surfaces, k, `${prevTok} ${tok}`);
    }
    prevStem = st;
    prevTok = tok;
    gap = 0;
  }
  return keys;
}

function note(surfaces: Map<string, Map<string, number>> | undefined, key: string, surface: string): void {
  if (!surfaces) return;
  let m = surfaces.get(key);
  if (!m) surfaces.set(key, (m = new Map()));
  m.set(surface, (m.get(surface) ?? 0) + 1);
}

/** Dunning log-likelihood of k of n documents here vs kb of nb in the background. */
export function logLikelihood(k: number, n: number, kb: number, nb: number): number {
  const e1 = (n * (k + kb)) / (n + nb);
  const e2 = (nb * (k + kb)) / (n + nb);
  const t = (o: number, e: number) => (o > 0 && e > 0 ? o * Math.log(o / e) : 0);
  return 2 * (t(k, e1) + t(kb, e2));
}

function langOf(d: DiscoveryDoc): Lang {
  if (d.language) return analysisLang(d.language);
  return analysisLang(detectLanguage(d.comment, d.locale).language);
}

export function discoverThemes(docs: Iterable<DiscoveryDoc>, options: DiscoveryOptions = {}): DiscoveredTheme[] {
  const minCount = options.minCount ?? 3;
  const maxThemes = options.maxThemes ?? 20;
  const maxExamples = options.maxExamples ?? 5;
  const exclude = new Set(options.exclude ?? []);
  const surfaces = new Map<string, Map<string, number>>();
  const perDoc: DocTerms[] = [];
  const df = new Map<string, number>();
  for (const d of docs) {
    const text = (d.comment ?? '').trim();
    if (!text) continue;
    const keys = termsOf(analyse(text, langOf(d)), surfaces);
    perDoc.push({ id: d.id, keys });
    for (const k of keys) df.set(k, (df.get(k) ?? 0) + 1);
  }
  const n = perDoc.length;
  if (n === 0) return [];

  const scored: { key: string; count: number; score: number }[] = [];
  for (const [key, count] of df) {
    if (count < minCount || exclude.has(key)) continue;
    let score: number;
    if (options.background) {
      const kb = options.background.df.get(key) ?? 0;
      // Only over-represented terms: a term rarer here than in the background is no theme.
      if (count / n <= kb / Math.max(1, options.background.docs)) continue;
      score = logLikelihood(count, n, kb, options.background.docs);
    } else {
      const share = count / n;
      score = count * (1 - share) * (key.includes(' ') ? 1.5 : 1);
    }
    scored.push({ key, count, score });
  }

  // A bigram that accounts for most uses of a word replaces that word.
  const absorbed = new Set<string>();
  for (const s of scored) {
    if (!s.key.includes(' ')) continue;
    for (const part of s.key.split(' ')) {
      const c = df.get(part) ?? 0;
      if (c > 0 && s.count >= 0.6 * c) absorbed.add(part);
    }
  }
  const kept = scored.filter((s) => !absorbed.has(s.key)).sort((a, b) => b.score - a.score || b.count - a.count);

  const out: DiscoveredTheme[] = [];
  for (const s of kept.slice(0, maxThemes)) {
    const forms = surfaces.get(s.key);
    let label = s.key;
    let best = 0;
    if (forms) for (const [f, c] of forms) if (c > best) [label, best] = [f, c];
    const examples: string[] = [];
    for (const d of perDoc) {
      if (examples.length >= maxExamples) break;
      if (d.keys.has(s.key)) examples.push(d.id);
    }
    out.push({ key: s.key, label, terms: s.key.split(' '), count: s.count, score: Math.round(s.score * 100) / 100, examples });
  }
  return out;
}

/** Labels of the discovered themes a response mentions (all of a theme's stems present). */
export function assignDiscoveredThemes(a: Analysed, discovered: readonly DiscoveredTheme[]): string[] {
  if (discovered.length === 0) return [];
  const keys = termsOf(a);
  const out: string[] = [];
  for (const t of discovered) if (keys.has(t.key) || t.terms.every((s) => hasStem(a, s))) out.push(t.label);
  return out;
}
