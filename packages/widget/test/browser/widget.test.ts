// Browser tests: real Chromium, real collector, the built script tag (dist/).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { dialog, newPage, responses, setup, shot, waitFor, type Env } from './harness.ts';

let env: Env;
beforeAll(async () => {
  env = await setup();
});
afterAll(async () => {
  await env?.close();
});

const find = (items: Awaited<ReturnType<typeof responses>>, pred: (i: (typeof items)[number]) => boolean) => items.filter(pred);

describe('widget in Chromium', () => {
  it('NPS end to end on the demo page: score, category follow-up, comment, listed by the admin API', async () => {
    const { ctx, page } = await newPage(env);
    await page.goto(`${env.hark.url}/demo/`);
    await dialog(page).waitFor({ timeout: 10_000 });
    await expect(dialog(page).locator('h2').textContent()).resolves.toContain('recommend');
    await dialog(page).getByRole('button', { name: '9', exact: true }).click();
    await expect(dialog(page).locator('h2').textContent()).resolves.toContain('like most');
    await dialog(page).locator('textarea').fill('Love the monthly report');
    await dialog(page).getByRole('button', { name: 'Send' }).click();
    await expect(dialog(page).locator('h2').textContent()).resolves.toContain('Thank you');
    const hit = await waitFor(async () => find(await responses(env), (i) => i.comment === 'Love the monthly report')[0], 15_000, 'NPS response');
    expect(hit).toMatchObject({ surveyId: 'demo-nps', score: 9, locale: 'en' });
    expect(hit.context.trigger).toBe('delay');
    await ctx.close();
  });

  it('exit intent fires when the real mouse leaves through the top edge', async () => {
    const { ctx, page, base } = await newPage(env);
    await page.goto(`${base}exit?nonps`);
    await page.waitForFunction(() => !!(window as unknown as { Hark?: { destroy?: unknown } }).Hark?.destroy);
    await page.mouse.move(500, 400);
    await page.waitForTimeout(1500); // dwell (minDwellMs 1000 in the demo seed)
    await page.mouse.move(500, 200, { steps: 5 });
    await page.mouse.move(500, -20, { steps: 5 });
    await dialog(page).waitFor({ timeout: 5000 });
    await expect(dialog(page).locator('h2').textContent()).resolves.toContain('Before you go');
    await dialog(page).locator('textarea').fill('Too expensive');
    await dialog(page).getByRole('button', { name: 'Send' }).click();
    const hit = await waitFor(async () => find(await responses(env), (i) => i.comment === 'Too expensive')[0], 15_000, 'exit response');
    expect(hit.surveyId).toBe('demo-exit');
    expect(hit.context.trigger).toBe('exit:top-edge');
    await ctx.close();
  });

  it('feedback button with the element picker: hover highlight, Esc cancels, click records selector and label', async () => {
    const { ctx, page, base } = await newPage(env, {
      body: `<script src="count.js"></script>`,
      extra: { '/count.js': { type: 'text/javascript', body: `window.clicks=0;document.getElementById('export').addEventListener('click',()=>window.clicks++)` } },
    });
    await page.goto(`${base}button?nonps&noexit`);
    const tab = page.locator('hark-widget .tab');
    await tab.click();
    await dialog(page).waitFor();
    // Esc cancels the picker and gives the panel back untouched.
    await dialog(page).getByRole('button', { name: 'Point at an element' }).click();
    await dialog(page).waitFor({ state: 'hidden' });
    await page.keyboard.press('Escape');
    await dialog(page).waitFor();
    await expect(dialog(page).textContent()).resolves.not.toContain('About:');
    // Pick the Export button.
    await dialog(page).getByRole('button', { name: 'Point at an element' }).click();
    const box = (await page.locator('#export').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
    const hl = page.locator('hark-widget .hl');
    await hl.waitFor();
    const hb = (await hl.boundingBox())!;
    expect(Math.abs(hb.x - box.x)).toBeLessThan(2);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await dialog(page).waitFor();
    await expect(dialog(page).textContent()).resolves.toContain('About: Export (button)');
    expect(await page.evaluate(() => (window as unknown as { clicks: number }).clicks)).toBe(0); // the host never saw the pick
    await dialog(page).locator('textarea').fill('This button is hard to find');
    await dialog(page).getByRole('button', { name: 'Send' }).click();
    const hit = await waitFor(async () => find(await responses(env), (i) => i.comment === 'This button is hard to find')[0], 15_000, 'button response');
    expect(hit.surveyId).toBe('demo-button');
    expect(hit.context.selector).toBe('button[data-hark-feature="Export"]');
    expect(hit.context.element).toBe('Export (button)');
    await tab.waitFor({ timeout: 10_000 }); // the tab comes back after the thanks
    await ctx.close();
  });

  it('offline period: blocked requests, a reload, network back: every answer arrives exactly once', async () => {
    const { ctx, page, base } = await newPage(env);
    let blocked = true;
    let attempts = 0;
    await ctx.route(`${env.hark.url}/v1/sites/demo/responses`, (route) => {
      attempts++;
      return blocked ? route.abort('internetdisconnected') : route.continue();
    });
    await page.goto(`${base}offline?noexit`);
    await dialog(page).waitFor({ timeout: 10_000 });
    await dialog(page).getByRole('button', { name: '7', exact: true }).click();
    await dialog(page).locator('textarea').fill('offline answer one');
    await dialog(page).getByRole('button', { name: 'Send' }).click();
    await waitFor(async () => attempts > 0, 5000, 'a first delivery attempt');
    const outbox = () => page.evaluate(() => JSON.parse(localStorage.getItem('hark:demo:o') ?? '[]').length as number);
    expect(await outbox()).toBe(1);
    await page.reload();
    await page.locator('hark-widget .tab').click();
    await dialog(page).locator('textarea').fill('offline answer two');
    await dialog(page).getByRole('button', { name: 'Send' }).click();
    // Both answers wait in localStorage. (The pagehide beacon of the reload may have gone
    // through: Playwright cannot intercept sendBeacon. The outbox keeps beaconed answers
    // until a fetch is acknowledged, which is exactly what makes that safe.)
    await waitFor(async () => (await outbox()) === 2, 5000, 'two answers in the outbox');
    blocked = false;
    await waitFor(async () => (await outbox()) === 0, 40_000, 'the outbox to drain');
    const got = find(await responses(env), (i) => i.comment?.startsWith('offline answer') ?? false);
    expect(got.map((i) => i.comment).sort()).toEqual(['offline answer one', 'offline answer two']);
    expect(new Set(got.map((i) => i.id)).size).toBe(2);
    expect(got.find((i) => i.comment === 'offline answer one')?.score).toBe(7);
    await ctx.close();
  });

  it('hostile host CSS and a strict CSP (no unsafe-inline, no eval) do not break the widget', async () => {
    const c = env.hark.url;
    const { ctx, page, base } = await newPage(env, {
      csp: `default-src 'none'; script-src 'self' ${c}; style-src 'self'; connect-src ${c}; img-src 'self'`,
      head: `<link rel="stylesheet" href="hostile.css"><script src="spy.js"></script>`,
      extra: {
        '/hostile.css': { type: 'text/css', body: '* { all: unset } div { display: none !important } button { color: red !important; font-size: 40px !important }' },
        '/spy.js': { type: 'text/javascript', body: `window.violations=[];document.addEventListener('securitypolicyviolation',e=>window.violations.push(e.violatedDirective+' '+e.blockedURI))` },
      },
    });
    await page.goto(`${base}hostile?noexit`);
    await dialog(page).waitFor({ timeout: 10_000 });
    const b = (await dialog(page).boundingBox())!;
    expect(b.width).toBeGreaterThan(250);
    expect(b.x + b.width).toBeLessThanOrEqual(1000);
    expect(b.y + b.height).toBeLessThanOrEqual(700);
    const fontSize = await dialog(page).getByRole('button', { name: '5', exact: true }).evaluate((el) => getComputedStyle(el).fontSize);
    expect(fontSize).not.toBe('40px');
    await page.screenshot({ path: shot('widget-hostile-csp') });
    await dialog(page).getByRole('button', { name: '3', exact: true }).click();
    await dialog(page).locator('textarea').fill('works under CSP');
    await dialog(page).getByRole('button', { name: 'Send' }).click();
    await waitFor(async () => find(await responses(env), (i) => i.comment === 'works under CSP')[0], 15_000, 'CSP response');
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    await ctx.close();
  });

  it('keyboard only: focus moves in, arrows on the scale, Enter, Tab to Send, focus leaves', async () => {
    const { ctx, page, base } = await newPage(env);
    await page.goto(`${base}keyboard?noexit`);
    await dialog(page).waitFor({ timeout: 10_000 });
    const focused = () => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent ?? null);
    await expect(focused()).resolves.toBe('0');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await expect(focused()).resolves.toBe('5');
    await page.keyboard.press('Enter');
    await expect(dialog(page).locator('h2').textContent()).resolves.toContain('disappointed');
    await page.keyboard.type('keyboard only');
    await page.keyboard.press('Tab');
    await expect(focused()).resolves.toBe('Send');
    await page.keyboard.press('Enter');
    await expect(dialog(page).locator('h2').textContent()).resolves.toContain('Thank you');
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.localName)).not.toBe('hark-widget');
    const hit = await waitFor(async () => find(await responses(env), (i) => i.comment === 'keyboard only')[0], 15_000, 'keyboard response');
    expect(hit.score).toBe(5);
    await ctx.close();
  });

  it('axe-core finds no serious or critical violation in any survey kind, light and dark', async () => {
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const run = (page: Page) =>
      page.evaluate(async () => {
        const r = await (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }).axe.run(
          { include: [['hark-widget']] },
          { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } },
        );
        return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact})`);
      });
    for (const scheme of ['light', 'dark'] as const) {
      const { ctx, page, base } = await newPage(env, {}, { colorScheme: scheme });
      await page.goto(`${base}a11y?nonps&noexit`);
      await page.waitForFunction(() => !!(window as unknown as { Hark?: { destroy?: unknown } }).Hark?.destroy);
      await page.addScriptTag({ content: axe });
      const shows: Array<[string, string]> = [['demo-nps', 'nps'], ['demo-exit', 'exit'], ['demo-feature', 'feature']];
      for (const [id, kind] of shows) {
        await page.evaluate((i) => (window as unknown as { Hark: { show(i: string): void } }).Hark.show(i), id);
        await dialog(page).waitFor();
        await page.waitForTimeout(300); // entry animation
        expect(await run(page), `${id} ${scheme}`).toEqual([]);
        await page.screenshot({ path: shot(`widget-${kind}-${scheme}`) });
        if (id === 'demo-nps') {
          await dialog(page).getByRole('button', { name: '8', exact: true }).click();
          expect(await run(page), `nps follow-up ${scheme}`).toEqual([]);
        }
        await page.evaluate(() => (window as unknown as { Hark: { hide(): void } }).Hark.hide());
        await dialog(page).waitFor({ state: 'detached' });
      }
      await page.locator('hark-widget .tab').click();
      await dialog(page).waitFor();
      await page.waitForTimeout(300); // entry animation
      expect(await run(page), `button ${scheme}`).toEqual([]);
      await page.screenshot({ path: shot(`widget-button-${scheme}`) });
      await ctx.close();
    }
  });
});
