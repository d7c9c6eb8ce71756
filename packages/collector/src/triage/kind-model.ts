// A small multinomial naive Bayes kind classifier, complementing the cue rules (kind.ts).
// Features are the same analysis the rules see (text.ts `analyse`): the comment's stems
// (stopwords dropped, negations and question words kept), bigrams of adjacent stems (so
// "march pas", "comment fair", "trop cher" survive), plus a few shape features ("?", money,
// emoji polarity, first word). Binary per comment (short texts: presence matters, not count).
//
// Trained on our own synthetic multi-domain corpus (training/corpus.jsonl, FR+EN, never the
// dev set) by scripts/train-kind-model.ts, which writes training/kind-model.json (sparse
// counts); log-probabilities are computed here at load time. `trainKindModel` is exported so
// tests (and the script) train the very same way.
import { createRequire } from 'node:module';
import { KINDS, type Kind } from '@hark/shared';
import { STOPWORDS, type Analysed } from './text.ts';

// Function words that carry kind evidence and must survive the stopword filter.
const KEEP = new Set([
  'pas', 'plus', 'jamais', 'rien', 'aucun', 'aucune', 'sans', 'ne', 'trop', 'moins', 'comment', 'ou', 'pourquoi',
  'quand', 'quel', 'quelle', 'combien', 'peut', 'peux', 'faut', 'encore', 'not', 'no', 'never', 'nothing', 'how',
  'where', 'why', 'what', 'which', 'when', 'can', 'could', 'would', 'should', 'too', 'more', 'less', 'again', 'any',
  'dont', 'doesnt', 'didnt', 'cant', 'wont', 'isnt', 'wasnt', 'please', 'pls', 'svp', 'merci', 'thanks', 'thank',
  'just', 'still', 'bien', 'tres',
]);

const MONEY = /[$€£]\s?\d|\d\s?(?:[$€£]|eur\b|euros?\b|usd\b|dollars?\b|bucks\b|balles\b)/;
const EMO_POS = /(?:❤|♥|😍|🥰|👌|👍|🙏|🎉|🙌|💯|⭐|🔥|😊|☺|🤩|💖|💕|😄|😁|😀|🥳)/;
const EMO_NEG = /(?:😡|😠|👎|😤|😞|😢|😭|🙄|😒|🤬|💩|😩|😫)/;

/** Distinct features of an analysed comment. */
export function kindFeatures(a: Analysed): string[] {
  const f = new Set<string>();
  const stop = STOPWORDS[a.lang];
  const n = a.tokens.length;
  for (let i = 0; i < n; i++) {
    const t = a.tokens[i]!;
    const s = a.stems[i]!;
    if (/^\d+$/.test(t)) f.add('#num');
    else if (!stop.has(t) || KEEP.has(t)) f.add(s);
    if (i + 1 < n) f.add(`${s}_${a.stems[i + 1]!}`);
  }
  if (n) f.add(`^${a.stems[0]!}`);
  if (a.raw.includes('?')) f.add('#q');
  if (MONEY.test(a.norm)) f.add('#money');
  if (EMO_POS.test(a.raw)) f.add('#emo+');
  if (EMO_NEG.test(a.raw)) f.add('#emo-');
  if (n <= 2) f.add('#short');
  return [...f];
}

/** What the training script writes: per-feature document counts by class (sparse). */
export interface KindModelData {
  classes: Kind[];
  docs: number[];
  /** feature → [classIndex, count, classIndex, count, ...] */
  counts: Record<string, number[]>;
}

export interface KindModel {
  classes: Kind[];
  logPrior: Float64Array;
  logLik: Map<string, Float64Array>;
}

export function trainKindModel(docs: readonly { a: Analysed; kind: Kind }[]): KindModelData {
  const classes = [...KINDS] as Kind[];
  const idx = new Map(classes.map((c, i) => [c, i]));
  const nDocs = new Array<number>(classes.length).fill(0);
  const counts = new Map<string, number[]>();
  for (const { a, kind } of docs) {
    const ci = idx.get(kind);
    if (ci === undefined) continue;
    nDocs[ci]!++;
    for (const feat of kindFeatures(a)) {
      let row = counts.get(feat);
      if (!row) counts.set(feat, (row = new Array<number>(classes.length).fill(0)));
      row[ci]!++;
    }
  }
  const sparse: Record<string, number[]> = {};
  for (const feat of [...counts.keys()].sort()) {
    const row = counts.get(feat)!;
    const out: number[] = [];
    row.forEach((c, i) => c && out.push(i, c));
    sparse[feat] = out;
  }
  return { classes, docs: nDocs, counts: sparse };
}

/** Laplace-smoothed multinomial NB over binary features. */
export function buildKindModel(data: KindModelData, alpha = 0.5): KindModel {
  const k = data.classes.length;
  const totalDocs = data.docs.reduce((x, y) => x + y, 0);
  const tokens = new Array<number>(k).fill(0);
  for (const row of Object.values(data.counts)) for (let j = 0; j < row.length; j += 2) tokens[row[j]!]! += row[j + 1]!;
  const vocab = Object.keys(data.counts).length;
  const logPrior = new Float64Array(k);
  // Mild prior: classes are roughly balanced by design in the corpus, and a comment's kind
  // mix differs per site anyway, so priors are flattened towards uniform.
  for (let i = 0; i < k; i++) logPrior[i] = 0.5 * Math.log((data.docs[i]! + 1) / (totalDocs + k));
  const denom = tokens.map((t) => Math.log(t + alpha * vocab));
  const logLik = new Map<string, Float64Array>();
  for (const [feat, row] of Object.entries(data.counts)) {
    const v = new Float64Array(k);
    for (let i = 0; i < k; i++) v[i] = Math.log(alpha) - denom[i]!;
    for (let j = 0; j < row.length; j += 2) v[row[j]!] = Math.log(row[j + 1]! + alpha) - denom[row[j]!]!;
    logLik.set(feat, v);
  }
  return { classes: data.classes, logPrior, logLik };
}

export interface KindPrediction {
  kind: Kind;
  /** Posterior per class (same order as model.classes), tempered so that it is not 0/1. */
  probs: Partial<Record<Kind, number>>;
  /** Features of the comment the model knew (0: the model has no opinion). */
  known: number;
}

/**
 * Posterior over kinds. Naive Bayes is overconfident (it multiplies correlated unigram and
 * bigram evidence), so log scores are divided by `temperature` before the softmax.
 */
export function predictKind(model: KindModel, a: Analysed, temperature = 3): KindPrediction {
  const k = model.classes.length;
  const s = Float64Array.from(model.logPrior);
  let known = 0;
  for (const feat of kindFeatures(a)) {
    const v = model.logLik.get(feat);
    if (!v) continue;
    known++;
    for (let i = 0; i < k; i++) s[i]! += v[i]!;
  }
  let max = -Infinity;
  for (let i = 0; i < k; i++) if (s[i]! > max) max = s[i]!;
  let z = 0;
  const e = new Float64Array(k);
  for (let i = 0; i < k; i++) z += e[i] = Math.exp((s[i]! - max) / temperature);
  const probs: Partial<Record<Kind, number>> = {};
  let best = 0;
  for (let i = 0; i < k; i++) {
    probs[model.classes[i]!] = e[i]! / z;
    if (e[i]! > e[best]!) best = i;
  }
  return { kind: model.classes[best]!, probs, known };
}

let shipped: KindModel | null | undefined;
/** The committed model (training/kind-model.json), or null if it is missing. */
export function defaultKindModel(): KindModel | null {
  if (shipped === undefined) {
    try {
      const require = createRequire(import.meta.url);
      shipped = buildKindModel(require('./training/kind-model.json') as KindModelData);
    } catch {
      shipped = null;
    }
  }
  return shipped;
}
