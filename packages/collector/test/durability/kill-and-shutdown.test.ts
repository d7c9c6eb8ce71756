import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN, npsResponse, get } from '../support/harness.ts';
import { startChildHark, type ChildHark } from '../support/child-server.ts';
import { startTestMongo, uniqueDbName } from '../support/mongo-server.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function envFor(): Record<string, string> {
  const d = mkdtempSync(join(tmpdir(), 'hark-durable-'));
  dirs.push(d);
  return { HARK_DATA_DIR: d, HARK_ADMIN_TOKEN: ADMIN, HARK_DEMO: 'true', HARK_RATE_IP_PER_MIN: '1000000', HARK_RATE_SITE_PER_MIN: '1000000' };
}

async function storedIds(h: ChildHark): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await get(`${h.url}/v1/admin/responses?site=demo&limit=500${cursor ? `&cursor=${cursor}` : ''}`, {
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    const page = (await res.json()) as { items: { id: string }[]; nextCursor: string | null };
    out.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** Concurrent clients posting until told to stop; returns the ids that got a 202. */
function load(url: string, clients: number) {
  const acked: string[] = [];
  let running = true;
  const workers = Array.from({ length: clients }, async () => {
    while (running) {
      const r = npsResponse();
      try {
        const res = await get(`${url}/v1/sites/demo/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(r) });
        if (res.status === 202) acked.push(r.id);
        await res.arrayBuffer();
      } catch {
        // The server died mid-request: this answer was never acknowledged.
      }
    }
  });
  return {
    acked,
    stop: async () => {
      running = false;
      await Promise.all(workers);
    },
  };
}


interface KillHooks {
  /** Runs on the first collector before the load starts. */
  before?: (h: ChildHark) => Promise<void>;
  /** Runs on the restarted collector, with the ids it stores. */
  after?: (h: ChildHark, stored: string[]) => Promise<void>;
}

/** Loads a collector, kills it with SIGKILL mid-load, restarts it, and returns the acknowledged ids missing after restart. */
async function killUnderLoad(env: Record<string, string>, clients: number, minAcked: number, hooks: KillHooks = {}): Promise<{ lost: string[]; stored: string[] }> {
  const first = await startChildHark('serve', env);
  await hooks.before?.(first);
  const l = load(first.url, clients);
  while (l.acked.length < minAcked) await new Promise((r) => setTimeout(r, 20));
  first.child.kill('SIGKILL');
  await first.exited;
  await l.stop();
  const second = await startChildHark('serve', env);
  try {
    const stored = await storedIds(second);
    const set = new Set(stored);
    await hooks.after?.(second, stored);
    return { lost: l.acked.filter((id) => !set.has(id)), stored };
  } finally {
    second.child.kill('SIGTERM');
    await second.exited;
  }
}

describe('durability of acknowledged writes (embedded store)', () => {
  it('keeps every response that got a 202 when the collector is killed with SIGKILL under load', async () => {
    const { lost, stored } = await killUnderLoad(envFor(), 16, 300);
    expect(stored.length).toBe(new Set(stored).size);
    expect(lost, `${lost.length} acknowledged responses lost`).toEqual([]);
  });

  it('counts every stored answer in the insights after SIGKILL: the roll-up is rebuilt after an unclean stop', async () => {
    const env = envFor();
    const nps = async (h: ChildHark) =>
      (await (await get(`${h.url}/v1/admin/insights/nps?site=demo`, { headers: { authorization: `Bearer ${ADMIN}` } })).json()) as {
        overall: { counts: { total: number } };
      };
    // Under load, increments wait up to the roll-up's write window: some die with the process.
    await killUnderLoad(env, 16, 400, {
      before: async (first) => expect((await nps(first)).overall.counts.total).toBe(0), // the roll-up exists from here on
      after: async (second, stored) => expect((await nps(second)).overall.counts.total).toBe(stored.length),
    });
  });

  it('finishes in-flight requests on SIGTERM and exits 0', async () => {
    const env = envFor();
    const h = await startChildHark('serve', env);
    const l = load(h.url, 8);
    while (l.acked.length < 100) await new Promise((r) => setTimeout(r, 20));
    h.child.kill('SIGTERM');
    expect(await h.exited).toBe(0);
    await l.stop();
    const again = await startChildHark('serve', env);
    try {
      const stored = new Set(await storedIds(again));
      expect(l.acked.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  });

  it('refuses a second process on the same data directory with a message naming the holder', async () => {
    const env = envFor();
    const h = await startChildHark('serve', env);
    try {
      await expect(startChildHark('serve', env)).rejects.toThrow(/in use by hark collector \(pid \d+\)/);
    } finally {
      h.child.kill('SIGTERM');
      await h.exited;
    }
  });
});

describe('durability of acknowledged writes (MongoDB adapter)', () => {
  it('keeps every response that got a 202 when the collector is killed with SIGKILL under load', async () => {
    const mongo = await startTestMongo();
    const env = { ...envFor(), MONGODB_URI: mongo.uri, MONGODB_DB: uniqueDbName('hark_crash') };
    try {
      const { lost, stored } = await killUnderLoad(env, 8, 150);
      expect(stored.length).toBe(new Set(stored).size);
      expect(lost, `${lost.length} acknowledged responses lost`).toEqual([]);
    } finally {
      await mongo.stop();
    }
  });
});

describe('first start', () => {
  it('`hark start` creates a missing data directory, seeds the demo site and prints the URLs and a one-time admin token', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'hark-first-'));
    dirs.push(parent);
    const h = await startChildHark('start', { HARK_DATA_DIR: join(parent, 'does', 'not', 'exist'), HARK_ADMIN_TOKEN: '' });
    try {
      const out = h.output();
      expect(out).toMatch(/widget demo\s+http:\/\/127\.0\.0\.1:\d+\/demo\//);
      await new Promise((r) => setTimeout(r, 300));
      const printed = /Admin token \(shown once[^)]*\): (hark_\S+)/.exec(h.output());
      expect(printed, h.output()).not.toBeNull();
      const list = await fetch(`${h.url}/v1/admin/sites`, { headers: { authorization: `Bearer ${printed![1]}` } });
      expect(list.status).toBe(200);
      expect((await get(`${h.url}/v1/sites/demo/config`)).status).toBe(200);
    } finally {
      h.child.kill('SIGTERM');
      await h.exited;
    }
  });
});
