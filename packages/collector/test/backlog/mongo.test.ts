// The backlog on the MongoDB adapter (the in-process wire server, or MONGODB_URI):
// the same queries and updates as on the embedded store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../src/backlog/webhooks/sign.ts';
import { type Harness, npsResponse, startTestHark } from '../support/harness.ts';
import { type TestMongo, startTestMongo, uniqueDbName } from '../support/mongo-server.ts';
import { startReceiver, type Receiver } from './receiver.ts';

const json = (body: unknown) => ({ body: JSON.stringify(body) });
let mongo: TestMongo;
let h: Harness;
let rx: Receiver;

beforeAll(async () => {
  mongo = await startTestMongo();
  h = await startTestHark({ mongodbUri: mongo.uri, mongodbDb: uniqueDbName() });
  h.services.backlog.dispatcher.options.retryScheduleMs = [100];
  rx = await startReceiver([500]);
});
afterAll(async () => {
  await h?.close();
  await rx?.close();
  await mongo?.stop();
});

describe('backlog on the MongoDB adapter', () => {
  it('drafts, merges, escalates, links, walks statuses and delivers a retried, signed webhook', async () => {
    const hook = await (await h.admin('/v1/admin/sites/demo/webhooks', { method: 'POST', ...json({ url: rx.url, events: ['story.done'] }) })).json();
    const rs = ['The export button does nothing', 'Export fails with an error', 'Nothing happens when I click export'].map((c, i) =>
      npsResponse({ score: i, comment: c, context: { url: 'https://app.example.com/reports', element: 'Export button' }, user: { id: `m${i}`, traits: { email: `m${i}@example.com` } } }),
    );
    for (const r of rs) expect((await h.post('/v1/sites/demo/responses', r)).status).toBe(202);
    const a = await (await h.admin('/v1/admin/stories', { method: 'POST', ...json({ site: 'demo', responses: [rs[0]!.id, rs[1]!.id] }) })).json();
    const b = await (await h.admin('/v1/admin/stories', { method: 'POST', ...json({ site: 'demo', responses: [rs[2]!.id] }) })).json();
    expect(a.kind).toBe('bug');
    const merged = await (await h.admin(`/v1/admin/stories/${a.id}/merge`, { method: 'POST', ...json({ from: [b.id] }) })).json();
    expect(merged.evidence.uniqueUsers).toBe(3);
    expect((await (await h.admin(`/v1/admin/responses/${rs[2]!.id}/stories`)).json()).items.map((s: { id: string }) => s.id).sort()).toEqual([a.id, b.id].sort());
    await h.admin(`/v1/admin/stories/${a.id}/escalate`, { method: 'POST', ...json({ note: 'recurring' }) });
    await h.admin(`/v1/admin/stories/${a.id}/initiative`, { method: 'PUT', ...json({ initiativeId: 'ini_x' }) });
    expect((await (await h.admin('/v1/admin/stories?escalated=true&initiative=ini_x')).json()).items).toHaveLength(1);
    const page1 = await (await h.admin('/v1/admin/stories?site=demo&limit=1')).json();
    const page2 = await (await h.admin(`/v1/admin/stories?site=demo&limit=1&cursor=${page1.nextCursor}`)).json();
    expect([page1.items[0].id, page2.items[0].id].sort()).toEqual([a.id, b.id].sort());
    expect((await (await h.admin(`/v1/admin/stories/${a.id}`, { method: 'PATCH', ...json({ initiativeId: null }) })).json()).initiativeId).toBeUndefined();
    for (const status of ['ready', 'exported', 'done']) {
      expect((await h.admin(`/v1/admin/stories/${a.id}`, { method: 'PATCH', ...json({ status }) })).status).toBe(200);
    }
    const got = await rx.waitFor(2);
    expect(verifySignature(hook.secret, got[1]!.body, got[1]!.headers['x-hark-signature'] as string, got[1]!.headers['x-hark-timestamp'] as string)).toBe(true);
    expect(JSON.parse(got[1]!.body).data.respondents.map((r: { email: string }) => r.email).sort()).toEqual(['m0@example.com', 'm1@example.com', 'm2@example.com']);
    for (let i = 0; i < 100; i++) {
      const log = (await (await h.admin(`/v1/admin/webhooks/${hook.id}/deliveries`)).json()).items;
      if (log[0]?.status === 'delivered') {
        expect(log[0].attempts.map((x: { statusCode: number }) => x.statusCode)).toEqual([500, 200]);
        return;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('not delivered');
  });
});
