// First load of the dashboard: bytes (raw and gzip) of what the sign-in screen needs, and
// time to first meaningful paint in Chromium on localhost (Paint Timing: first-contentful-paint,
// plus the moment the sign-in form is in the DOM). Median of several cold loads.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const repo = join(root, '../..');
execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'pipe' });

const dist = join(root, 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const firstLoad = ['index.html', ...[...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1])];
const rows = firstLoad.map((f) => {
  const b = readFileSync(join(dist, f));
  return { file: f, raw: b.length, gz: gzipSync(b, { level: 9 }).length };
});
const total = rows.reduce((a, r) => ({ raw: a.raw + r.raw, gz: a.gz + r.gz }), { raw: 0, gz: 0 });

const { ensureChromium } = await import(join(repo, 'scripts/ensure-chromium.mjs'));
const { chromium } = await import('playwright-core');
const { startHark } = await import(join(repo, 'node_modules/tsx/dist/esm/api/index.mjs')).then(async ({ tsImport }) => tsImport(join(repo, 'packages/collector/src/server.ts'), import.meta.url));
const hark = await startHark({ port: 0, adminToken: 'bench-admin-token-0123456789' });
const browser = await chromium.launch({
  executablePath: ensureChromium(),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const runs = [];
for (let i = 0; i < 7; i++) {
  const ctx = await browser.newContext();
  // First meaningful paint: the first frame after the app rendered the sign-in form.
  await ctx.addInitScript(() => {
    const mo = new MutationObserver(() => {
      if (document.querySelector('#app form')) {
        mo.disconnect();
        requestAnimationFrame(() => setTimeout(() => (window.__fmp = performance.now()), 0));
      }
    });
    mo.observe(document, { childList: true, subtree: true });
  });
  const page = await ctx.newPage();
  await page.goto(`${hark.url}/app/`);
  await page.waitForFunction(() => window.__fmp);
  runs.push(
    await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      const nav = performance.getEntriesByType('navigation')[0];
      return { fcp, domReady: nav.domContentLoadedEventEnd, fmp: window.__fmp };
    }),
  );
  await ctx.close();
}
await browser.close();
await hark.close();
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n) => n.toLocaleString('en-US');
console.log('| file | bytes | gzip |\n|---|---:|---:|');
for (const r of rows) console.log(`| ${r.file} | ${fmt(r.raw)} | ${fmt(r.gz)} |`);
console.log(`| **first load** | **${fmt(total.raw)}** | **${fmt(total.gz)}** |`);
console.log(`\n| Chromium, localhost, cold context (median of ${runs.length}) | ms |\n|---|---:|`);
console.log(`| first contentful paint (Paint Timing) | ${median(runs.map((r) => r.fcp)).toFixed(0)} |`);
console.log(`| first meaningful paint (first frame with the sign-in form) | ${median(runs.map((r) => r.fmp)).toFixed(0)} |`);
console.log(`| DOMContentLoaded | ${median(runs.map((r) => r.domReady)).toFixed(0)} |`);
