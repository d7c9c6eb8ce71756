// Webhooks over HTTP: CRUD and roles, response events in Slack format, final
// failures, exhausted retries, and a pending retry that survives a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../src/backlog/webhooks/sign.ts';
import { type Harness, npsResponse, startTestHark } from '../support/harness.ts';
import { startReceiver } from './receiver.ts';

const json = (body: unknown) => ({ body: JSON.stringify(body) });
let h: Harness;
let po: string;
let viewer: string;

async function deliveries(id: string, until: (items: { status: string; attempts: unknown[] }[]) => boolean) {
  for (let i = 0; i < 200; i++) {
    const items = (await (await h.admin(`/v1/admin/webhooks/${id}/deliveries`)).json()).items;
    if (until(items)) return items;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('delivery log never reached the expected state');
}

beforeAll(async () => {
  h = await startTestHark();
  h.services.backlog.dispatcher.options.retryScheduleMs = [50, 50];
  po = (await (await h.admin('/v1/admin/tokens', { method: 'POST', ...json({ name: 'po', role: 'po' }) })).json()).token;
  viewer = (await (await h.admin('/v1/admin/tokens', { method: 'POST', ...json({ name: 'v', role: 'viewer' }) })).json()).token;
});
afterAll(async () => {
  await h?.close();
});

describe('webhooks: management', () => {
  it('admin only writes; the secret is shown once; bad input is refused', async () => {
    const body = { url: 'https://hooks.example.com/hark', events: ['story.done'] };
    expect((await h.admin('/v1/admin/sites/demo/webhooks', { method: 'POST', token: po, ...json(body) })).status).toBe(403);
    expect((await h.admin('/v1/admin/sites/demo/webhooks', { method: 'POST', token: viewer, ...json(body) })).status).toBe(403);
    for (const bad of [{ ...body, url: 'ftp://x.example.com' }, { ...body, url: 'not a url' }, { ...body, events: [] }, { ...body, events: ['story.deleted'] }, { ...body, format: 'xml' }, { ...body, secret: 'mine' }]) {
      const res = await h.admin('/v1/admin/sites/demo/webhooks', { method: 'POST', ...json(bad) });
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await h.admin('/v1/admin/sites/nosite/webhooks', { method: 'POST', ...json(body) })).status).toBe(404);
    const created = await (await h.admin('/v1/admin/sites/demo/webhooks', { method: 'POST', ...json(body) })).json();
    expect(created).toMatchObject({ url: body.url, events: ['story.done'], format: 'json', active: true });
    expect(created.secretHint).toBe(`…${created.secret.slice(-4)}`);
    const listed = await (await h.admin('/v1/admin/sites/demo/webhooks', { token: viewer })).json();
    expect(listed.items.find((w: { id: string }) => w.id === created.id).secret).toBeUndefined();
    const rotated = await (await h.admin(`/v1/admin/webhooks/${created.id}`, { method: 'PATCH', ...json({ rotateSecret: true, active: false }) })).json();
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(created.secret);
    expect(rotated.active).toBe(false);
    expect((await h.admin(`/v1/admin/webhooks/${created.id}`, { method: 'PATCH', token: po, ...json({ active: true }) })).status).toBe(403);
    expect((await h.admin(`/v1/admin/webhooks/${created.id}/deliveries`, { token: viewer })).status).toBe(200);
    expect((await h.admin(`/v1/admin/webhooks/${created.id}`, { method: 'DELETE', token: po })).status).toBe(403);
    expect((await h.admin(`/v1/admin/webhooks/${created.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await h.admin(`/v1/admin/webhooks/${created.id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await h.admin(`/v1/admin/webhooks/${created.id}/deliveries`)).status).toBe(404);
  });
});

describe('webhooks: delivery', () => {
  it('response.created and response.tagged in Slack format, signed', async () => {
    const rx = await startReceiver();
    try {
      const hook = await (await h.admin('/v1/admin/sites/demo/webhooks', { method: 'POST', ...json({ url: rx.url, events: ['response.created', 'response.tagged'], format: 'slack' }) })).json();
      const r = npsResponse({ score: 2, comment: 'Checkout crashes <!channel> & the cart is lost', user: { id: 'u-9', traits: { email: 'u9@example.com' } } });
      expect((await h.post('/v1/sites/demo/responses', r)).status).toBe(202);
      const got = await rx.waitFor(2);
      const byEvent = Object.fromEntries(got.map((g) => [g.headers['x-hark-event'], g]));
      for (const g of got) expect(verifySignature(hook.secret, g.body, g.headers['x-hark-signature'] as string, g.headers['x-hark-timestamp'] as string)).toBe(true);
      const created = JSON.parse(byEvent['response.created']!.body);
      expect(created.text).toMatch(/^:speech_balloon: New nps response on \*demo\* \(score 2\)/);
      expect(created.text).toContain('&lt;!channel&gt; &amp; the cart');
      expect(created.blocks[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } });
      const tagged = JSON.parse(byEvent['response.tagged']!.body);
      expect(tagged.text).toMatch(/^:label: Response tagged on \*demo\*: bug · negative/);
      await h.admin(`/v1/admin/webhooks/${hook.id}`, { method: 'DELETE' });
    } finally {
      await rx.close();
    }
  });

  it('response.tagged is announced once, later, for a response whose tagging failed at ingest', async () => {
    const rx = await startReceiver();
    try {
      const hook = await (await h.admin('/v1/admin/sites/demo/webhooks', { method: 'POST', ...json({ url: rx.url, events: ['response.tagged'] }) })).json();
      h.services.tagging.failNext = 1;
      const r = npsResponse({ score: 3, comment: 'The export button does nothing' });
      expect((await h.post('/v1/sites/demo/responses', r)).status).toBe(202);
      expect((await (await h.admin(`/v1/admin/responses/${r.id}`)).json()).tagging.status).toBe('failed');
      expect(await h.services.tagging.sweepUntagged()).toBeGreaterThanOrEqual(1);
      const [got] = await rx.waitFor(1);
      const body = JSON.parse(got!.body);
      expect(body).toMatchObject({ event: 'response.tagged', data: { id: r.id, tags: { kind: 'bug' } } });
      // Re-tagging an already tagged response is not a new event.
      await h.services.tagging.retagSite('demo', { restart: true });
      await new Promise((res) => setTimeout(res, 200));
      expect(rx.received.filter((x) => JSON.parse(x.body).data.id === r.id)).toHaveLength(1);
      await h.admin(`/v1/admin/webhooks/${hook.id}`, { method: 'DELETE' });
    } finally {
      await rx.close();
    }
  });

  it('a 4xx answer is final; 5xx is retried until the schedule runs out', async () => {
    const rx = await startReceiver([404, 503, 503, 503]);
    try {
      const hook = await (await h.admin('/v1/admin/sites/demo/webhooks', { method: 'POST', ...json({ url: rx.url, events: ['story.ready'] }) })).json();
      const story = async () => {
        const r = npsResponse({ comment: 'The invoice page shows an error', user: { id: `u-${Math.random()}` } });
        await h.post('/v1/sites/demo/responses', r);
        const s = await (await h.admin('/v1/admin/stories', { method: 'POST', token: po, ...json({ site: 'demo', responses: [r.id] }) })).json();
        await h.admin(`/v1/admin/stories/${s.id}`, { method: 'PATCH', token: po, ...json({ status: 'ready' }) });
      };
      await story();
      let log = await deliveries(hook.id, (items) => items[0]?.status === 'failed');
      expect(log[0]).toMatchObject({ status: 'failed', nextAttemptAt: null, attempts: [{ n: 1, statusCode: 404, error: 'HTTP 404' }] });
      await story();
      log = await deliveries(hook.id, (items) => items.length === 2 && items[0]!.status === 'failed');
      expect((log[0]!.attempts as { statusCode: number }[]).map((a) => a.statusCode)).toEqual([503, 503, 503]);
      expect(rx.received).toHaveLength(4);
      await h.admin(`/v1/admin/webhooks/${hook.id}`, { method: 'DELETE' });
    } finally {
      await rx.close();
    }
  });

  it('network errors are retried and logged with their cause', async () => {
    const gone = await startReceiver();
    await gone.close(); // a port nobody listens on any more
    const hook = await (await h.admin('/v1/admin/sites/demo/webhooks', { method: 'POST', ...json({ url: gone.url, events: ['response.created'] }) })).json();
    await h.post('/v1/sites/demo/responses', npsResponse());
    const log = await deliveries(hook.id, (items) => items[0]?.status === 'failed');
    expect(log[0]!.attempts).toHaveLength(3);
    expect((log[0]!.attempts[0] as { error: string }).error).toMatch(/ECONNREFUSED|fetch failed/);
    await h.admin(`/v1/admin/webhooks/${hook.id}`, { method: 'DELETE' });
  });
});

describe('webhooks: durability', () => {
  it('a pending retry survives a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hark-webhooks-'));
    const rx = await startReceiver([500]);
    let a: Harness | undefined;
    let b: Harness | undefined;
    try {
      a = await startTestHark({ dataDir: dir });
      a.services.backlog.dispatcher.options.retryScheduleMs = [1200];
      a.services.backlog.dispatcher.options.jitter = 0;
      const hook = await (await a.admin('/v1/admin/sites/demo/webhooks', { method: 'POST', ...json({ url: rx.url, events: ['response.created'] }) })).json();
      await a.post('/v1/sites/demo/responses', npsResponse());
      await rx.waitFor(1);
      // Wait until the failed attempt is recorded, then stop before the retry is due.
      for (let i = 0; i < 100; i++) {
        const items = (await (await a.admin(`/v1/admin/webhooks/${hook.id}/deliveries`)).json()).items;
        if (items[0]?.attempts.length === 1) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      await a.close();
      a = undefined;
      expect(rx.received).toHaveLength(1);
      b = await startTestHark({ dataDir: dir });
      const got = await rx.waitFor(2, 8000);
      expect(got[1]!.headers['x-hark-delivery']).toBe(got[0]!.headers['x-hark-delivery']);
      for (let i = 0; i < 100; i++) {
        const items = (await (await b.admin(`/v1/admin/webhooks/${hook.id}/deliveries`)).json()).items;
        if (items[0]?.status === 'delivered') {
          expect(items[0].attempts.map((x: { statusCode: number }) => x.statusCode)).toEqual([500, 200]);
          return;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error('not delivered after restart');
    } finally {
      await a?.close();
      await b?.close();
      await rx.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
