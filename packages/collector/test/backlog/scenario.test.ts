// Worked scenario: a shop's feedback goes in through the public endpoint; the PO
// drafts a story from the cluster of "Apply coupon" bug reports, approves it,
// exports it to Jira, and a signed webhook (retried after a first 500) tells the
// team; when the story is done, `story.done` names the respondents to notify.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../src/backlog/webhooks/sign.ts';
import { type Harness, startTestHark } from '../support/harness.ts';
import { type Seed, shopFeedback } from './fixtures.ts';
import { type Receiver, startReceiver } from './receiver.ts';

let h: Harness;
let po: string;
let receiver: Receiver;
let seeds: Seed[];
const json = (body: unknown) => ({ body: JSON.stringify(body) });

beforeAll(async () => {
  h = await startTestHark();
  h.services.backlog.dispatcher.options.retryScheduleMs = [150, 300];
  po = (await (await h.admin('/v1/admin/tokens', { method: 'POST', ...json({ name: 'Paula PO', role: 'po' }) })).json()).token;
  receiver = await startReceiver([500]);
  seeds = shopFeedback();
  for (const s of seeds) {
    const res = await h.post('/v1/sites/demo/responses', s.input, { 'user-agent': s.ua });
    expect(res.status).toBe(202);
  }
});
afterAll(async () => {
  await h?.close();
  await receiver?.close();
});

describe('worked scenario: from a bug cluster to Jira and back to the customers', () => {
  let storyId: string;
  let secret: string;
  let webhookId: string;

  it('seeded about fifty responses in French and English', async () => {
    expect(seeds.length).toBeGreaterThanOrEqual(48);
    const page = await (await h.admin('/v1/admin/responses?site=demo&limit=200')).json();
    expect(page.items).toHaveLength(seeds.length);
    expect(new Set(page.items.map((r: { tags: { language: string } }) => r.tags.language))).toEqual(new Set(['fr', 'en']));
  });

  it('the admin registers a signed webhook for story events', async () => {
    const res = await h.admin('/v1/admin/sites/demo/webhooks', { method: 'POST', ...json({ url: receiver.url, events: ['story.ready', 'story.done'] }) });
    expect(res.status).toBe(201);
    const hook = await res.json();
    expect(hook.secret).toMatch(/^whsec_/);
    secret = hook.secret;
    webhookId = hook.id;
    const listed = await (await h.admin('/v1/admin/sites/demo/webhooks')).json();
    expect(JSON.stringify(listed)).not.toContain(secret);
  });

  it('drafts a story from the bug cluster with evidence, Given/When/Then and priority terms', async () => {
    const cluster = seeds.filter((s) => s.cluster).map((s) => s.input.id);
    expect(cluster.length).toBe(15);
    const res = await h.admin('/v1/admin/stories', { method: 'POST', token: po, ...json({ site: 'demo', responses: cluster }) });
    expect(res.status).toBe(201);
    const s = await res.json();
    storyId = s.id;
    expect(s).toMatchObject({ status: 'draft', kind: 'bug', language: 'en', siteKey: 'demo', track: 'tactical' });
    expect(s.title).toMatch(/^Fix “Apply coupon button” on \/checkout\/payment/);
    expect(s.text).toMatch(/^As a .+, I want “Apply coupon button” on \/checkout\/payment to work reliably, so that I can complete my purchase\.$/);
    // Criteria: the page, the element, a device, the stated expectation, the reported behaviour.
    const first = s.acceptanceCriteria[0];
    expect(first.given).toMatch(/^I am on \/checkout\/payment on (mobile|desktop) \(/);
    expect(first.when).toBe('I click “Apply coupon button”');
    expect(first.then).toMatch(/should apply the discount|10% discount/);
    expect(s.acceptanceCriteria.some((c: { then: string }) => /reported problem no longer happens: .*\(\d+ reports\)/.test(c.then))).toBe(true);
    expect(s.acceptanceCriteria.some((c: { then: string }) => c.then === 'it works the same way')).toBe(true);
    expect(s.reproduction.steps[0]).toBe('Open https://shop.example.com/checkout/payment');
    expect(s.reproduction.selector).toBe('form#promo > button.apply-coupon');
    // Evidence: 15 responses, one customer twice, one anonymous → 14 unique respondents.
    expect(s.evidence.responses).toBe(15);
    expect(s.evidence.uniqueUsers).toBe(14);
    expect(s.evidence.accounts).toBeGreaterThanOrEqual(6);
    expect(s.evidence.pages).toEqual({ '/checkout/payment': 15 });
    expect(s.evidence.languages).toEqual({ en: 9, fr: 6 });
    expect(s.evidence.devices.map((d: { type: string }) => d.type).sort()).toEqual(['desktop', 'desktop', 'mobile', 'mobile']);
    expect(s.evidence.quotes.length).toBeGreaterThanOrEqual(5);
    expect(s.labels).toEqual(expect.arrayContaining(['bug', 'promo-codes', 'customer-feedback']));
    // Priority: terms with weights and contributions that add up to the score.
    const names = s.priority.terms.map((t: { name: string }) => t.name);
    expect(names).toEqual(['reach', 'detractors', 'sentimentIntensity', 'recency', 'accountValue']);
    const sum = s.priority.terms.reduce((a: number, t: { contribution: number }) => a + t.contribution, 0);
    expect(Math.abs(sum - s.priority.score)).toBeLessThan(0.05);
    expect(s.priority.terms.find((t: { name: string }) => t.name === 'reach').value).toBe(14);
    expect(s.priority.terms.find((t: { name: string }) => t.name === 'accountValue').value).toBe(1200);
    expect(s.priority.confidenceLabel).toBe('high');
    expect(s.priority.score).toBeGreaterThan(40);
  });

  it('the French reports alone give a French story', async () => {
    const fr = seeds.filter((s) => s.cluster === 'coupon-fr').map((s) => s.input.id);
    const s = await (await h.admin('/v1/admin/stories', { method: 'POST', token: po, ...json({ site: 'demo', responses: fr }) })).json();
    expect(s.language).toBe('fr');
    expect(s.title).toMatch(/^Corriger « Apply coupon button » sur \/checkout\/payment/);
    expect(s.text).toMatch(/^En tant que .+, je veux que « Apply coupon button » sur \/checkout\/payment fonctionne correctement, afin de finaliser mon achat\.$/);
    expect(s.acceptanceCriteria[0]).toMatchObject({ when: 'je clique sur « Apply coupon button »', then: 'cela devrait appliquer la réduction' });
    expect(s.acceptanceCriteria[0].given).toMatch(/^je suis sur \/checkout\/payment sur /);
    const en = await (await h.admin('/v1/admin/stories', { method: 'POST', token: po, ...json({ site: 'demo', responses: fr, language: 'en' }) })).json();
    expect(en.language).toBe('en');
    expect(en.text).toMatch(/^As a /);
    // Duplicates: merge both into the main story.
    const merged = await h.admin(`/v1/admin/stories/${storyId}/merge`, { method: 'POST', token: po, ...json({ from: [s.id, en.id] }) });
    expect(merged.status).toBe(200);
    const m = await merged.json();
    expect(m.evidence.responses).toBe(15);
    expect(m.mergedFrom.sort()).toEqual([s.id, en.id].sort());
    expect((await (await h.admin(`/v1/admin/stories/${s.id}`)).json())).toMatchObject({ status: 'merged', mergedInto: storyId });
  });

  it('responses show the story they fed', async () => {
    const one = seeds.find((x) => x.cluster === 'coupon-en')!.input.id;
    const body = await (await h.admin(`/v1/admin/responses/${one}/stories`)).json();
    expect(body.items.map((x: { id: string }) => x.id)).toContain(storyId);
  });

  it('ready → signed story.ready webhook, answered 500 then 200: retried, both attempts logged', async () => {
    const res = await h.admin(`/v1/admin/stories/${storyId}`, { method: 'PATCH', token: po, ...json({ status: 'ready' }) });
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe('ready');
    const got = await receiver.waitFor(2);
    const [a, b] = got;
    for (const r of [a!, b!]) {
      expect(r.headers['x-hark-event']).toBe('story.ready');
      expect(verifySignature(secret, r.body, r.headers['x-hark-signature'] as string, r.headers['x-hark-timestamp'] as string)).toBe(true);
      expect(verifySignature('whsec_wrong', r.body, r.headers['x-hark-signature'] as string, r.headers['x-hark-timestamp'] as string)).toBe(false);
      expect(verifySignature(secret, r.body.replace('Fix', 'Fax'), r.headers['x-hark-signature'] as string, r.headers['x-hark-timestamp'] as string)).toBe(false);
    }
    expect(a!.headers['x-hark-delivery']).toBe(b!.headers['x-hark-delivery']);
    expect(b!.at - a!.at).toBeGreaterThanOrEqual(100);
    const env = JSON.parse(b!.body);
    expect(env).toMatchObject({ event: 'story.ready', site: 'demo', data: { id: storyId, status: 'ready' } });
    expect(env.id).toMatch(/^evt_/);

    let log: { status: string; attempts: { n: number; statusCode: number; durationMs: number; error?: string }[]; nextAttemptAt: string | null }[] = [];
    for (let i = 0; i < 50; i++) {
      log = (await (await h.admin(`/v1/admin/webhooks/${webhookId}/deliveries`)).json()).items;
      if (log[0]?.status === 'delivered') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(log).toHaveLength(1);
    expect(log[0]!.status).toBe('delivered');
    expect(log[0]!.nextAttemptAt).toBeNull();
    expect(log[0]!.attempts.map((x) => x.statusCode)).toEqual([500, 200]);
    expect(log[0]!.attempts[0]!.error).toBe('HTTP 500');
    expect(log[0]!.attempts[1]!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('exports the ready story as an importable Jira CSV and marks it exported', async () => {
    const res = await h.admin(`/v1/admin/stories/export?site=demo&status=ready&format=jira&mark=true`, { token: po });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parse(await res.text(), { relax_column_count: false }) as string[][];
    const [header, row] = rows;
    expect(header!.slice(0, 5)).toEqual(['Summary', 'Description', 'Issue Type', 'Priority', 'Labels']);
    expect(header!.slice(4).every((c) => c === 'Labels')).toBe(true);
    expect(rows).toHaveLength(2);
    expect(row![0]).toMatch(/^Fix “Apply coupon button”/);
    expect(row![1]).toContain('h3. Acceptance criteria');
    expect(row![1]).toContain('* Given I am on /checkout/payment');
    expect(row![1]).toContain('{quote}');
    expect(row![2]).toBe('Bug');
    expect(['Highest', 'High', 'Medium']).toContain(row![3]);
    expect(row!.slice(4)).toEqual(expect.arrayContaining(['bug', 'promo-codes']));
    expect((await (await h.admin(`/v1/admin/stories/${storyId}`)).json()).status).toBe('exported');
  });

  it('done → story.done carries the respondents to notify (ids and e-mails from traits)', async () => {
    const res = await h.admin(`/v1/admin/stories/${storyId}`, { method: 'PATCH', token: po, ...json({ status: 'done' }) });
    expect(res.status).toBe(200);
    const got = await receiver.waitFor(3);
    const last = got[2]!;
    expect(last.headers['x-hark-event']).toBe('story.done');
    expect(verifySignature(secret, last.body, last.headers['x-hark-signature'] as string, last.headers['x-hark-timestamp'] as string)).toBe(true);
    const { data } = JSON.parse(last.body);
    expect(data.story).toMatchObject({ id: storyId, status: 'done' });
    expect(data.respondents).toHaveLength(14 - 1 + 0); // 13 identified customers (cust-1 answered twice)
    expect(data.anonymousResponses).toBe(1);
    const one = data.respondents.find((r: { userId: string }) => r.userId === 'cust-1');
    expect(one).toMatchObject({ email: 'cust1@example.org', locale: 'en-GB' });
    expect(one.responseIds).toHaveLength(2);
    expect(data.respondents.every((r: { email?: string }) => /@example\.org$/.test(r.email ?? ''))).toBe(true);
  });
});
