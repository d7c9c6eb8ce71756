// Trains the naive Bayes kind model (src/triage/kind-model.ts) on our synthetic multi-domain
// corpus (src/triage/training/corpus.jsonl — written by us, never the dev set) and writes
// src/triage/training/kind-model.json. Also prints a 5-fold cross-validated accuracy of the
// model alone on the corpus, by language.
//   npx tsx scripts/train-kind-model.ts [--check]   (--check: fail if the JSON is stale)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kind } from '@hark/shared';
import { buildKindModel, predictKind, trainKindModel } from '../src/triage/kind-model.ts';
import { analyse, type Lang } from '../src/triage/text.ts';

const here = dirname(fileURLToPath(import.meta.url));
const dir = resolve(here, '../src/triage/training');
const corpusFile = resolve(dir, 'corpus.jsonl');
const modelFile = resolve(dir, 'kind-model.json');

interface Doc { comment: string; locale: string; label: { kind: Kind } }
const docs = readFileSync(corpusFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Doc);
const analysed = docs.map((d) => ({ a: analyse(d.comment, (d.locale === 'fr' ? 'fr' : 'en') as Lang), kind: d.label.kind, lang: d.locale }));

const data = trainKindModel(analysed);
const json = JSON.stringify(data) + '\n';

// 5-fold cross-validation (model alone), for information.
const folds = 5;
const hit: Record<string, [number, number]> = { fr: [0, 0], en: [0, 0] };
for (let f = 0; f < folds; f++) {
  const model = buildKindModel(trainKindModel(analysed.filter((_, i) => i % folds !== f)));
  analysed.forEach((d, i) => {
    if (i % folds !== f) return;
    const h = hit[d.lang] ?? (hit[d.lang] = [0, 0]);
    h[1]++;
    if (predictKind(model, d.a).kind === d.kind) h[0]++;
  });
}
const cv = Object.entries(hit).map(([l, [c, n]]) => `${l} ${(c / n).toFixed(3)} (n=${n})`).join(', ');

if (process.argv.includes('--check')) {
  const current = readFileSync(modelFile, 'utf8');
  if (current !== json) {
    console.error('kind-model.json is stale: run npx tsx scripts/train-kind-model.ts');
    process.exit(1);
  }
  console.log('kind-model.json is up to date');
} else {
  writeFileSync(modelFile, json);
  console.log(`wrote ${modelFile}: ${docs.length} docs, ${Object.keys(data.counts).length} features, ${json.length} bytes`);
}
console.log(`5-fold CV accuracy of the model alone on the corpus: ${cv}`);
