// The collector is up but its store is not: ingest answers 503. The widget's outbox must
// keep the answer and deliver it exactly once when the store is back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialog, newPage, responses, setup, waitFor, type Env } from './harness.ts';

let env: Env;
beforeAll(async () => {
  env = await setup();
});
afterAll(async () => {
  await env?.close();
});


/** The embedded store's fault switch (EmbeddedStore.setOutage). */
function outage(on: boolean) {
  (env.hark as unknown as { services: { store: { setOutage(on: boolean): void } } }).services.store.setOutage(on);
}

describe('store down (browser)', () => {
  it('answers given while the store is down arrive exactly once after it is back', async () => {
    const { ctx, page, base } = await newPage(env);
    const statuses: number[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/v1/sites/demo/responses')) statuses.push(r.status());
    });
    await page.goto(`${base}storedown?noexit`);
    await dialog(page).waitFor({ timeout: 10_000 });
    outage(true);
    try {
      await dialog(page).getByRole('button', { name: '3', exact: true }).click();
      await dialog(page).locator('textarea').fill('sent while the store was down');
      await dialog(page).getByRole('button', { name: 'Send' }).click();
      await waitFor(async () => statuses.includes(503), 10_000, 'a 503 from the collector');
      const outbox = () => page.evaluate(() => JSON.parse(localStorage.getItem('hark:demo:o') ?? '[]').length as number);
      expect(await outbox()).toBe(1);
    } finally {
      outage(false);
    }
    await waitFor(async () => statuses.includes(202), 60_000, 'a retry accepted once the store is back');
    await waitFor(
      async () => (await page.evaluate(() => JSON.parse(localStorage.getItem('hark:demo:o') ?? '[]').length as number)) === 0,
      10_000,
      'the outbox to drain',
    );
    const got = (await responses(env)).filter((i) => i.comment === 'sent while the store was down');
    expect(got).toHaveLength(1);
    expect(got[0]?.score).toBe(3);
    await ctx.close();
  });
});
