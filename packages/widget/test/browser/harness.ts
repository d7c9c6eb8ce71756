// Shared setup for the browser tests: Debian's Chromium through playwright-core, a real
// collector from startHark (in-memory store, demo site seeded), and host pages served
// on a fake origin through page.route so every request crosses origins like on a real site.
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startHark } from '@hark/collector';

export const ADMIN = 'test-admin-token';
export const SITE = 'http://shop.test';

export interface Env {
  browser: Browser;
  hark: { url: string; close(): Promise<void> };
}

export async function setup(): Promise<Env> {
  const script = fileURLToPath(new URL('../../../../scripts/ensure-chromium.mjs', import.meta.url));
  const { ensureChromium } = (await import(script)) as { ensureChromium(): string };
  // Throws with an explanation when Chromium cannot be installed: these tests never skip silently.
  const executablePath = ensureChromium();
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const hark = await startHark({ port: 0, dataDir: undefined, seedDemo: true, adminToken: ADMIN });
  return { browser, hark };
}

export interface HostPage {
  body?: string;
  head?: string;
  csp?: string;
  lang?: string;
  extra?: Record<string, { type: string; body: string }>;
}

export function hostHtml(env: Env, p: HostPage = {}): string {
  return `<!doctype html><html lang="${p.lang ?? 'en'}"><head><meta charset="utf-8"><title>Shop</title>${p.head ?? ''}
<script async src="${env.hark.url}/widget.js" data-site="demo"></script></head>
<body><main><h1>Shop</h1><p>Products and prices.</p>
<button type="button" data-hark-feature="Export" id="export">Export</button>
<div style="height:1600px"></div></main>${p.body ?? ''}</body></html>`;
}

export async function newPage(env: Env, p: HostPage = {}, ctxOpts: Parameters<Browser['newContext']>[0] = {}): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await env.browser.newContext({ viewport: { width: 1000, height: 700 }, ...ctxOpts });
  await ctx.route(`${SITE}/**`, (route) => {
    const u = new URL(route.request().url());
    const extra = p.extra?.[u.pathname];
    if (extra) return route.fulfill({ status: 200, contentType: extra.type, body: extra.body });
    return route.fulfill({
      status: 200,
      contentType: 'text/html',
      headers: p.csp ? { 'Content-Security-Policy': p.csp } : {},
      body: hostHtml(env, p),
    });
  });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error('[pageerror]', e));
  return { ctx, page };
}

export interface StoredItem {
  id: string;
  surveyId: string;
  score?: number;
  comment?: string;
  context: Record<string, unknown>;
  locale: string;
}

export async function responses(env: Env): Promise<StoredItem[]> {
  const res = await fetch(`${env.hark.url}/v1/admin/responses?site=demo&limit=100`, { headers: { Authorization: `Bearer ${ADMIN}` } });
  if (!res.ok) throw new Error(`admin API ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { items: StoredItem[] }).items;
}

export async function waitFor<T>(fn: () => Promise<T | undefined | false>, ms = 20_000, what = 'condition'): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export const shot = (name: string) => fileURLToPath(new URL(`../../../../docs/screenshots/${name}.png`, import.meta.url));
