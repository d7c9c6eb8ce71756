import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/services.ts';
import { EmbeddedStore } from '../../src/store/embedded.ts';
import { runHark } from '../support/cli.ts';
import { type Harness, listAll, npsResponse, startTestHark } from '../support/harness.ts';

let h: Harness;
let po: string;
let viewer: string;
beforeAll(async () => {
  h = await startTestHark({ tagSweepMs: 200 });
  const mk = async (role: string) => (await (await h.admin('/v1/admin/tokens', { method: 'POST', body: JSON.stringify({ name: `${role} person`, role }) })).json()).token as string;
  po = await mk('po');
  viewer = await mk('viewer');
});
afterAll(async () => {
  await h?.close();
});

const getResponse = async (id: string) => (await h.admin(`/v1/admin/responses/${id}`)).json();

describe('tags at ingest', () => {
  it('stores every response with language, sentiment, kind, track, npsCategory and themes', async () => {
    const r = npsResponse({ score: 2, comment: "Le paiement plante à chaque fois que je valide mon panier, impossible de commander.", locale: 'fr' });
    await h.post('/v1/sites/demo/responses', r);
    const got = await getResponse(r.id);
    expect(got.tagging.status).toBe('done');
    expect(got.tags).toMatchObject({ language: 'fr', kind: 'bug', track: 'tactical', npsCategory: 'detractor', sentiment: { label: 'negative' } });
    expect(got.tags.themes).toContain('checkout');
    expect(got.tags.trackReason.length).toBeGreaterThan(5);
    expect(got.autoTags).toEqual(got.tags);
  });

  it('tags strategic feedback for the PM', async () => {
    const r = npsResponse({ score: 4, comment: 'Way too expensive for a team of five, we are moving to a cheaper competitor next month.' });
    await h.post('/v1/sites/demo/responses', r);
    const got = await getResponse(r.id);
    expect(got.tags).toMatchObject({ track: 'strategic', language: 'en', sentiment: { label: 'negative' } });
    expect(got.tags.kinds).toEqual(expect.arrayContaining(['pricing', 'churn_risk']));
  });

  it('masks e-mails, phone numbers and card numbers in the stored comment', async () => {
    const r = npsResponse({ comment: 'Call me on 06 12 34 56 78 or write to jane.doe@example.com, card 4111 1111 1111 1111 was charged twice' });
    await h.post('/v1/sites/demo/responses', r);
    const got = await getResponse(r.id);
    expect(got.comment).not.toMatch(/jane\.doe|06 12 34|4111 1111/);
    expect(got.commentOriginal).toBeUndefined();
    expect([...got.tags.pii].sort()).toEqual(['card', 'email', 'phone']);
    const exported = await (await h.admin('/v1/admin/responses/export?site=demo&format=jsonl')).text();
    expect(exported).not.toMatch(/jane\.doe@example\.com/);
  });

  it('keeps the original only for a site that opted in', async () => {
    await h.admin('/v1/admin/sites', { method: 'POST', body: JSON.stringify({ key: 'optin', name: 'Opt-in', allowedOrigins: ['*'], privacy: { keepOriginalPii: true } }) });
    await h.admin('/v1/admin/sites/optin/surveys', { method: 'POST', body: JSON.stringify({ id: 'optin-nps', name: 'NPS', kind: 'nps' }) });
    const r = npsResponse({ surveyId: 'optin-nps', comment: 'reach me at bob@example.org' });
    expect((await h.post('/v1/sites/optin/responses', r)).status).toBe(202);
    const got = await getResponse(r.id);
    expect(got.comment).not.toMatch(/bob@example\.org/);
    expect(got.commentOriginal).toBe('reach me at bob@example.org');
  });

  it('a response whose tagging failed is stored, visible as untagged, and retried until tagged', async () => {
    h.services.tagging.failNext = 1;
    const r = npsResponse({ comment: 'The search never finds my invoices' });
    expect((await h.post('/v1/sites/demo/responses', r)).status).toBe(202);
    const first = await getResponse(r.id);
    expect(first.tagging).toMatchObject({ status: 'failed', attempts: 1 });
    expect(first.tags).toBeUndefined();
    expect((await listAll(h, 'site=demo&tagged=false')).map((x) => x.id)).toContain(r.id);
    let later = first;
    for (let i = 0; i < 50 && later.tagging.status !== 'done'; i++) {
      await new Promise((res) => setTimeout(res, 100));
      later = await getResponse(r.id);
    }
    expect(later.tagging).toMatchObject({ status: 'done', attempts: 2 });
    expect(later.tags.themes).toContain('search');
  });
});

describe('human override', () => {
  it('a PO overrides kind, track and themes; filters follow; the change is recorded with who and before/after', async () => {
    const r = npsResponse({ score: 7, comment: 'It would be nice to get a weekly digest by email' });
    await h.post('/v1/sites/demo/responses', r);
    const res = await h.admin(`/v1/admin/responses/${r.id}/tags`, { method: 'PATCH', token: po, body: JSON.stringify({ kind: 'feature_request', track: 'strategic', themes: ['digest'] }) });
    expect(res.status).toBe(200);
    const got = await res.json();
    expect(got.tags).toMatchObject({ kind: 'feature_request', track: 'strategic', themes: ['digest'] });
    expect(got.tagOverride).toEqual({ kind: 'feature_request', track: 'strategic', themes: ['digest'] });
    expect((await listAll(h, 'site=demo&theme=digest')).map((x) => x.id)).toEqual([r.id]);
    const history = await (await h.admin(`/v1/admin/responses/${r.id}/tags/history`)).json();
    expect(history.items).toHaveLength(1);
    expect(history.items[0]).toMatchObject({ by: { name: 'po person', role: 'po' }, after: { track: 'strategic', themes: ['digest'] } });
    expect(history.items[0].before.themes).not.toEqual(['digest']);
  });

  it('refuses viewers and bad overrides', async () => {
    const r = npsResponse();
    await h.post('/v1/sites/demo/responses', r);
    expect((await h.admin(`/v1/admin/responses/${r.id}/tags`, { method: 'PATCH', token: viewer, body: JSON.stringify({ kind: 'bug' }) })).status).toBe(403);
    expect((await h.admin(`/v1/admin/responses/${r.id}/tags`, { method: 'PATCH', body: JSON.stringify({ kind: 'rant' }) })).status).toBe(400);
    expect((await h.admin(`/v1/admin/responses/${r.id}/tags`, { method: 'PATCH', body: JSON.stringify({}) })).status).toBe(400);
    expect((await h.admin(`/v1/admin/responses/nope/tags`, { method: 'PATCH', body: JSON.stringify({ kind: 'bug' }) })).status).toBe(404);
  });
});

describe('taxonomy, discovery and re-tagging', () => {
  it('a new taxonomy applies to stored responses after a re-tag, and overrides survive it', async () => {
    const a = npsResponse({ comment: 'The gantt chart is unreadable on small screens' });
    const b = npsResponse({ comment: 'Please add dependencies to the gantt view' });
    await h.post('/v1/sites/demo/responses', [a, b]);
    await h.admin(`/v1/admin/responses/${b.id}/tags`, { method: 'PATCH', body: JSON.stringify({ kind: 'feature_request', track: 'tactical' }) });
    expect((await getResponse(a.id)).tags.themes).not.toContain('planning');

    const put = await h.admin('/v1/admin/sites/demo/taxonomy', {
      method: 'PUT',
      body: JSON.stringify({ themes: [{ name: 'planning', keywords: { en: ['gantt', 'timeline'], fr: ['gantt', 'planning'] } }] }),
    });
    expect(put.status).toBe(200);
    expect((await put.json()).isDefault).toBe(false);
    expect((await h.admin('/v1/admin/sites/demo/taxonomy', { method: 'PUT', body: JSON.stringify({ themes: [{ name: 'x', keywords: {} }] }) })).status).toBe(400);

    const start = await h.admin('/v1/admin/sites/demo/retag', { method: 'POST' });
    expect(start.status).toBe(202);
    let status = await start.json();
    for (let i = 0; i < 100 && status.status !== 'done'; i++) {
      await new Promise((res) => setTimeout(res, 50));
      status = await (await h.admin('/v1/admin/sites/demo/retag')).json();
    }
    expect(status.status).toBe('done');
    expect((await getResponse(a.id)).tags.themes).toContain('planning');
    const kept = await getResponse(b.id);
    expect(kept.tags).toMatchObject({ kind: 'feature_request', track: 'tactical' });
    expect(kept.tags.themes).toContain('planning');
  });

  it('discovers a recurring topic nobody configured', async () => {
    const comments = [
      'The kanban swimlanes are confusing',
      'I cannot collapse kanban swimlanes',
      'Kanban swimlanes should be colourable',
      'Swimlanes in kanban lose their order',
      'Love the new kanban swimlanes!',
    ];
    await h.post('/v1/sites/demo/responses', comments.map((c) => npsResponse({ comment: c })));
    const found = await (await h.admin('/v1/admin/sites/demo/themes/discovered?fresh=true')).json();
    const labels = found.items.map((t: { label: string; terms: string[] }) => `${t.label} ${t.terms.join(' ')}`.toLowerCase());
    expect(labels.some((l: string) => l.includes('swimlane'))).toBe(true);
  });
});

describe('hark retag on the store', () => {
  it('re-tags a stopped collector\'s data, resumes an interrupted run, and refuses while the collector holds the data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hark-retag-'));
    try {
      const store = new EmbeddedStore({ dataDir: dir });
      const services = await createServices(store);
      await services.sites.create({ key: 'shop', name: 'Shop', allowedOrigins: ['*'] });
      await services.surveys.create('shop', { id: 'shop-nps', name: 'NPS', kind: 'nps' });
      const inputs = Array.from({ length: 250 }, (_, i) => npsResponse({ surveyId: 'shop-nps', comment: i % 2 ? 'Delivery was late again' : 'The parcel tracking page is broken' }));
      for (let i = 0; i < inputs.length; i += 50) await services.ingest.ingest('shop', inputs.slice(i, i + 50), { source: 'api', receivedAt: inputs.slice(i, i + 50).map((_, j) => new Date(Date.UTC(2026, 0, 1) + (i + j) * 1000)) });
      // An interrupted earlier run that stopped after the first 100.
      const col = await store.collection({ name: 'jobs', key: (d: Record<string, unknown>) => String(d.key) });
      await col.insertOne({ key: 'retag:shop', siteKey: 'shop', status: 'running', processed: 100, lastReceivedAt: new Date(Date.UTC(2026, 0, 1) + 99_000), lastId: 'x', startedAt: '', updatedAt: '' });
      await store.close();

      const env = { HARK_DATA_DIR: dir, HARK_LOG_LEVEL: 'silent' };
      const resumed = await runHark(['retag', '--site', 'shop'], env);
      expect(resumed.stdout).toMatch(/resuming an interrupted re-tag after 100 responses/);
      expect(resumed.stdout).toMatch(/re-tagged 250 responses/);
      expect(resumed.code).toBe(0);
      const full = await runHark(['retag', '--site', 'shop', '--restart'], env);
      expect(full.stdout).toMatch(/re-tagged 250 responses/);

      const running = await startTestHark({ dataDir: dir });
      try {
        const locked = await runHark(['retag', '--site', 'shop'], env);
        expect(locked.code).toBe(1);
        expect(locked.stderr).toMatch(/--url/);
        const viaApi = await runHark(['retag', '--site', 'shop', '--url', running.url, '--token', 'test-admin-token-0123456789'], env);
        expect(viaApi.stdout).toMatch(/re-tagged 250 responses/);
        expect(viaApi.code).toBe(0);
      } finally {
        await running.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
