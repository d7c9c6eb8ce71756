import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaggerPool } from '../../src/triage/tagger-pool.ts';
import { tagResponse } from '../../src/triage/tagger.ts';
import { DEFAULT_TAXONOMY } from '../../src/triage/themes.ts';
import { npsResponse, startTestHark, type Harness } from '../support/harness.ts';

const inputs = [
  { type: 'nps', score: 2, comment: 'Way too expensive since the new pricing, we are leaving', locale: 'en' },
  { type: 'nps', score: 6, comment: "L'export PDF des factures ne marche plus depuis mardi", locale: 'fr', context: { url: 'https://x.test/invoices' } },
  { type: 'feature_feedback', score: 5, comment: 'Love the new board view', locale: 'en', context: { feature: 'boards' } },
  { type: 'exit_intent', comment: 'Call me at +33 6 12 34 56 78, checkout keeps failing', locale: 'en' },
];

describe('tagger worker threads', () => {
  let pool: TaggerPool;
  beforeAll(async () => {
    pool = await TaggerPool.start(2);
  }, 30_000);
  afterAll(() => pool.close());

  it('tag exactly as the event loop does, for batches sent in one turn', async () => {
    const custom = [...DEFAULT_TAXONOMY, { name: 'invoices', keywords: { en: ['invoice'], fr: ['facture'] } }];
    const got = await Promise.all(inputs.flatMap((x) => [pool.tag(x, {}), pool.tag(x, { taxonomy: custom })]));
    expect(got).toEqual(inputs.flatMap((x) => [tagResponse(x), tagResponse(x, { taxonomy: custom })]));
    expect(got[3]!.themes).toContain('invoices');
  });

  it('fail the jobs of a thread that dies, then answer again from a new one', async () => {
    const slots = (pool as unknown as { slots: { worker: { terminate(): Promise<number> } }[] }).slots;
    // A batch long enough (thousands of answers) to still be running when its thread dies.
    const pending = Promise.allSettled(Array.from({ length: 3000 }, (_, i) => pool.tag(inputs[i % inputs.length]!, {})));
    await new Promise((r) => setImmediate(r)); // the batch is on its way to a thread
    await Promise.all(slots.map((s) => s.worker.terminate()));
    const settled = await pending;
    expect(settled.every((s) => s.status === 'rejected' && /tagger thread/.test(String(s.reason)))).toBe(true);
    for (let i = 0; i < 100 && slots.length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await pool.tag(inputs[0]!, {})).toEqual(tagResponse(inputs[0]!));
  }, 30_000);
});

describe('a collector tagging on worker threads', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startTestHark({ taggerThreads: 1 });
  }, 30_000);
  afterAll(() => h.close());

  it('stores each answer with its tags and its comment masked, in the same write', async () => {
    const r = npsResponse({ score: 3, comment: 'Checkout keeps failing, mail me at jo@example.com' });
    expect((await h.post('/v1/sites/demo/responses', r)).status).toBe(202);
    const stored = await (await h.admin(`/v1/admin/responses/${r.id}?site=demo`)).json();
    expect(stored.tagging.status).toBe('done');
    expect(stored.tags.kind).toBe('bug');
    expect(stored.comment).not.toContain('jo@example.com');
    expect(stored.tags.pii).toContain('email');
  });
});
