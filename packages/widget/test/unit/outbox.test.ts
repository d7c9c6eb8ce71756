// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { backoffDelay, createOutbox, parseRetryAfter } from '../../src/outbox.ts';
import type { ResponseInput } from '../../src/types.ts';

const URL_ = 'https://c.test/v1/sites/demo/responses';
const KEY = 'hark:demo:o';

function resp(id: string, extra: Partial<ResponseInput> = {}): ResponseInput {
  return { id, surveyId: 's', type: 'nps', score: 9, locale: 'en', context: { url: 'https://a.test/' }, ...extra } as ResponseInput;
}

type Reply = number | 'network' | { status: number; headers?: Record<string, string> };

function harness(replies: Reply[] = []) {
  const calls: Array<{ body: unknown; headers: Record<string, string> }> = [];
  const timers: Array<{ fn: () => void; ms: number }> = [];
  const beacons: Array<{ url: string; body: Blob }> = [];
  let online = true;
  let clock = 1000;
  const delivered = new Map<string, number>();
  const ob = () =>
    createOutbox(URL_, KEY, {
      fetch: (async (_u: string, init: RequestInit) => {
        const body = JSON.parse(String(init.body));
        calls.push({ body, headers: init.headers as Record<string, string> });
        const r = replies.shift() ?? 202;
        if (r === 'network') throw new TypeError('Failed to fetch');
        const status = typeof r === 'number' ? r : r.status;
        if (status < 300) for (const x of Array.isArray(body) ? body : [body]) delivered.set(x.id, (delivered.get(x.id) ?? 0) + 1);
        return new Response(null, { status, headers: typeof r === 'object' ? r.headers : {} });
      }) as typeof fetch,
      now: () => clock,
      random: () => 0.5,
      setTimeout: (fn, ms) => timers.push({ fn, ms }),
      clearTimeout: () => {},
      beacon: (url, body) => (beacons.push({ url, body }), true),
      online: () => online,
    });
  return {
    calls, timers, beacons, delivered, ob,
    setOnline: (v: boolean) => (online = v),
    tick: (ms: number) => (clock += ms),
    async fireTimer() {
      const t = timers.shift();
      if (!t) throw new Error('no timer pending');
      t.fn();
      await settle();
      return t.ms;
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const stored = () => JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown[];

beforeEach(() => localStorage.clear());

describe('outbox delivery', () => {
  it('stores first, posts text/plain (no preflight), forgets on 202', async () => {
    const h = harness([202]);
    const o = h.ob();
    o.put(resp('a'), false);
    expect(stored()).toHaveLength(1);
    await settle();
    expect(h.calls[0]!.headers['Content-Type']).toBe('text/plain');
    expect(h.calls[0]!.body).toMatchObject({ id: 'a', score: 9 });
    expect(stored()).toHaveLength(0);
  });

  it('holds an answer in progress until released, then sends its final form once', async () => {
    const h = harness();
    const o = h.ob();
    o.put(resp('a'), true);
    await settle();
    expect(h.calls).toHaveLength(0);
    o.put(resp('a', { comment: 'more' }), false);
    await settle();
    expect(h.calls).toHaveLength(1);
    expect(h.calls[0]!.body).toMatchObject({ id: 'a', comment: 'more' });
  });

  it('survives a reload: a new outbox on the same storage sends what the old one could not', async () => {
    const h = harness(['network']);
    h.ob().put(resp('a'), false);
    await settle();
    expect(stored()).toHaveLength(1);
    await h.ob().flush(); // the next page view
    expect(h.delivered.get('a')).toBe(1);
    expect(stored()).toHaveLength(0);
  });

  it('retries 5xx and network errors with growing, jittered delays', async () => {
    const h = harness([503, 'network', 500, 202]);
    const o = h.ob();
    o.put(resp('a'), false);
    await settle();
    const d1 = await h.fireTimer();
    const d2 = await h.fireTimer();
    const d3 = await h.fireTimer();
    expect([d1, d2, d3]).toEqual([backoffDelay(1, 0.5), backoffDelay(2, 0.5), backoffDelay(3, 0.5)]);
    expect(d1).toBeLessThan(d2);
    expect(d2).toBeLessThan(d3);
    expect(h.timers).toHaveLength(0);
    expect(h.delivered.get('a')).toBe(1);
    expect(stored()).toHaveLength(0);
  });

  it('honours Retry-After on 429', async () => {
    const h = harness([{ status: 429, headers: { 'Retry-After': '7' } }, 202]);
    h.ob().put(resp('a'), false);
    await settle();
    expect(h.timers[0]!.ms).toBe(7000 + 500);
    await h.fireTimer();
    expect(h.delivered.get('a')).toBe(1);
  });

  it('waits while offline and sends as soon as the network is back', async () => {
    const h = harness();
    h.setOnline(false);
    const o = h.ob();
    o.put(resp('a'), false);
    o.put(resp('b'), false);
    await settle();
    expect(h.calls).toHaveLength(0);
    h.setOnline(true);
    o.wake();
    await settle();
    expect(h.calls).toHaveLength(1);
    expect(h.calls[0]!.body).toHaveLength(2); // one batch
    expect([...h.delivered.keys()].sort()).toEqual(['a', 'b']);
  });

  it('isolates an answer the collector rejects (400) instead of losing the batch', async () => {
    const h = harness([400, 202, 400, 202]);
    const o = h.ob();
    h.setOnline(false);
    o.put(resp('good1'), false);
    o.put(resp('bad'), false);
    o.put(resp('good2'), false);
    h.setOnline(true);
    await o.flush();
    await settle();
    expect(h.delivered.get('good1')).toBe(1);
    expect(h.delivered.get('good2')).toBe(1);
    expect(h.delivered.has('bad')).toBe(false);
    expect(stored()).toHaveLength(0);
  });

  it('on pagehide hands pending answers to sendBeacon as text/plain and keeps them until acknowledged', async () => {
    const h = harness(['network']);
    const o = h.ob();
    o.put(resp('a'), false);
    await settle();
    o.beacon();
    expect(h.beacons).toHaveLength(1);
    expect(h.beacons[0]!.body.type).toBe('text/plain');
    expect(JSON.parse(await h.beacons[0]!.body.text())[0].id).toBe('a');
    expect(stored()).toHaveLength(1);
  });

  it('sends a hold left behind by a page view that died mid-answer', async () => {
    const h = harness();
    h.ob().put(resp('a'), true);
    h.tick(31 * 60_000);
    await h.ob().flush();
    expect(h.delivered.get('a')).toBe(1);
  });
});

describe('retry arithmetic', () => {
  it('backoff doubles up to a cap, with jitter in [exp/2, exp]', () => {
    expect(backoffDelay(1, 0)).toBe(500);
    expect(backoffDelay(1, 1)).toBe(1000);
    expect(backoffDelay(3, 1)).toBe(4000);
    expect(backoffDelay(30, 1)).toBe(60_000);
    expect(backoffDelay(5, 0.3, 2000)).toBe(2300);
  });
  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });
});
