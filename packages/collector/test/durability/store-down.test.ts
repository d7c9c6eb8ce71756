import { describe, expect, it } from 'vitest';
import { npsResponse, startTestHark, get } from '../support/harness.ts';
import { startTestMongo, uniqueDbName } from '../support/mongo-server.ts';

describe('store unreachable', () => {
  it.skipIf(Boolean(process.env.MONGODB_URI))('answers 503 (not 500, not a hang) on /healthz and ingest when MongoDB goes away', async () => {
    const mongo = await startTestMongo();
    const h = await startTestHark({ mongodbUri: mongo.uri, mongodbDb: uniqueDbName(), storeTimeoutMs: 1000 });
    try {
      expect((await h.post('/v1/sites/demo/responses', npsResponse())).status).toBe(202);
      await mongo.stop();
      const t0 = Date.now();
      const health = await get(`${h.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'unavailable', store: 'mongodb' });
      const ingest = await h.post('/v1/sites/demo/responses', npsResponse({ surveyId: 'demo-nps' }));
      expect([503]).toContain(ingest.status);
      expect((await ingest.json()).error.code).toBe('store_unavailable');
      expect(Date.now() - t0).toBeLessThan(8000);
    } finally {
      await h.close().catch(() => {});
    }
  });

  it('embedded store outage: 503 with Retry-After within the bound, nothing half-stored, and 202 again once back', async () => {
    const h = await startTestHark();
    const { EmbeddedStore } = await import('../../src/store/embedded.ts');
    const store = h.services.store as InstanceType<typeof EmbeddedStore>;
    try {
      const r = npsResponse();
      store.setOutage(true);
      const t0 = Date.now();
      const down = await h.post('/v1/sites/demo/responses', r);
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toBeTruthy();
      expect((await down.json()).error.code).toBe('store_unavailable');
      expect((await get(`${h.url}/healthz`)).status).toBe(503);
      expect(Date.now() - t0).toBeLessThan(2000);
      store.setOutage(false);
      const up = await h.post('/v1/sites/demo/responses', r);
      expect(await up.json()).toEqual({ id: r.id, duplicate: false });
      expect((await get(`${h.url}/healthz`)).status).toBe(200);
    } finally {
      await h.close();
    }
  });

  it('answers 503 on /healthz once the embedded store is closed', async () => {
    const h = await startTestHark();
    await h.services.store.close();
    const res = await get(`${h.url}/healthz`);
    expect(res.status).toBe(503);
    await h.close();
  });
});
