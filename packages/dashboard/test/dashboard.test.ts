import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { admin, axe, type Env, seed, setup, SHOTS, signInWithToken, XSS_COMMENT, XSS_THEME } from './harness.ts';

let env: Env;
let ctx: BrowserContext;
let page: Page;

beforeAll(async () => {
  env = await setup();
  await seed(env);
  ctx = await env.browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' });
  page = await ctx.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  await signInWithToken(env, page);
});
afterAll(async () => {
  await env?.close();
});

async function go(hash: string) {
  // Until the app has handled the hashchange (and moved the focus to the new page's heading on
  // the next frame), #page-title is still the previous page's: wait for that, not just the title.
  await page.evaluate(
    (h) =>
      new Promise<void>((done) => {
        if (location.hash === h) return done();
        addEventListener('hashchange', () => requestAnimationFrame(() => setTimeout(done)), { once: true });
        location.hash = h;
      }),
    hash,
  );
  await page.locator('#page-title').waitFor();
}

async function shoot(name: string) {
  await page.screenshot({ path: `${SHOTS}dashboard-${name}.png`, fullPage: false });
}

describe('sign-in', () => {
  it('signs in with an admin-API token (kept in sessionStorage, sent as Bearer)', async () => {
    await page.getByRole('link', { name: 'Strategic inbox' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('hark:token'))).toBeTruthy();
    expect(await page.locator('.who').textContent()).toMatch(/admin/);
  });

  it('signs in with an account: HttpOnly + Secure + SameSite=Lax cookie works on http://127.0.0.1, changes carry the CSRF token', async () => {
    await admin(env, '/v1/admin/accounts', 'POST', { email: 'po@example.com', password: 'a long password 123', role: 'po' });
    const c2 = await env.browser.newContext({ locale: 'fr-FR' });
    const p2 = await c2.newPage();
    await p2.goto(`${env.hark.url}/app/`);
    // Browser default language: French.
    await p2.getByRole('heading', { name: /Se connecter/ }).waitFor();
    await p2.getByLabel('E-mail').fill('po@example.com');
    await p2.getByLabel('Mot de passe').fill('wrong password!!');
    await p2.getByRole('button', { name: 'Se connecter' }).click();
    await p2.getByRole('alert').waitFor();
    expect(await p2.getByRole('alert').textContent()).toMatch(/wrong e-mail or password/);
    await p2.getByLabel('Mot de passe').fill('a long password 123');
    await p2.getByRole('button', { name: 'Se connecter' }).click();
    await p2.getByRole('navigation', { name: 'Hark' }).waitFor();
    const cookie = (await c2.cookies()).find((c) => c.name === 'hark_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax' });
    expect(await p2.evaluate(() => document.cookie)).not.toContain('hark_session');
    expect(await p2.evaluate(() => sessionStorage.getItem('hark:token'))).toBeNull();
    // A change through the UI (session cookie + CSRF header): move a response to the other track.
    await p2.evaluate(() => (location.hash = '#/inbox/tactical'));
    await p2.locator('.inbox li').first().waitFor();
    const id = await p2.locator('.inbox li').first().getAttribute('data-id');
    await p2.locator('.inbox li').first().focus();
    await p2.keyboard.press('t');
    await expect.poll(async () => (await admin(env, `/v1/admin/responses/${id}`)).tags.track).toBe('strategic');
    // Language toggle.
    await p2.getByRole('button', { name: 'EN' }).click();
    await p2.getByRole('link', { name: 'Tactical inbox' }).waitFor();
    // Sign out ends the session.
    await p2.getByRole('button', { name: 'Sign out' }).click();
    await p2.getByRole('heading', { name: /Sign in/ }).waitFor();
    await c2.close();
  });
});

describe('inboxes', () => {
  it('triages from the keyboard: j/k move, e edits the kind, x selects, bulk change', async () => {
    await go('#/inbox/tactical');
    await page.locator('.inbox li').nth(2).waitFor();
    await shoot('inbox-tactical');
    await page.locator('.inbox li').first().focus();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    const current = page.locator('.inbox li.current');
    await expect.poll(() => current.evaluate((el) => el === document.activeElement)).toBe(true);
    const id = (await current.getAttribute('data-id'))!;
    expect(await page.locator('.inbox li').nth(1).getAttribute('data-id')).toBe(id);
    // e: edit tags inline, keyboard only
    await page.keyboard.press('e');
    const kind = page.locator(`#edit-kind-${id}`);
    // The editor takes the focus on the next animation frame, which a loaded machine may not have drawn yet.
    await expect.poll(() => kind.evaluate((el) => el === document.activeElement)).toBe(true);
    await kind.selectOption('performance');
    await page.locator('.tag-editor input[name=themes]').fill('Performance, Checkout');
    await page.locator('.tag-editor input[name=themes]').press('Enter');
    await expect.poll(async () => (await admin(env, `/v1/admin/responses/${id}`)).tags).toMatchObject({ kind: 'performance', themes: ['Performance', 'Checkout'] });
    expect((await admin(env, `/v1/admin/responses/${id}/tags/history`)).items.length).toBe(1);
    await page.locator(`.inbox li[data-id="${id}"] .chip.edited`).waitFor();
    // x selects two rows, bulk kind
    await page.locator(`.inbox li[data-id="${id}"]`).focus();
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await page.getByRole('region', { name: /2 selected/ }).waitFor();
    await page.getByLabel('Set kind').selectOption('usability');
    await expect.poll(async () => (await admin(env, `/v1/admin/responses/${id}`)).tags.kind).toBe('usability');
  });

  it('full-text search (q=)', async () => {
    await go('#/inbox/tactical');
    await page.getByRole('searchbox').fill('CSV');
    await page.getByRole('searchbox').press('Enter');
    await expect.poll(async () => (await page.locator('.inbox li .quote').allTextContents()).every((x) => /csv/i.test(x)) && (await page.locator('.inbox li').count()) > 0).toBe(true);
  });

  it('the strategic inbox lists strategic items', async () => {
    await go('#/inbox/strategic');
    await page.locator('.inbox li').first().waitFor();
    await shoot('inbox-strategic');
    expect(await page.locator('.inbox li').count()).toBeGreaterThan(3);
  });

  it('shows an XSS attempt in a comment as inert text', async () => {
    const xss = (await admin(env, '/v1/admin/responses?site=demo&q=onerror&limit=5')).items[0];
    await go(`#/inbox/${xss.tags.track}`);
    await page.getByRole('searchbox').fill('crashes every time');
    await page.getByRole('searchbox').press('Enter');
    await page.locator('.inbox li .quote', { hasText: '<img src=x onerror=' }).first().waitFor();
    expect(await page.locator('.inbox img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('.inbox').textContent()).toContain(XSS_COMMENT);
  });
});

describe('themes', () => {
  it('lists the taxonomy (XSS theme name inert), edits it, shows a theme with its quotes', async () => {
    await go('#/themes');
    await page.getByRole('link', { name: XSS_THEME }).waitFor();
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.getByLabel('Theme name', { exact: true }).last().fill('Onboarding');
    await page.getByLabel(/Keywords \(English\) \/ Keywords/).fill('onboarding, tutorial');
    await page.getByRole('button', { name: 'Add a theme' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await admin(env, '/v1/admin/sites/demo/taxonomy')).themes.map((t: { name: string }) => t.name)).toContain('Onboarding');
    await shoot('themes');
    await go(`#/themes/Export`);
    await page.locator('.quotes li').first().waitFor();
    await shoot('theme-detail');
  });
});

describe('settings', () => {
  it('creates a survey and shows it in the live preview with the real widget', async () => {
    await go('#/settings/surveys');
    await page.getByRole('button', { name: 'New survey' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Pricing page NPS');
    await page.getByLabel('Question text (EN)').fill('How likely are you to recommend our pricing?');
    await page.getByLabel('Show on URLs containing (one per line)').fill('/pricing');
    await page.getByRole('checkbox', { name: 'mobile' }).check();
    await page.getByLabel('Days before asking again').fill('60');
    const preview = page.frameLocator('iframe[data-testid=preview]');
    // The widget UI renders in an open shadow root inside the iframe: Playwright pierces it.
    await preview.getByText('How likely are you to recommend our pricing?').waitFor({ timeout: 15_000 });
    const saved = page.waitForResponse((r) => r.url().endsWith('/v1/admin/sites/demo/surveys') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Save' }).click();
    const res = await saved;
    expect(res.status(), await res.text()).toBe(201);
    await expect
      .poll(async () => (await admin(env, '/v1/admin/sites/demo/surveys')).items.find((s: { name: string }) => s.name === 'Pricing page NPS'))
      .toMatchObject({ kind: 'nps', targeting: { devices: ['mobile'], urls: { include: [{ match: 'contains', value: '/pricing' }] } }, fatigue: { recontactDays: 60 } });
    // Edit the wording: the preview follows.
    await page.getByLabel('Question text (EN)').fill('Would you recommend us to a friend?');
    await preview.getByText('Would you recommend us to a friend?').waitFor({ timeout: 15_000 });
    // The preview, re-mounted on each edit, leaves the focus in the field being typed in.
    expect(await page.getByLabel('Question text (EN)').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.waitForTimeout(300);
    await shoot('settings-surveys');
  });

  it('shows the site snippet, tokens and accounts', async () => {
    await go('#/settings/sites');
    expect(await page.locator('.snippet').textContent()).toContain(`<script async src="${env.hark.url}/widget.js" data-site="demo"></script>`);
    await shoot('settings-sites');
    await go('#/settings/tokens');
    await page.getByLabel('Name', { exact: true }).fill('CI export');
    await page.getByRole('button', { name: 'New token' }).click();
    await page.getByText(/shown once/).waitFor();
    await go('#/settings/people');
    await page.getByRole('rowheader', { name: 'po@example.com' }).waitFor();
  });
});

describe('PM triage, overview, roadmap, backlog', () => {
  it('sets a triage status with a number key and assigns with "a"', async () => {
    await go('#/inbox/strategic');
    await page.locator('.inbox li').first().waitFor();
    await page.locator('.inbox li').first().focus();
    const id = (await page.locator('.inbox li.current').getAttribute('data-id'))!;
    await page.locator(`#status-${id}`).waitFor();
    await page.keyboard.press('2');
    await expect.poll(async () => (await admin(env, `/v1/admin/responses/${id}/triage`)).status).toBe('reviewing');
    await page.keyboard.press('a');
    await page.keyboard.type('Camille');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await admin(env, `/v1/admin/responses/${id}/triage`)).assignee).toBe('Camille');
  });

  it('overview: NPS with its confidence band (accessible SVG + table), categories, drivers, comparison', async () => {
    await go('#/overview');
    await page.getByTestId('nps-headline').waitFor();
    expect(await page.getByTestId('nps-headline').textContent()).toMatch(/95% CI/);
    expect(await page.locator('svg[role=img] title').first().textContent()).toMatch(/confidence band/);
    expect(await page.locator('.chart table tbody tr').count()).toBeGreaterThan(3);
    await page.getByTestId('compare').waitFor();
    expect(await page.getByTestId('compare').textContent()).toMatch(/significant difference \(p = /i);
    await page.locator('.drivers li').first().waitFor();
    await shoot('overview');
  });

  it('roadmap: creates an initiative and shows it by horizon with its evidence', async () => {
    await go('#/roadmap');
    await page.getByLabel('Title').fill('Make exports reliable');
    await page.getByLabel('Horizon').selectOption('now');
    await page.getByRole('button', { name: 'New initiative' }).click();
    const card = page.locator('.column', { has: page.getByRole('heading', { name: 'Now' }) }).locator('.card', { hasText: 'Make exports reliable' });
    await card.waitFor();
    const init = (await admin(env, '/v1/admin/initiatives?site=demo')).items[0];
    await admin(env, `/v1/admin/initiatives/${init.id}/links`, 'POST', { themes: ['Export'] });
    await page.reload();
    await page.locator('.card', { hasText: 'Make exports reliable' }).getByRole('button', { name: 'Evidence' }).click();
    await page.locator('.evidence').waitFor();
    expect(await page.locator('.evidence').textContent()).toMatch(/Export/);
    await shoot('roadmap');
  });

  it('links a response to an initiative from the strategic inbox, keyboard only (existing and created inline)', async () => {
    const existing = await admin(env, '/v1/admin/initiatives', 'POST', { siteKey: 'demo', title: 'Clearer <b>pricing</b> plans', horizon: 'next', goalMetric: { name: 'NPS' } });
    await go('#/inbox/strategic');
    await page.locator('.inbox li').first().waitFor();
    await page.locator('.inbox li').first().focus();
    const row = page.locator('.inbox li.current');
    const id = (await row.getAttribute('data-id'))!;
    const focused = () => page.evaluate(() => ({ role: document.activeElement?.getAttribute('role'), id: document.activeElement?.getAttribute('data-id'), name: document.activeElement?.getAttribute('name') }));
    // l: dialog with the filter combobox focused, initiatives grouped by horizon.
    await page.locator(`#status-${id}`).waitFor();
    await page.keyboard.press('l');
    const dialog = page.getByRole('dialog', { name: 'Link 1 response(s) to an initiative' });
    await dialog.waitFor();
    expect((await focused()).role).toBe('combobox');
    await dialog.getByRole('group', { name: 'Next' }).getByRole('option', { name: /Clearer <b>pricing<\/b> plans/ }).waitFor();
    expect(await axe(page)).toEqual([]);
    await page.keyboard.type('pricing');
    await expect.poll(() => dialog.getByRole('listbox').getByRole('option').count()).toBe(1);
    expect(await dialog.getByRole('listbox').getByRole('option', { selected: true }).textContent()).toContain('Clearer <b>pricing</b> plans');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await admin(env, `/v1/admin/initiatives/${existing.id}`)).evidence.responses.map((r: { id: string }) => r.id)).toContain(id);
    await row.locator('.chip.initiative', { hasText: 'Clearer <b>pricing</b> plans' }).waitFor();
    expect(await page.locator('.inbox b').count()).toBe(0);
    // Focus is back on the row: l again, Tab to the inline form, a new initiative in "Later".
    expect((await focused()).id).toBe(id);
    await page.keyboard.press('l');
    await dialog.waitFor();
    await page.keyboard.press('Tab');
    expect((await focused()).name).toBe('title');
    await page.keyboard.type('Explain price increases');
    await page.keyboard.press('Tab');
    await page.keyboard.press('End');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await admin(env, '/v1/admin/initiatives?site=demo')).items.find((i: { title: string }) => i.title === 'Explain price increases'))
      .toMatchObject({ horizon: 'later', links: { responses: [id] } });
    const made = (await admin(env, '/v1/admin/initiatives?site=demo')).items.find((i: { title: string }) => i.title === 'Explain price increases');
    expect((await admin(env, `/v1/admin/initiatives/${made.id}`)).evidence.responses.map((r: { id: string }) => r.id)).toContain(id);
    await row.locator('.chip.initiative', { hasText: 'Explain price increases' }).waitFor();
    await shoot('inbox-strategic');
    // French labels.
    await page.getByRole('button', { name: 'FR' }).click();
    await row.getByRole('button', { name: 'Lier à une initiative' }).waitFor();
    expect(await row.locator('.chip.initiative').first().textContent()).toMatch(/^→ Initiative : /);
    await page.getByRole('button', { name: 'EN' }).click();
    await row.getByRole('button', { name: 'Link to initiative' }).waitFor();
  });

  it('hides "link to initiative" from roles that may not link (po)', async () => {
    await admin(env, '/v1/admin/accounts', 'POST', { email: 'po-link@example.com', password: 'a long password 456', role: 'po' });
    const c = await env.browser.newContext({ locale: 'en-GB' });
    const p = await c.newPage();
    await p.goto(`${env.hark.url}/app/#/inbox/strategic`);
    await p.getByLabel('E-mail').fill('po-link@example.com');
    await p.getByLabel('Password').fill('a long password 456');
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.getByRole('navigation', { name: 'Hark' }).waitFor();
    await p.evaluate(() => (location.hash = '#/inbox/strategic'));
    await p.locator('.inbox li .chip.initiative').first().waitFor();
    await p.locator('.inbox li').first().focus();
    await p.locator('.inbox li.current .row-actions').waitFor();
    await p.waitForTimeout(300);
    expect(await p.getByRole('button', { name: 'Link to initiative' }).count()).toBe(0);
    await p.keyboard.press('l');
    await p.waitForTimeout(200);
    expect(await p.getByRole('dialog').count()).toBe(0);
    await c.close();
  });

  it('creates a story from a theme cluster, edits it, and exports it as Jira CSV', async () => {
    await go('#/themes/Export');
    await page.getByRole('button', { name: 'Create story' }).click();
    await page.locator('.story').waitFor();
    const id = decodeURIComponent(await page.evaluate(() => location.hash.split('/')[2]!));
    const story = await admin(env, `/v1/admin/stories/${id}`);
    expect(story.evidence.responses).toBeGreaterThan(3);
    expect(await page.locator('.quotes blockquote').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Add a criterion' }).click();
    const last = page.locator('.criteria li').last();
    await last.getByLabel('Given').fill('a CSV export of 10,000 rows');
    await last.getByLabel('When').fill('I click Export');
    await last.getByLabel('Then').fill('the file downloads within 5 seconds');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => (await admin(env, `/v1/admin/stories/${id}`)).acceptanceCriteria.at(-1)?.then).toBe('the file downloads within 5 seconds');
    await page.getByRole('button', { name: '→ Ready' }).click();
    await expect.poll(async () => (await admin(env, `/v1/admin/stories/${id}`)).status).toBe('ready');
    await shoot('story');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export Jira CSV' }).click()]);
    const csv = await readFile((await dl.path())!, 'utf8');
    expect(csv).toMatch(/Summary/);
    expect(csv).toContain(story.title.slice(0, 20));
    await go('#/backlog');
    await page.locator('.column .card').first().waitFor();
    await shoot('backlog');
  });
});

describe('accessibility (axe-core: no serious or critical violations)', () => {
  for (const hash of ['#/overview', '#/inbox/strategic', '#/inbox/tactical', '#/themes', '#/themes/Export', '#/roadmap', '#/backlog', '#/settings/sites', '#/settings/surveys', '#/settings/webhooks', '#/settings/tokens', '#/settings/people']) {
    it(hash, async () => {
      await go(hash);
      await page.waitForTimeout(400);
      expect(await axe(page)).toEqual([]);
    });
  }
  it('sign-in page', async () => {
    const c = await env.browser.newContext();
    const p = await c.newPage();
    await p.goto(`${env.hark.url}/app/`);
    await p.getByRole('heading', { name: /Sign in/ }).waitFor();
    // The loading line of index.html is gone once the app has rendered.
    expect(await p.locator('#app').innerText()).not.toContain('Hark…');
    await p.screenshot({ path: `${SHOTS}dashboard-signin.png` });
    expect(await axe(p)).toEqual([]);
    await c.close();
  });
});

describe('responsive', () => {
  it('works at phone width (375 px): menu button, no horizontal scroll', async () => {
    await page.setViewportSize({ width: 375, height: 780 });
    await go('#/inbox/tactical');
    await page.locator('.inbox li').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Themes' }).waitFor();
    await page.getByRole('button', { name: 'Menu' }).click();
    await shoot('phone');
    expect(await axe(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 860 });
  });
});
