// Latency of the PM insight queries on 100k responses: NPS with its weekly trend, and the
// theme drivers, on the embedded store and on the MongoDB adapter (the in-process wire
// server unless MONGODB_URI is set). The responses are inserted, then the site's roll-up is
// built once (the upgrade path: `ResponseStats.rebuild`, timed). Each query is timed cold
// (no result cache: the roll-up is read every time), as served (result cache on, valid until
// the roll-up changes), and with --fallback also on the full-scan pipelines (no roll-up).
// Usage: tsx bench/insights.ts [--n 100000] [--runs 20] [--budget 90] [--fallback]   (budget: seconds per series)
import { parseArgs } from 'node:util';
import { EmbeddedStore } from '../src/store/embedded.ts';
import { MongoStore } from '../src/store/mongo.ts';
import type { Store } from '../src/store/port.ts';
import { createServices } from '../src/services.ts';
import { createInsightsServices } from '../src/insights/index.ts';
import { InsightsAnalytics } from '../src/insights/analytics.ts';
import { ResultCache } from '../src/insights/cache.ts';
import type { ResponseDoc } from '../src/store/collections.ts';
import { startTestMongo, uniqueDbName } from '../test/support/mongo-server.ts';

const { values } = parseArgs({ options: { n: { type: 'string', default: '100000' }, runs: { type: 'string', default: '20' }, budget: { type: 'string', default: '90' }, fallback: { type: 'boolean', default: false } } });
const N = Number(values.n);
const RUNS = Number(values.runs);
const BUDGET_MS = Number(values.budget) * 1000;
const SITE = 'bench';

// ---- realistic data, reproducible (mulberry32)
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const THEMES = ['export', 'login', 'billing', 'pricing', 'mobile', 'performance', 'search', 'notifications', 'integrations', 'reports', 'permissions', 'onboarding', 'support', 'ui', 'account', 'import'];
// Themes detractors talk about more often than promoters do.
const PAIN = new Set(['export', 'pricing', 'performance', 'login', 'billing']);
const COMMENTS = {
  detractor: ['The export keeps failing on large files.', "Trop cher pour ce que c'est.", 'Login loops back to the start page.', 'Tout est lent depuis la mise à jour.'],
  passive: ['Does the job, search could be smarter.', "Correct, mais l'appli mobile est limitée.", 'Reports are fine, a bit basic.'],
  promoter: ['Support answered in minutes, great.', 'Super outil, la prise en main est rapide.', 'Love the integrations with our tools.'],
};

function makeDocs(n: number): ResponseDoc[] {
  const r = rng(42);
  const now = Date.UTC(2025, 5, 1);
  const docs: ResponseDoc[] = [];
  for (let i = 0; i < n; i++) {
    const isNps = r() < 0.75;
    const type = isNps ? 'nps' : r() < 0.5 ? 'feedback_button' : 'feature_feedback';
    const u = r();
    const score = isNps ? (u < 0.3 ? Math.floor(r() * 7) : u < 0.55 ? 7 + Math.floor(r() * 2) : 9 + Math.floor(r() * 2)) : type === 'feature_feedback' ? 1 + Math.floor(r() * 5) : undefined;
    const cat = score === undefined || !isNps ? 'passive' : score <= 6 ? 'detractor' : score <= 8 ? 'passive' : 'promoter';
    const themes: string[] = [];
    const k = r() < 0.2 ? 0 : r() < 0.75 ? 1 : 2;
    while (themes.length < k) {
      let t = THEMES[Math.floor(r() * THEMES.length)]!;
      if (cat === 'detractor' && r() < 0.5) t = [...PAIN][Math.floor(r() * PAIN.size)]!;
      if (!themes.includes(t)) themes.push(t);
    }
    const fr = r() < 0.45;
    const sentimentScore = cat === 'detractor' ? -0.2 - r() * 0.7 : cat === 'promoter' ? 0.2 + r() * 0.7 : r() * 0.6 - 0.3;
    const comments = COMMENTS[cat];
    const userN = Math.floor(r() * 20_000);
    docs.push({
      id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      siteKey: SITE,
      surveyId: isNps ? 'bench-nps' : 'bench-button',
      type,
      ...(score !== undefined ? { score } : {}),
      comment: comments[Math.floor(r() * comments.length)]!,
      locale: fr ? 'fr-FR' : 'en-US',
      context: { url: `https://app.example.com/${['dashboard', 'invoices', 'settings', 'reports'][Math.floor(r() * 4)]}?i=${i}` },
      user: { id: `u${userN}`, traits: { plan: ['free', 'pro', 'team', 'enterprise'][userN % 4]!, account: `acct-${userN % 2000}` } },
      device: { type: r() < 0.7 ? 'desktop' : r() < 0.9 ? 'mobile' : 'tablet' },
      source: 'widget',
      receivedAt: new Date(now - Math.floor(r() * 365 * 86_400_000)),
      tags: {
        language: fr ? 'fr' : 'en',
        sentiment: { label: sentimentScore < -0.15 ? 'negative' : sentimentScore > 0.15 ? 'positive' : 'neutral', score: sentimentScore },
        kind: cat === 'detractor' ? 'bug' : cat === 'promoter' ? 'praise' : 'feature_request',
        kinds: ['bug'],
        track: r() < 0.3 ? 'strategic' : 'tactical',
        trackReason: 'bench',
        ...(isNps ? { npsCategory: cat } : {}),
        themes,
      },
      tagging: { status: 'done', attempts: 1 },
    });
  }
  return docs;
}

// ---- timing
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function series(fn: () => Promise<unknown>, runs: number, budgetMs: number): Promise<{ p50: number; p95: number; runs: number }> {
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
    if (performance.now() - start > budgetMs && times.length >= 5) break;
  }
  return { p50: pct(times, 50), p95: pct(times, 95), runs: times.length };
}

interface Row { store: string; query: string; mode: string; p50: number; p95: number; runs: number }

async function benchStore(label: string, store: Store, docs: ResponseDoc[]): Promise<Row[]> {
  const services = await createServices(store);
  const t0 = performance.now();
  for (let i = 0; i < docs.length; i += 1000) await services.responses.collection.insertMany(docs.slice(i, i + 1000));
  console.error(`${label}: seeded ${docs.length} responses in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const built = await services.responseStats.rebuild(SITE);
  console.error(`${label}: roll-up built in ${(built.ms / 1000).toFixed(1)} s: ${built.documents} documents`);
  const cold = await createInsightsServices(store, services, { cache: false });
  const scan = new InsightsAnalytics(services.responses.collection, new ResultCache({ ttlMs: null, enabled: false }));
  const warm = services.insights;
  const npsQ = { site: SITE, interval: 'week' as const, minN: 30 };
  const themesQ = { site: SITE, interval: 'week' as const, minN: 30, limit: 50 };
  const check = await cold.analytics.nps(npsQ);
  console.error(`${label}: NPS ${check.overall.nps?.toFixed(1)} ± ${(1.96 * (check.overall.se ?? 0)).toFixed(2)} on n=${check.overall.n}, ${check.trend.length} weekly points`);
  const rows: Row[] = [];
  for (const [query, coldFn, warmFn, scanFn] of [
    ['NPS + weekly trend', () => cold.analytics.nps(npsQ), () => warm.analytics.nps(npsQ), () => scan.nps(npsQ)],
    ['theme drivers', () => cold.analytics.themes(themesQ), () => warm.analytics.themes(themesQ), () => scan.themes(themesQ)],
  ] as const) {
    rows.push({ store: label, query, mode: 'cold (roll-up, no result cache)', ...(await series(coldFn, RUNS, BUDGET_MS)) });
    if (cold.analytics.lastSource !== 'rollup') throw new Error(`${label}: ${query} did not read the roll-up`);
    await warmFn();
    rows.push({ store: label, query, mode: 'as served (cached until the roll-up changes)', ...(await series(warmFn, RUNS, BUDGET_MS)) });
    if (values.fallback) rows.push({ store: label, query, mode: 'fallback (full-scan pipelines)', ...(await series(scanFn, Math.min(RUNS, 5), BUDGET_MS)) });
  }
  await store.close();
  return rows;
}

const docs = makeDocs(N);
const rows: Row[] = [];
rows.push(...(await benchStore('embedded (nedb + mingo)', new EmbeddedStore(), docs)));
const mongo = await startTestMongo();
try {
  const store = await MongoStore.connect(mongo.uri, uniqueDbName('hark_bench'), { timeoutMs: 30_000 });
  rows.push(...(await benchStore(mongo.real ? 'MongoDB (MONGODB_URI)' : 'MongoDB adapter → in-process CongoDB', store, docs)));
} finally {
  await mongo.stop();
}

console.log(`Insight queries on ${N.toLocaleString('en')} responses (${RUNS} runs each, fewer when a cold series exceeds ${BUDGET_MS / 1000} s):\n`);
console.log('| store | query | mode | p50 ms | p95 ms | runs |');
console.log('|---|---|---|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.store} | ${r.query} | ${r.mode} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.runs} |`);
process.exit(0);
