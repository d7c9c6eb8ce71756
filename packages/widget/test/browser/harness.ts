// Shared setup for the browser tests: Debian's Chromium through playwright-core, a real
// collector from startHark (in-memory store, demo site seeded), and host pages served
// on a fake origin through page.route so every request crosses origins like on a real site.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startHark } from '@hark/collector';

export const ADMIN = 'test-admin-token';
/**
 * Host pages come from a second loopback server: another origin than the collector (so
 * CORS is exercised), and a real one, because Chromium's local-network-access checks
 * block a page fulfilled by page.route (address space unknown) from calling loopback.
 */
export let SITE = '';
const pages = new Map<string, HostPage>();
let pageSeq = 0;
let site: Server | undefined;

export interface Env {
  browser: Browser;
  hark: { url: string; close(): Promise<void> };
  close(): Promise<void>;
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
  const env: Env = {
    browser,
    hark,
    async close() {
      await browser.close();
      await hark.close();
      await new Promise((r) => site?.close(r));
    },
  };
  site = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const [, id, ...rest] = u.pathname.split('/');
    const p = pages.get(id ?? '');
    if (!p) return void res.writeHead(404).end();
    const extra = p.extra?.['/' + rest.join('/')];
    if (extra) return void res.writeHead(200, { 'Content-Type': extra.type }).end(extra.body);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...(p.csp ? { 'Content-Security-Policy': p.csp } : {}) });
    res.end(hostHtml(env, p));
  });
  await new Promise<void>((r) => site!.listen(0, '127.0.0.1', r));
  SITE = `http://localhost:${(site.address() as AddressInfo).port}`;
  return env;
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
</main>${p.body ?? ''}</body></html>`;
}

/** A fresh browser context (fresh storage) and a host page served under its own base URL. */
export async function newPage(
  env: Env,
  p: HostPage = {},
  ctxOpts: Parameters<Browser['newContext']>[0] = {},
): Promise<{ ctx: BrowserContext; page: Page; base: string }> {
  const id = `p${++pageSeq}`;
  pages.set(id, p);
  const ctx = await env.browser.newContext({ viewport: { width: 1000, height: 700 }, ...ctxOpts });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error('[pageerror]', e));
  return { ctx, page, base: `${SITE}/${id}/` };
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

/** The widget's dialog, inside its shadow root (Playwright's locators pierce it). */
export const dialog = (page: Page) => page.locator('hark-widget [role=dialog]');
