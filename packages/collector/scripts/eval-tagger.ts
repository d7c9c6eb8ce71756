// Evaluates the local tagger on a labelled JSONL file (the dev-set format): accuracy and
// per-class precision/recall/F1 for kind, track and sentiment, split by language, a kind
// confusion matrix, the odd/even split used while tuning, and single-core throughput.
//   npm run eval:tagger -w @hark/collector -- [file.jsonl] [--blind <file.jsonl> | --no-blind]
// The blind multi-domain check set (test/triage/fixtures/blind-multidomain.jsonl, our own
// items, never tuned on) is scored automatically when present; --blind picks another file.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KINDS, SENTIMENTS, TRACKS } from '@hark/shared';
import { tagResponse, type TagInput } from '../src/triage/tagger.ts';

interface Item extends TagInput {
  id?: string;
  label: { kind: string; track: string; sentiment: string };
}

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const args = process.argv.slice(2);
const blindAt = args.indexOf('--blind');
const blindArg = blindAt >= 0 ? args[blindAt + 1] : undefined;
const positional = args.filter((a, i) => !a.startsWith('--') && !(blindAt >= 0 && i === blindAt + 1));
const file = positional[0] ? resolve(process.cwd(), positional[0]) : resolve(repoRoot, '../shared/data/feedback-dev.jsonl');
const defaultBlind = resolve(here, '../test/triage/fixtures/blind-multidomain.jsonl');
const blindFile = args.includes('--no-blind') ? undefined : blindArg ? resolve(process.cwd(), blindArg) : existsSync(defaultBlind) && file !== defaultBlind ? defaultBlind : undefined;

function load(path: string): Item[] {
  if (!existsSync(path)) {
    console.error(`eval-tagger: labelled file not found: ${path}\nPass a JSONL file in the dev-set format as the first argument.`);
    process.exit(2);
  }
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l, i) => [l, i] as const)
    .filter(([l]) => l.trim())
    .map(([l, i]) => {
      try {
        const it = JSON.parse(l) as Item;
        return { ...it, id: it.id ?? `line-${i + 1}` };
      } catch {
        console.error(`eval-tagger: ${path} line ${i + 1} is not valid JSON`);
        process.exit(2);
      }
    });
}
const items: Item[] = load(file);

type Row = { item: Item; lang: string; pred: { kind: string; track: string; sentiment: string } };
const tagAll = (list: Item[]): Row[] => list.map((item) => {
  const t = tagResponse(item);
  return { item, lang: (item.locale ?? 'en').slice(0, 2), pred: { kind: t.kind, track: t.track, sentiment: t.sentiment.label } };
});
const rows = tagAll(items);

function report(field: 'kind' | 'track' | 'sentiment', classes: readonly string[], rs: Row[]) {
  let correct = 0;
  const per = classes.map((c) => {
    let tp = 0, fp = 0, fn = 0;
    for (const r of rs) {
      const g = r.item.label[field], p = r.pred[field];
      if (g === c && p === c) tp++;
      else if (p === c) fp++;
      else if (g === c) fn++;
    }
    const prec = tp + fp ? tp / (tp + fp) : 0, rec = tp + fn ? tp / (tp + fn) : 0;
    const f1 = prec + rec ? (2 * prec * rec) / (prec + rec) : 0;
    return { c, prec, rec, f1, support: tp + fn };
  });
  for (const r of rs) if (r.item.label[field] === r.pred[field]) correct++;
  const present = per.filter((p) => p.support > 0);
  const macro = present.reduce((s, p) => s + p.f1, 0) / Math.max(1, present.length);
  return { acc: rs.length ? correct / rs.length : 0, macro, per };
}

const f = (x: number) => x.toFixed(3);
function block(title: string, rs: Row[], detail: boolean) {
  console.log(`\n== ${title} (n=${rs.length}) ==`);
  for (const [field, classes] of [['kind', KINDS], ['track', TRACKS], ['sentiment', SENTIMENTS]] as const) {
    const r = report(field, classes, rs);
    console.log(`${field.padEnd(9)} accuracy ${f(r.acc)}  macro-F1 ${f(r.macro)}`);
    if (detail) {
      for (const p of r.per) console.log(`   ${p.c.padEnd(16)} P ${f(p.prec)}  R ${f(p.rec)}  F1 ${f(p.f1)}  n=${p.support}`);
    }
  }
}

block('ALL', rows, true);
for (const lang of ['fr', 'en']) block(`locale=${lang}`, rows.filter((r) => r.lang === lang), true);

// Confusion matrix for kind: rows = gold, columns = predicted.
console.log('\n== kind confusion (rows gold, cols predicted) ==');
const ab = (k: string) => k.slice(0, 6);
console.log(''.padEnd(16) + KINDS.map((k) => ab(k).padStart(7)).join(''));
for (const g of KINDS) {
  console.log(g.padEnd(16) + KINDS.map((p) => String(rows.filter((r) => r.item.label.kind === g && r.pred.kind === p).length).padStart(7)).join(''));
}

// Tuning split: rules were tuned looking at odd ids only; even ids are the held-out half.
const idNum = (r: Row) => Number(((r.item.id ?? '').match(/(\d+)\s*$/) ?? ['', '0'])[1]);
const odd = rows.filter((r) => idNum(r) % 2 === 1), even = rows.filter((r) => idNum(r) % 2 === 0);
console.log('\n== tuning split (odd ids = tuned on, even ids = held out) ==');
for (const [name, part] of [['odd/tune', odd], ['even/held-out', even]] as const) summary(name, part);

function summary(name: string, part: Row[]) {
  for (const lang of ['all', 'fr', 'en']) {
    const rs = lang === 'all' ? part : part.filter((r) => r.lang === lang);
    if (!rs.length) continue;
    const k = report('kind', KINDS, rs), t = report('track', TRACKS, rs), s = report('sentiment', SENTIMENTS, rs);
    console.log(`${name.padEnd(14)} ${lang.padEnd(3)} n=${String(rs.length).padStart(3)}  kind acc ${f(k.acc)} macro-F1 ${f(k.macro)}  track acc ${f(t.acc)}  sentiment acc ${f(s.acc)}`);
  }
}

// Blind multi-domain check: our own items from other domains, written before the model and
// the French cue work, scored but never used to tune anything.
if (blindFile) {
  console.log(`\n== blind multi-domain check (${blindFile.split('/').slice(-1)[0]}; never tuned on) ==`);
  summary('blind', tagAll(load(blindFile)));
}

if (process.env.EVAL_SHOW_ERRORS) {
  console.log('\n== errors ==');
  for (const r of rows) {
    const g = r.item.label, p = r.pred;
    if (g.kind !== p.kind || g.track !== p.track || g.sentiment !== p.sentiment) {
      console.log(`${r.item.id} gold ${g.kind}/${g.track}/${g.sentiment} pred ${p.kind}/${p.track}/${p.sentiment}`);
    }
  }
}

// Throughput: repeated passes over the file on this single thread, after a warm-up pass.
const passes = Math.max(5, Math.ceil(20000 / Math.max(1, items.length)));
const t0 = performance.now();
for (let i = 0; i < passes; i++) for (const it of items) tagResponse(it);
const secs = (performance.now() - t0) / 1000;
console.log(`\nthroughput: ${Math.round((passes * items.length) / secs)} responses/s (single core, ${passes} passes × ${items.length})`);
