import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestMongo, uniqueDbName, type TestMongo } from '../support/mongo-server.ts';
import { type Harness, listAll, npsResponse, startTestHark, get } from '../support/harness.ts';

let mongo: TestMongo;
beforeAll(async () => {
  mongo = await startTestMongo();
});
afterAll(async () => {
  await mongo?.stop();
});

// The core path runs on both adapters: the embedded store and MongoDB through the official driver.
const adapters: [string, () => Promise<Harness>][] = [
  ['embedded', () => startTestHark()],
  ['mongodb', () => startTestHark({ mongodbUri: mongo.uri, mongodbDb: uniqueDbName() })],
];

describe.each(adapters)('ingest on the %s store', (name, start) => {
  let h: Harness;
  beforeAll(async () => {
    h = await start();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('reports its store on /healthz', async () => {
    const res = await h.admin('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', store: name });
  });

  it('accepts a response with 202 and lists it back through the admin API', async () => {
    const r = npsResponse({ score: 3, comment: 'Checkout keeps failing', user: { id: 'u-1', traits: { plan: 'pro' } } });
    const res = await h.post('/v1/sites/demo/responses', r, {
      'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1',
    });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ id: r.id, duplicate: false });
    const got = await (await h.admin(`/v1/admin/responses/${r.id}`)).json();
    expect(got).toMatchObject({
      id: r.id,
      siteKey: 'demo',
      surveyId: 'demo-nps',
      score: 3,
      comment: 'Checkout keeps failing',
      user: { id: 'u-1', traits: { plan: 'pro' } },
      device: { type: 'mobile', os: 'iOS' },
      source: 'widget',
    });
    expect(Date.parse(got.receivedAt)).toBeGreaterThan(Date.now() - 60_000);
    const listed = await listAll(h, 'site=demo&survey=demo-nps');
    expect(listed.map((x) => x.id)).toContain(r.id);
  });

  it('takes text/plain bodies, as navigator.sendBeacon sends them', async () => {
    const r = npsResponse();
    const res = await h.post('/v1/sites/demo/responses', JSON.stringify(r), { 'content-type': 'text/plain;charset=UTF-8' });
    expect(res.status).toBe(202);
    expect((await h.admin(`/v1/admin/responses/${r.id}`)).status).toBe(200);
  });

  it('never stores a re-sent id twice, sequentially', async () => {
    const r = npsResponse();
    expect(await (await h.post('/v1/sites/demo/responses', r)).json()).toEqual({ id: r.id, duplicate: false });
    expect(await (await h.post('/v1/sites/demo/responses', r)).json()).toEqual({ id: r.id, duplicate: true });
    expect(await (await h.post('/v1/sites/demo/responses', { ...r, score: 0 })).json()).toEqual({ id: r.id, duplicate: true });
    const got = await (await h.admin(`/v1/admin/responses/${r.id}`)).json();
    expect(got.score).toBe(r.score);
  });

  it('never stores a re-sent id twice under 20 concurrent retries', async () => {
    const r = npsResponse();
    const answers = await Promise.all(
      Array.from({ length: 20 }, async () => (await h.post('/v1/sites/demo/responses', r)).json() as Promise<{ duplicate: boolean }>),
    );
    expect(answers.filter((a) => !a.duplicate)).toHaveLength(1);
    const listed = await listAll(h, `site=demo`);
    expect(listed.filter((x) => x.id === r.id)).toHaveLength(1);
  });

  it('accepts a batch and reports each item, duplicates included', async () => {
    const old = npsResponse();
    await h.post('/v1/sites/demo/responses', old);
    const fresh = [npsResponse(), npsResponse({ surveyId: 'demo-exit', type: 'exit_intent', score: undefined, comment: 'too expensive' })];
    const res = await h.post('/v1/sites/demo/responses', [fresh[0], old, fresh[1], fresh[0]]);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({
      results: [
        { id: fresh[0]!.id, duplicate: false },
        { id: old.id, duplicate: true },
        { id: fresh[1]!.id, duplicate: false },
        { id: fresh[0]!.id, duplicate: true },
      ],
      accepted: 2,
      duplicates: 2,
    });
    const exit = await (await h.admin(`/v1/admin/responses/${fresh[1]!.id}`)).json();
    expect(exit).toMatchObject({ type: 'exit_intent', comment: 'too expensive' });
  });

  it('serves the demo config with caching headers and answers 304 to a matching If-None-Match', async () => {
    const res = await get(`${h.url}/v1/sites/demo/config`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    const cfg = await res.json();
    expect(cfg.site).toEqual({ key: 'demo', name: 'Demo site' });
    expect(cfg.surveys.map((s: { kind: string }) => s.kind).sort()).toEqual(['exit_intent', 'feature_feedback', 'feedback_button', 'nps']);
    expect(cfg.surveys[0]).not.toHaveProperty('siteKey');
    const again = await get(`${h.url}/v1/sites/demo/config`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });
});
