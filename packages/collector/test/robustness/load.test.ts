import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN } from '../support/harness.ts';
import { startChildHark } from '../support/child-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'hark-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TOTAL = 50_000;
const DUP_SHARE = 0.1;
const CLIENTS = 16;
const BATCH = 25;

function response(id: string, i: number) {
  return {
    id,
    surveyId: 'demo-nps',
    type: 'nps',
    score: i % 11,
    comment: i % 3 ? `load test answer ${i}` : undefined,
    locale: i % 2 ? 'fr' : 'en',
    context: { url: `https://shop.example.com/p/${i % 100}` },
    user: { id: `u${i % 5000}` },
  };
}

describe('load: 50k responses, 10% duplicates, random retries', () => {
  it('stores exactly the distinct responses: none lost, none doubled', { timeout: 120_000 }, async () => {
    const h = await startChildHark('serve', {
      HARK_DATA_DIR: dir,
      HARK_ADMIN_TOKEN: ADMIN,
      HARK_DEMO: 'true',
      HARK_RATE_IP_PER_MIN: '10000000',
      HARK_RATE_SITE_PER_MIN: '10000000',
      HARK_BODY_LIMIT_KB: '256',
    });
    try {
      // 45k distinct ids; 5k of the 50k sends re-use an id already sent (a client re-sending after a lost answer).
      const distinct = Math.round(TOTAL * (1 - DUP_SHARE));
      const ids: string[] = Array.from({ length: distinct }, () => randomUUID());
      const sends = ids.map((id, i) => response(id, i));
      for (let k = 0; k < TOTAL - distinct; k++) {
        const j = Math.floor(Math.random() * distinct);
        sends.push(response(ids[j]!, j));
      }
      sends.sort(() => Math.random() - 0.5);

      let next = 0;
      let retries = 0;
      let failures = 0;
      const post = (body: unknown) =>
        fetch(`${h.url}/v1/sites/demo/responses`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(body) });
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          while (next < sends.length) {
            const batch = sends.slice(next, next + BATCH);
            next += BATCH;
            let res = await post(batch);
            // Random retries: sometimes the client never saw the answer and sends the same batch again, even concurrently.
            if (Math.random() < 0.05) {
              retries++;
              const [again] = await Promise.all([post(batch), res.arrayBuffer()]);
              res = again;
            }
            if (res.status !== 202) failures++;
            await res.arrayBuffer();
          }
        }),
      );
      expect(failures).toBe(0);
      expect(retries).toBeGreaterThan(0);

      const exported = await fetch(`${h.url}/v1/admin/responses/export?site=demo&format=jsonl`, { headers: { authorization: `Bearer ${ADMIN}` } });
      const lines = (await exported.text()).trim().split('\n');
      const stored = lines.map((l) => (JSON.parse(l) as { id: string }).id);
      expect(stored.length).toBe(distinct);
      expect(new Set(stored).size).toBe(distinct);
      const want = new Set(ids);
      expect(stored.every((id) => want.has(id))).toBe(true);
    } finally {
      h.child.kill('SIGTERM');
      await h.exited;
    }
  });
});
