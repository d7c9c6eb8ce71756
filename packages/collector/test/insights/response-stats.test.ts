// The roll-up: pure increments, and the same numbers from the roll-up as from the
// full-scan pipelines on the same data, after ingest, a backfill, an override, a re-tag,
// an erasure and a retention purge, on the embedded store and on the MongoDB adapter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../src/store/embedded.ts';
import { MongoStore } from '../../src/store/mongo.ts';
import type { Store } from '../../src/store/port.ts';
import type { ResponseDoc } from '../../src/store/collections.ts';
import { type Services, createServices } from '../../src/services.ts';
import { InsightsAnalytics } from '../../src/insights/analytics.ts';
import { ResultCache } from '../../src/insights/cache.ts';
import { StatAccumulator, contribution, decodeTheme, encodeTheme, incrementsFor, languageOf } from '../../src/insights/response-stats.ts';
import { type TestMongo, startTestMongo, uniqueDbName } from '../support/mongo-server.ts';
import { TAXONOMY, buttonItems, npsItems } from './scenario.ts';

const doc = (over: Partial<ResponseDoc> & Record<string, unknown>): ResponseDoc => ({
  id: 'r1',
  siteKey: 's',
  surveyId: 'nps',
  type: 'nps',
  score: 3,
  locale: 'fr-FR',
  device: { type: 'mobile' },
  receivedAt: new Date('2025-03-04T10:00:00Z'),
  tags: { themes: ['export', 'a.b', '$x', 'export'], track: 'tactical', sentiment: { label: 'negative', score: -0.5 } },
  ...over,
});

describe('roll-up increments (pure)', () => {
  it('encodes theme names reversibly into legal field names', () => {
    for (const name of ['a.b', '$set', '100%', '%2E', 'plain', 'x.$y%z']) {
      const k = encodeTheme(name);
      expect(k).not.toContain('.');
      expect(k.startsWith('$')).toBe(false);
      expect(decodeTheme(k)).toBe(name);
    }
  });

  it('computes what one response adds', () => {
    const c = contribution(doc({}))!;
    expect(c.dims).toEqual({ siteKey: 's', day: '2025-03-04', surveyId: 'nps', type: 'nps', device: 'mobile', lang: 'fr' });
    expect(c.inc).toEqual({
      n: 1, detractors: 1, scoreN: 1, sentimentSum: -0.5, sentimentN: 1,
      'themes.export.n': 1, 'themes.export.detractors': 1, 'themes.export.sentimentSum': -0.5, 'themes.export.sentimentN': 1, 'themes.export.tactical': 1,
      'themes.a%2Eb.n': 1, 'themes.a%2Eb.detractors': 1, 'themes.a%2Eb.sentimentSum': -0.5, 'themes.a%2Eb.sentimentN': 1, 'themes.a%2Eb.tactical': 1,
      'themes.%24x.n': 1, 'themes.%24x.detractors': 1, 'themes.%24x.sentimentSum': -0.5, 'themes.%24x.sentimentN': 1, 'themes.%24x.tactical': 1,
    });
    // A feature rating has a score but no NPS category; untagged: no sentiment, no themes.
    expect(contribution(doc({ type: 'feature_feedback', score: 2, tags: undefined }))!.inc).toEqual({ n: 1 });
    expect(contribution(doc({ score: 9, tags: undefined }))!.inc).toEqual({ n: 1, promoters: 1, scoreN: 1 });
    expect(contribution(doc({ score: 7, tags: undefined }))!.inc).toEqual({ n: 1, passives: 1, scoreN: 1 });
    expect(languageOf('EN-us')).toBe('en');
    expect(languageOf(undefined)).toBeNull();
  });

  it('a replacement increments only what changed; add then remove cancels out', () => {
    const before = doc({});
    const after = doc({ tags: { themes: ['export', 'pricing'], track: 'strategic', sentiment: { label: 'negative', score: -0.5 } } });
    const [i] = incrementsFor([after], [before]);
    expect(i!.inc).toEqual({
      'themes.export.tactical': -1, 'themes.export.strategic': 1,
      'themes.a%2Eb.n': -1, 'themes.a%2Eb.detractors': -1, 'themes.a%2Eb.sentimentSum': 0.5, 'themes.a%2Eb.sentimentN': -1, 'themes.a%2Eb.tactical': -1,
      'themes.%24x.n': -1, 'themes.%24x.detractors': -1, 'themes.%24x.sentimentSum': 0.5, 'themes.%24x.sentimentN': -1, 'themes.%24x.tactical': -1,
      'themes.pricing.n': 1, 'themes.pricing.detractors': 1, 'themes.pricing.sentimentSum': -0.5, 'themes.pricing.sentimentN': 1, 'themes.pricing.strategic': 1,
    });
    expect(incrementsFor([before], [before])).toEqual([]);
    // Another day is another document.
    expect(incrementsFor([doc({ receivedAt: new Date('2025-03-05T00:00:00Z') })], [before])).toHaveLength(2);
  });

  it('accumulates whole documents for a rebuild', () => {
    const acc = new StatAccumulator('g1');
    acc.add(doc({}));
    acc.add(doc({ id: 'r2', score: 10, tags: { themes: ['export'], track: 'strategic', sentiment: { score: 0.5 } } }));
    const [d] = acc.result();
    expect(d).toMatchObject({ gen: 'g1', day: '2025-03-04', n: 2, promoters: 1, detractors: 1, scoreN: 2, sentimentSum: 0, sentimentN: 2 });
    expect(d!.dayDate.toISOString()).toBe('2025-03-04T00:00:00.000Z');
    expect(d!.themes!.export).toEqual({ n: 2, promoters: 1, passives: 0, detractors: 1, sentimentSum: 0, sentimentN: 2, strategic: 1, tactical: 1 });
  });
});

// ---------------------------------------------------------------- both paths, same numbers

const SITE = 'facturo';

async function seed(services: Services, half: 'first' | 'second') {
  const items = npsItems(`${SITE}-nps`);
  const mine = items.filter((_, i) => (half === 'first' ? i % 2 === 0 : i % 2 === 1));
  await services.ingest.ingest(SITE, mine.map((m) => m.input), { source: 'import', receivedAt: mine.map((m) => m.receivedAt) });
  if (half === 'second') {
    const buttons = buttonItems(`${SITE}-button`);
    await services.ingest.ingest(SITE, buttons, { source: 'import', receivedAt: buttons.map((_, i) => new Date(Date.UTC(2025, 2, 5 + i, 12))) });
  }
}

function strip<T>(x: T): T {
  // Float sums may differ in the last bits between the two paths.
  return JSON.parse(JSON.stringify(x, (_, v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1e9) / 1e9 : v)));
}

async function expectSamePaths(services: Services, label: string) {
  const rollup = services.insights.analytics;
  const scan = new InsightsAnalytics(services.responses.collection, new ResultCache({ ttlMs: null, enabled: false }));
  const queries = [
    { site: SITE, interval: 'week' as const, minN: 30 },
    { site: SITE, interval: 'day' as const, minN: 5, segment: 'device' },
    { site: SITE, interval: 'month' as const, minN: 30, segment: 'locale', from: '2025-03-10T00:00:00Z', to: '2025-03-24T00:00:00Z' },
    { site: SITE, interval: 'week' as const, minN: 30, survey: `${SITE}-nps`, from: '2025-03-01T00:00:00+00:00' },
  ];
  for (const q of queries) {
    const a = await rollup.nps(q);
    expect(rollup.lastSource, `${label}: nps ${JSON.stringify(q)} from the roll-up`).toBe('rollup');
    expect(strip(a), `${label}: nps ${JSON.stringify(q)}`).toEqual(strip(await scan.nps(q)));
  }
  for (const q of [
    { site: SITE, interval: 'week' as const, minN: 30, limit: 50 },
    { site: SITE, interval: 'day' as const, minN: 5, limit: 3, from: '2025-03-17T00:00:00Z' },
  ]) {
    const a = await rollup.themes(q);
    expect(rollup.lastSource).toBe('rollup');
    expect(strip(a), `${label}: themes ${JSON.stringify(q)}`).toEqual(strip(await scan.themes(q)));
  }
  const cmp = { site: SITE, minN: 30, aFrom: '2025-03-03T00:00:00Z', aTo: '2025-03-17T00:00:00Z', bFrom: '2025-03-17T00:00:00Z', bTo: '2025-03-31T00:00:00Z' };
  expect(strip(await rollup.compare(cmp as never))).toEqual(strip(await scan.compare(cmp as never)));
  const seg = { site: SITE, minN: 30, segment: 'locale', a: 'en', b: 'fr' };
  expect(strip(await rollup.compare(seg as never))).toEqual(strip(await scan.compare(seg as never)));
  // Not expressible on the roll-up: a non-day boundary, a trait segment.
  await rollup.nps({ site: SITE, interval: 'week', minN: 30, from: '2025-03-10T12:00:00Z' });
  expect(rollup.lastSource).toBe('pipeline');
  await rollup.nps({ site: SITE, interval: 'week', minN: 30, segment: 'trait:plan' });
  expect(rollup.lastSource).toBe('pipeline');
}

const stores: [string, () => Promise<{ store: Store; stop: () => Promise<void> }>][] = [
  ['embedded', async () => {
    const store = new EmbeddedStore();
    return { store, stop: () => store.close() };
  }],
  ['MongoDB adapter', async () => {
    const mongo: TestMongo = await startTestMongo();
    const store = await MongoStore.connect(mongo.uri, uniqueDbName('hark_rollup'), { timeoutMs: 10_000 });
    return { store, stop: async () => { await store.close(); await mongo.stop(); } };
  }],
];

describe.each(stores)('roll-up vs full scan (%s)', (_label, open) => {
  let services: Services;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    const opened = await open();
    stop = opened.stop;
    services = await createServices(opened.store);
    await services.sites.create({ key: SITE, name: 'Facturo', allowedOrigins: ['*'] });
    await services.surveys.create(SITE, { id: `${SITE}-nps`, name: 'NPS', kind: 'nps' });
    await services.surveys.create(SITE, { id: `${SITE}-button`, name: 'Button', kind: 'feedback_button' });
    await services.tagging.setTaxonomy(SITE, TAXONOMY as never);
  }, 60_000);
  afterAll(async () => {
    await stop?.();
  });

  it('backfills a site that has responses but no roll-up, then follows ingest', async () => {
    await seed(services, 'first'); // before any roll-up exists: not counted incrementally
    expect(await services.responseStats.meta.findOne({ siteKey: SITE })).toBeNull();
    await expectSamePaths(services, 'after backfill');
    const meta = await services.responseStats.meta.findOne({ siteKey: SITE });
    expect(meta?.gen).toBeTruthy();
    await seed(services, 'second'); // counted by ingest's listener
    await expectSamePaths(services, 'after ingest');
    const n = (await services.insights.analytics.nps({ site: SITE, interval: 'week', minN: 30 })).overall.n;
    expect(n).toBe(200);
  });

  it('ignores duplicates at ingest', async () => {
    const [one] = await services.responses.collection.find({ siteKey: SITE, type: 'nps' }, { limit: 1 });
    const input = { id: one!.id, surveyId: `${SITE}-nps`, type: 'nps' as const, score: 10, locale: 'en', context: { url: 'https://app.facturo.example/' } };
    const res = await services.ingest.ingest(SITE, [input], { source: 'api' });
    expect(res[0]!.duplicate).toBe(true);
    expect((await services.insights.analytics.nps({ site: SITE, interval: 'week', minN: 30 })).overall.n).toBe(200);
  });

  it('stays equal after a tag override, a re-tag, an erasure and a purge', async () => {
    const [target] = await services.responses.collection.find({ siteKey: SITE, 'tags.themes': 'export', type: 'nps', score: { $lte: 6 } }, { limit: 1 });
    await services.tagOverrides.override(target!.id, { themes: ['pricing', 'odd.name', '$dollar'], track: 'strategic' }, { tokenId: 't', name: 'pm', role: 'pm' } as never, SITE);
    await expectSamePaths(services, 'after override');
    const themes = await services.insights.analytics.themes({ site: SITE, interval: 'week', minN: 1, limit: 300 });
    expect(themes.themes.map((t) => t.theme)).toEqual(expect.arrayContaining(['odd.name', '$dollar']));

    // Re-tag with a taxonomy where "support" is gone.
    await services.tagging.setTaxonomy(SITE, TAXONOMY.filter((t) => t.name !== 'support') as never);
    const docs = await services.responses.collection.find({ siteKey: SITE, 'tags.themes': 'support' });
    expect(docs.length).toBeGreaterThan(0);
    for (const d of docs) await services.tagging.retagOne(d);
    await expectSamePaths(services, 'after retag');

    const victim = docs.find((d) => (d.user as { id?: string } | undefined)?.id)!;
    const userId = (victim.user as { id: string }).id;
    expect(await services.responses.eraseUser(userId, SITE)).toBeGreaterThan(0);
    await expectSamePaths(services, 'after erasure');

    // Retention (embedded purge path): everything received before 10 March.
    await services.responseStats.deleteResponses({ receivedAt: { $lt: new Date('2025-03-10T00:00:00Z') } });
    await expectSamePaths(services, 'after purge');
  }, 60_000);

  it('rebuilds on demand and counts writes made during the rebuild once', async () => {
    const before = await services.insights.analytics.themes({ site: SITE, interval: 'week', minN: 30, limit: 50 });
    const items = npsItems(`${SITE}-nps`).slice(0, 30);
    const rebuilding = services.responseStats.rebuild(SITE);
    await services.ingest.ingest(SITE, items.map((m) => m.input), { source: 'import', receivedAt: items.map((m) => m.receivedAt) });
    const r = await rebuilding;
    expect(r.responses).toBeGreaterThan(0);
    await expectSamePaths(services, 'after a rebuild racing with ingest');
    const after = await services.insights.analytics.themes({ site: SITE, interval: 'week', minN: 30, limit: 50 });
    expect(after.overall.n).toBe(before.overall.n + 30);
    // Only the new generation is left.
    const gens = new Set((await services.responseStats.stats.find({ siteKey: SITE })).map((d) => d.gen));
    expect([...gens]).toEqual([r.gen]);
  }, 60_000);
});
