#!/usr/bin/env node
// Main-thread cost of the widget at startup in Chromium, next to the same page without
// it: CDP Performance.getMetrics (ScriptDuration, TaskDuration) for main-thread time,
// the Performance API's navigation entry for DOMContentLoaded/load. The demo site has a
// feedback button, so this includes fetching the config and the UI chunk.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(join(root, 'dist/hark.js'))) {
  spawnSync(process.execPath, [join(root, '../../node_modules/rollup/dist/bin/rollup'), '-c', 'rollup.config.mjs', '--silent'], { cwd: root, stdio: 'inherit' });
}
const { ensureChromium } = await import(fileURLToPath(new URL('../../../scripts/ensure-chromium.mjs', import.meta.url)));
const { chromium } = await import('playwright-core');
// The collector is TypeScript run from source: let tsx load it.
const { register } = await import('tsx/esm/api');
register();
const { startHark } = await import('@hark/collector');

const RUNS = Number(process.env.RUNS ?? 7);
const hark = await startHark({ port: 0, dataDir: undefined, seedDemo: true, adminToken: 'bench' });
const page = (withTag) => `<!doctype html><html lang="en"><head><title>bench</title>
${withTag ? `<script src="${hark.url}/widget.js" data-site="demo"></script>` : ''}</head><body><main><h1>Bench</h1><p>Static page.</p></main></body></html>`;
const site = createServer((req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(page(req.url?.includes('tag'))));
await new Promise((r) => site.listen(0, '127.0.0.1', r));
const base = `http://localhost:${site.address().port}`;
const browser = await chromium.launch({
  executablePath: ensureChromium(),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

async function measure(path) {
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  const cdp = await ctx.newCDPSession(p);
  await cdp.send('Performance.enable');
  await p.goto(base + path, { waitUntil: 'load' });
  await p.waitForTimeout(300); // the config fetch and its evaluation
  const m = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
  const nav = await p.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    return { domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd };
  });
  await ctx.close();
  return { script: m.ScriptDuration * 1000, task: m.TaskDuration * 1000, ...nav };
}

const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = {};
for (const [name, path] of [['empty page', '/empty'], ['page + hark.js', '/tag']]) {
  const runs = [];
  await measure(path); // warm-up (HTTP cache, JIT)
  for (let i = 0; i < RUNS; i++) runs.push(await measure(path));
  results[name] = Object.fromEntries(['script', 'task', 'domContentLoaded', 'load'].map((k) => [k + ' (ms)', +median(runs.map((r) => r[k])).toFixed(2)]));
}
console.log(`widget startup, median of ${RUNS} runs in Chromium (main-thread ScriptDuration/TaskDuration from CDP Performance metrics, timings from the Performance API)`);
console.table(results);
const d = results['page + hark.js']['script (ms)'] - results['empty page']['script (ms)'];
console.log(`loader main-thread script time over an empty page: ${d.toFixed(2)} ms`);
await browser.close();
await hark.close();
site.close();
