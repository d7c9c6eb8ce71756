// Every string that reaches the widget from outside (survey texts set in the admin API,
// and string overrides) is rendered as text, never as HTML.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, dialog, newPage, responses, setup, waitFor, type Env } from './harness.ts';

let env: Env;
beforeAll(async () => {
  env = await setup();
});
afterAll(async () => {
  await env?.close();
});

const PAYLOAD = '<img src=x onerror="window.__xss=1">';

describe('widget XSS', () => {
  it('renders hostile survey texts and string overrides inertly, and stores a hostile comment as text', async () => {
    const patch = await fetch(`${env.hark.url}/v1/admin/surveys/demo-nps`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        questions: [
          { type: 'nps', id: 'score', text: { en: `${PAYLOAD} How likely?` } },
          { type: 'text', id: 'comment', text: { en: `<script>window.__xss=2</script>Why?` } },
        ],
        strings: { en: { thanks: `${PAYLOAD} thanks` } },
      }),
    });
    expect(patch.status).toBe(200);
    const { ctx, page, base } = await newPage(env);
    await page.goto(`${base}xss?noexit`);
    await dialog(page).waitFor({ timeout: 15_000 });
    expect(await dialog(page).innerText()).toContain(PAYLOAD);
    const imgs = await page.evaluate(() => document.querySelector('hark-widget')?.shadowRoot?.querySelectorAll('img, script').length ?? -1);
    expect(imgs).toBe(0);
    await dialog(page).getByRole('button', { name: '9', exact: true }).click();
    expect(await dialog(page).innerText()).toContain('<script>window.__xss=2</script>Why?');
    await dialog(page).locator('textarea').fill(`${PAYLOAD} my comment`);
    await dialog(page).getByRole('button', { name: 'Send' }).click();
    await waitFor(async () => (await dialog(page).innerText()).includes('thanks'), 10_000, 'the thanks step');
    expect(await dialog(page).innerText()).toContain(`${PAYLOAD} thanks`);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null)).toBeNull();
    const got = (await responses(env)).find((r) => r.comment === `${PAYLOAD} my comment`);
    expect(got?.score).toBe(9);
    await ctx.close();
  });
});
