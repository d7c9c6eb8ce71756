import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminRoutes } from '../../src/http/routes/admin.ts';
import { type Harness, startTestHark, get } from '../support/harness.ts';

let h: Harness;
let viewer: string;
beforeAll(async () => {
  h = await startTestHark();
  const res = await h.admin('/v1/admin/tokens', { method: 'POST', body: JSON.stringify({ name: 'read only', role: 'viewer' }) });
  viewer = (await res.json()).token;
});
afterAll(async () => {
  await h?.close();
});

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every route of the admin router (and the routers it mounts), read from the router itself so a new route is covered without editing this test. */
function enumerateAdminRoutes(): { method: string; path: string }[] {
  const out: { method: string; path: string }[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.handle?.stack) walk(layer.handle.stack);
      if (!layer.route) continue;
      for (const [method, on] of Object.entries(layer.route.methods)) {
        if (on && method !== '_all') out.push({ method: method.toUpperCase(), path: layer.route.path });
      }
    }
  };
  walk((adminRoutes(h.services, 64) as unknown as { stack: Layer[] }).stack);
  return out;
}

const concrete = (path: string) =>
  `/v1/admin${path.replace(':siteKey', 'demo').replace(':id', 'demo-nps').replace(':userId', 'u1')}`;

describe('admin API authentication', () => {
  const routes = () => enumerateAdminRoutes();

  it('finds the admin routes to check', () => {
    expect(routes().length).toBeGreaterThanOrEqual(22);
  });

  it('refuses every admin route without a token, with a bad token and with a malformed header', async () => {
    for (const { method, path } of routes()) {
      for (const headers of [{}, { authorization: 'Bearer hark_not-a-real-token' }, { authorization: 'Basic YWRtaW46YWRtaW4=' }] as Record<string, string>[]) {
        const res = await get(h.url + concrete(path), {
          method,
          headers: { ...headers, 'content-type': 'application/json' },
          body: method === 'GET' || method === 'DELETE' ? undefined : '{}',
        });
        expect(res.status, `${method} ${path} with ${JSON.stringify(headers)}`).toBe(401);
        expect((await res.json()).error.code).toBe('unauthorized');
      }
    }
  });

  it('a viewer may read but not change anything', async () => {
    for (const { method, path } of routes()) {
      const res = await get(h.url + concrete(path), {
        method,
        headers: { authorization: `Bearer ${viewer}`, 'content-type': 'application/json' },
        body: method === 'GET' || method === 'DELETE' ? undefined : '{}',
      });
      if (method === 'GET' && !path.startsWith('/tokens')) expect(res.status, `${method} ${path}`).not.toBe(403);
      else expect(res.status, `${method} ${path}`).toBe(403);
      await res.arrayBuffer();
    }
  });

  it('a revoked token stops working', async () => {
    const created = await (await h.admin('/v1/admin/tokens', { method: 'POST', body: JSON.stringify({ name: 'temp', role: 'pm' }) })).json();
    expect((await h.admin('/v1/admin/sites', { token: created.token })).status).toBe(200);
    expect((await h.admin(`/v1/admin/tokens/${created.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await h.admin('/v1/admin/sites', { token: created.token })).status).toBe(401);
  });

  it('documents every admin route in the OpenAPI document', async () => {
    const doc = await (await get(`${h.url}/v1/openapi.json`)).json();
    for (const { method, path } of routes()) {
      const oaPath = `/v1/admin${path.replace(/:(\w+)/g, '{$1}')}`;
      expect(doc.paths[oaPath]?.[method.toLowerCase()], `${method} ${oaPath}`).toBeDefined();
    }
  });

  it('never returns token hashes', async () => {
    const list = await (await h.admin('/v1/admin/tokens')).json();
    expect(JSON.stringify(list)).not.toMatch(/hash/);
    expect(list.items.some((t: { role: string }) => t.role === 'admin')).toBe(true);
  });
});
