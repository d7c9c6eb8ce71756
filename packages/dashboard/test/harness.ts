// Browser tests of the dashboard: Debian's Chromium through playwright-core, against a real
// collector (startHark, in-memory store) seeded through its public and admin HTTP API.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHark, type RunningHark } from '../../collector/src/server.ts';

export const ADMIN = 'dashboard-test-admin-token';
export const XSS_COMMENT = '<img src=x onerror="window.__xss=1"> the export button crashes every time';
export const XSS_THEME = '<img src=x onerror=window.__xss=2>';
const root = fileURLToPath(new URL('..', import.meta.url));

export interface Env {
  browser: Browser;
  hark: RunningHark;
  close(): Promise<void>;
}

export async function setup(): Promise<Env> {
  const script = fileURLToPath(new URL('../../../scripts/ensure-chromium.mjs', import.meta.url));
  const { ensureChromium } = (await import(script)) as { ensureChromium(): string };
  // Throws with an explanation when Chromium is missing and cannot be installed: never a silent skip.
  const executablePath = ensureChromium();
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'pipe' });
  // The survey preview loads the real widget UI from the collector: build it when missing.
  if (!existsSync(join(root, '../widget/dist/hark-ui.js'))) {
    try {
      execFileSync('npx', ['rollup', '-c', 'rollup.config.mjs'], { cwd: join(root, '../widget'), stdio: 'pipe' });
    } catch (err) {
      throw new Error(`the widget is not built and "rollup -c" in packages/widget failed: ${(err as Error).message}`);
    }
  }
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const hark = await startHark({ port: 0, seedDemo: true, adminToken: ADMIN });
  return {
    browser,
    hark,
    async close() {
      await browser.close();
      await hark.close();
    },
  };
}

export async function admin(env: Env, path: string, method = 'GET', body?: unknown): Promise<any> {
  const res = await fetch(env.hark.url + path, {
    method,
    headers: { authorization: `Bearer ${ADMIN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

const COMMENTS: [number, string, string][] = [
  [2, 'The export button crashes every time I click it', 'en'],
  [3, 'Checkout page is so slow, it takes 20 seconds to load', 'en'],
  [1, 'Too expensive for what it does, I am going to cancel', 'en'],
  [9, 'Love the new dashboard, great work', 'en'],
  [10, 'Excellent, simple et rapide', 'fr'],
  [4, "L'export plante à chaque fois, impossible de télécharger", 'fr'],
  [6, 'Would be great to have a mobile app and an API', 'en'],
  [8, 'Works well, the search could filter by date', 'en'],
  [0, 'Le prix a encore augmenté, je vais résilier', 'fr'],
  [7, 'Please add dark mode to the settings page', 'en'],
  [5, 'The login form error message is confusing', 'en'],
  [2, 'Export to CSV fails with an error on large files', 'en'],
];

/** ~60 NPS answers over 8 weeks plus the XSS attempts, all through the real HTTP API. */
export async function seed(env: Env): Promise<void> {
  await admin(env, '/v1/admin/sites/demo/taxonomy', 'PUT', {
    themes: [
      { name: 'Export', keywords: { en: ['export', 'csv'], fr: ['export'] } },
      { name: 'Performance', keywords: { en: ['slow', 'load'], fr: ['lent'] } },
      { name: 'Pricing', keywords: { en: ['expensive', 'price'], fr: ['prix'] } },
      { name: XSS_THEME, keywords: { en: ['dark mode'], fr: ['mode sombre'] } },
    ],
  });
  const batch = [];
  const now = Date.now();
  for (let i = 0; i < 60; i++) {
    const [score, comment, locale] = COMMENTS[i % COMMENTS.length]!;
    batch.push({
      id: randomUUID(),
      surveyId: 'demo-nps',
      type: 'nps',
      score,
      comment,
      locale,
      answeredAt: new Date(now - (i % 8) * 7 * 86_400_000 - i * 3600_000).toISOString(),
      context: { url: `https://shop.example.com/${['account', 'checkout', 'export', 'pricing'][i % 4]}`, element: i % 3 === 0 ? 'Export button' : undefined },
      user: { id: `user-${i % 25}`, traits: { plan: i % 2 ? 'pro' : 'free', accountId: `acct-${i % 10}` } },
    });
  }
  batch.push({ id: randomUUID(), surveyId: 'demo-nps', type: 'nps', score: 1, comment: XSS_COMMENT, locale: 'en', context: { url: 'https://shop.example.com/export' } });
  for (let i = 0; i < batch.length; i += 50) {
    const res = await fetch(`${env.hark.url}/v1/sites/demo/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(batch.slice(i, i + 50)) });
    if (res.status !== 202) throw new Error(`seed: ${res.status} ${await res.text()}`);
  }
  // The API stamps receivedAt with the arrival time; spread the history over 8 weeks
  // (receivedAt := answeredAt) so the NPS trend has points to draw.
  const col = env.hark.services.responses.collection;
  for (const doc of await col.find({ siteKey: 'demo' })) {
    if (doc.answeredAt) await col.updateOne({ siteKey: 'demo', id: doc.id }, { $set: { receivedAt: new Date(String(doc.answeredAt)) } });
  }
}

export async function signInWithToken(env: Env, page: Page, lang = 'en'): Promise<void> {
  await page.addInitScript((l) => localStorage.setItem('hark:lang', l), lang);
  await page.goto(`${env.hark.url}/app/`);
  await page.getByRole('tab', { name: /token/i }).click();
  await page.getByLabel(/API token|Jeton/).fill(ADMIN);
  await page.getByRole('button', { name: /^(Sign in|Se connecter)$/ }).click();
  await page.getByRole('navigation', { name: 'Hark' }).waitFor();
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core in the page; returns serious and critical violations (ids + targets) so a failure names them. */
export async function axe(page: Page): Promise<{ id: string; impact: string; help: string; targets: string[] }[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}

export const SHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
