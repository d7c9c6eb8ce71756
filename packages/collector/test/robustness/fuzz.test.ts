import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type Harness, startTestHark } from '../support/harness.ts';

// Seeded so a failure can be replayed: FUZZ_SEED=<n> npx vitest run test/robustness/fuzz.test.ts
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = prng(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

const NASTY: unknown[] = [
  null, true, false, 0, -1, 1e308, -0, 3.14, '', ' ', 'x'.repeat(100_000), '\u0000', '\ud800', '😀'.repeat(1000),
  '<img src=x onerror=alert(1)>', '{"$gt":""}', { $gt: '' }, { $ne: null }, { $where: 'sleep(1000)' }, [], [[[]]], {},
  { __proto__: { polluted: 1 } }, JSON.parse('{"__proto__":{"polluted":1}}'), { constructor: { prototype: { polluted: 1 } } },
  { 'a.b': 1 }, Array.from({ length: 1000 }, (_, i) => i), '../../etc/passwd', 'javascript:alert(1)', 'NaN', '1e999',
];

/** encodeURIComponent, but a lone surrogate (which it cannot encode) is sent as raw %-bytes instead. */
function enc(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
}

function deep(n: number): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < n; i++) v = rnd() < 0.5 ? { k: v } : [v];
  return v;
}

function valid(): Record<string, unknown> {
  return {
    id: randomUUID(),
    surveyId: 'demo-nps',
    type: 'nps',
    score: 7,
    comment: 'fine',
    locale: 'en',
    context: { url: 'https://a.test/x', element: 'Export' },
    user: { id: 'u1', traits: { plan: 'pro' } },
  };
}

/** A valid response with one or more fields broken in a random way. */
function mutate(obj: Record<string, unknown>): unknown {
  const o: Record<string, unknown> = structuredClone(obj);
  const rounds = 1 + Math.floor(rnd() * 3);
  for (let r = 0; r < rounds; r++) {
    const paths = ['id', 'surveyId', 'type', 'score', 'comment', 'locale', 'context', 'context.url', 'context.element', 'user', 'user.id', 'user.traits', 'answers', '__proto__', 'constructor', '$where', 'extra'];
    const path = pick(paths);
    const value = rnd() < 0.15 ? deep(5 + Math.floor(rnd() * 200)) : structuredClone(pick(NASTY));
    const parts = path.split('.');
    let target: Record<string, unknown> = o;
    for (const p of parts.slice(0, -1)) {
      if (typeof target[p] !== 'object' || target[p] === null) target[p] = {};
      target = target[p] as Record<string, unknown>;
    }
    Object.defineProperty(target, parts.at(-1)!, { value, enumerable: true, configurable: true, writable: true });
    if (rnd() < 0.05) delete target[parts.at(-1)!];
  }
  return rnd() < 0.1 ? [o, valid()] : o;
}

function rawGarbage(): Buffer {
  const kinds = [
    () => Buffer.from([0xff, 0xfe, 0xfd, 0x80, 0x81]),
    () => Buffer.concat([Buffer.from('{"id":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]),
    () => Buffer.from('{'.repeat(5000)),
    () => Buffer.from('['.repeat(3000) + ']'.repeat(3000)),
    () => Buffer.from(JSON.stringify(valid()).slice(0, Math.floor(rnd() * 80))),
    () => Buffer.from('null'),
    () => Buffer.from('"just a string"'),
    () => Buffer.from(Array.from({ length: 200 }, () => String.fromCharCode(Math.floor(rnd() * 256))).join(''), 'latin1'),
  ];
  return pick(kinds)();
}

interface Case {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

function makeCase(): Case {
  const ct = rnd() < 0.7 ? pick(['application/json', 'text/plain']) : pick(['application/json', 'text/plain', 'text/plain;charset=utf-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', '', 'application/json; charset=utf-16', 'application/json; charset=koi8-r']);
  const headers: Record<string, string> = ct ? { 'content-type': ct } : {};
  const site = rnd() < 0.75 ? 'demo' : pick(['nope', '%00', '..%2f..', 'a'.repeat(300), '$where', '__proto__', 'DEMO']);
  const roll = rnd();
  if (roll < 0.55) {
    const body = rnd() < 0.8 ? JSON.stringify(mutate(valid())) : rawGarbage();
    return { method: 'POST', path: `/v1/sites/${site}/responses`, headers, body };
  }
  if (roll < 0.65) return { method: pick(['GET', 'OPTIONS', 'HEAD']), path: `/v1/sites/${site}/config?${pick(['', 'x[$gt]=1', 'a=' + 'b'.repeat(5000)])}`, headers: { origin: pick(['https://evil.test', 'null', 'http://localhost']) } };
  const adminHeaders = { ...headers, authorization: `Bearer ${ADMIN}` };
  const adminBody = () => (rnd() < 0.7 ? JSON.stringify(pick([{ key: pick(NASTY), name: pick(NASTY), allowedOrigins: pick(NASTY) }, { name: pick(NASTY), kind: pick(NASTY) }, { kind: pick(NASTY) }, mutate({ themes: [{ name: 'x', keywords: { en: ['y'] } }] }), deep(50)])) : rawGarbage());
  const admin: (() => Case)[] = [
    () => ({ method: 'POST', path: '/v1/admin/sites', headers: adminHeaders, body: adminBody() }),
    () => ({ method: 'PATCH', path: `/v1/admin/sites/${site}`, headers: adminHeaders, body: adminBody() }),
    () => ({ method: 'POST', path: `/v1/admin/sites/${site}/surveys`, headers: adminHeaders, body: adminBody() }),
    () => ({ method: 'PATCH', path: `/v1/admin/surveys/${pick(['demo-nps', 'x', '%24gt'])}`, headers: adminHeaders, body: adminBody() }),
    () => ({ method: 'PUT', path: `/v1/admin/sites/${site}/taxonomy`, headers: adminHeaders, body: adminBody() }),
    () => ({ method: 'PATCH', path: `/v1/admin/responses/${pick(['x', randomUUID()])}/tags`, headers: adminHeaders, body: adminBody() }),
    () => ({ method: 'GET', path: `/v1/admin/responses?${pick(['limit=-1', 'limit=1e9', 'cursor=eyJ0IjoiYSJ9', 'cursor=' + 'A'.repeat(400), 'from=2020-13-45', 'site[$ne]=a', 'q=' + encodeURIComponent('(a+)+$'), 'sentiment=angry', 'site=demo&site=demo'])}`, headers: adminHeaders }),
    () => ({ method: 'GET', path: `/v1/admin/responses/export?format=${pick(['csv', 'jsonl', 'xml', ''])}&site=${site}`, headers: adminHeaders }),
    () => ({ method: 'DELETE', path: `/v1/admin/users/${enc(String(pick(NASTY)).slice(0, 300)) || 'x'}`, headers: adminHeaders }),
    () => ({ method: 'POST', path: '/v1/admin/tokens', headers: adminHeaders, body: adminBody() }),
  ];
  return pick(admin)();
}

let h: Harness;
beforeAll(async () => {
  h = await startTestHark({ ratePerIpPerMin: 10_000_000, ratePerSitePerMin: 10_000_000 });
});
afterAll(async () => {
  await h?.close();
});

describe(`fuzzing every public and admin endpoint (seed ${SEED})`, () => {
  it('answers 10,000 malformed requests with no 5xx, no crash, and a JSON error for every 4xx', { timeout: 180_000 }, async () => {
    const N = 10_000;
    const statuses = new Map<number, number>();
    let i = 0;
    const failures: string[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (i < N) {
          i++;
          const c = makeCase();
          const res = await fetch(h.url + c.path, { method: c.method, headers: c.headers, body: c.body as string | undefined });
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const text = c.method === 'HEAD' ? '' : await res.text();
          if (res.status >= 500) failures.push(`${res.status} ${c.method} ${c.path.slice(0, 80)}: ${text.slice(0, 200)}`);
          else if (res.status >= 400 && c.method !== 'HEAD') {
            try {
              const j = JSON.parse(text) as { error?: { code?: string; message?: string } };
              if (!j.error?.code || !j.error.message) failures.push(`${res.status} without error shape: ${c.method} ${c.path.slice(0, 80)}`);
            } catch {
              failures.push(`${res.status} not JSON: ${c.method} ${c.path.slice(0, 80)}: ${text.slice(0, 100)}`);
            }
          }
        }
      }),
    );
    console.log(`fuzz seed ${SEED}: statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    expect(failures.slice(0, 20), `seed ${SEED}`).toEqual([]);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(N);
    // Still healthy and nothing leaked onto Object.prototype.
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
