import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type TestResponse, listAll, npsResponse, startTestHark, get } from '../support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startTestHark({ ratePerIpPerMin: 1000, ratePerSitePerMin: 1000 });
  const site = await h.admin('/v1/admin/sites', {
    method: 'POST',
    body: JSON.stringify({ key: 'shop', name: 'Shop', allowedOrigins: ['https://shop.example.com'] }),
  });
  expect(site.status).toBe(201);
  const survey = await h.admin('/v1/admin/sites/shop/surveys', { method: 'POST', body: JSON.stringify({ id: 'shop-nps', name: 'NPS', kind: 'nps' }) });
  expect(survey.status).toBe(201);
});
afterAll(async () => {
  await h?.close();
});

const shopResponse = () => npsResponse({ surveyId: 'shop-nps' });

describe('CORS per site', () => {
  it('lets a listed origin in and tells the browser so', async () => {
    const r = shopResponse();
    const res = await h.post('/v1/sites/shop/responses', r, { origin: 'https://shop.example.com', 'content-type': 'text/plain' });
    expect(res.status).toBe(202);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
    expect(res.headers.get('vary')).toMatch(/Origin/i);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/ETag.*Retry-After/);
  });

  it('refuses an unlisted origin outright and stores nothing (a text/plain POST needs no preflight)', async () => {
    const r = shopResponse();
    const res = await h.post('/v1/sites/shop/responses', r, { origin: 'https://evil.example.net', 'content-type': 'text/plain' });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect((await res.json()).error.code).toBe('origin_not_allowed');
    expect((await h.admin(`/v1/admin/responses/${r.id}`)).status).toBe(404);
    const cfg = await get(`${h.url}/v1/sites/shop/config`, { headers: { origin: 'https://evil.example.net' } });
    expect(cfg.status).toBe(403);
  });

  it('answers preflights for listed origins only', async () => {
    const ok = await get(`${h.url}/v1/sites/shop/responses`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
    expect(ok.headers.get('access-control-allow-methods')).toMatch(/POST/);
    const no = await get(`${h.url}/v1/sites/shop/responses`, {
      method: 'OPTIONS',
      headers: { origin: 'https://other.example.com', 'access-control-request-method': 'POST' },
    });
    expect(no.status).toBe(403);
    expect(no.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('the demo site allows any origin', async () => {
    const res = await h.post('/v1/sites/demo/responses', npsResponse(), { origin: 'http://localhost:5173' });
    expect(res.status).toBe(202);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  it('a changed origin list applies (after the short site cache)', async () => {
    const res = await h.admin('/v1/admin/sites/shop', { method: 'PATCH', body: JSON.stringify({ allowedOrigins: ['https://new.example.com'] }) });
    expect(res.status).toBe(200);
    const now = await h.post('/v1/sites/shop/responses', shopResponse(), { origin: 'https://new.example.com' });
    expect(now.status).toBe(202);
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After and a JSON error once an IP exceeds its budget, and stores none of the refused', async () => {
    const limited = await startTestHark({ ratePerIpPerMin: 5, ratePerSitePerMin: 1000 });
    try {
      const sent = Array.from({ length: 8 }, () => npsResponse());
      const statuses: number[] = [];
      let last: TestResponse | undefined;
      for (const r of sent) {
        last = await limited.post('/v1/sites/demo/responses', r);
        statuses.push(last.status);
        if (last.status === 429) {
          expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
          expect((await last.json()).error.code).toBe('rate_limited');
        } else await last.arrayBuffer();
      }
      expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429, 429]);
      expect(await listAll(limited, 'site=demo')).toHaveLength(5);
    } finally {
      await limited.close();
    }
  });

  it('also limits per site across IPs', async () => {
    const limited = await startTestHark({ ratePerIpPerMin: 1000, ratePerSitePerMin: 3, trustProxy: 'true' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await limited.post('/v1/sites/demo/responses', npsResponse(), { 'x-forwarded-for': `10.0.0.${i}` });
        statuses.push(res.status);
        await res.arrayBuffer();
      }
      expect(statuses).toEqual([202, 202, 202, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
