#!/usr/bin/env node
// Raw, gzip (-9) and brotli (q11) bytes of every built file: what a visitor downloads.
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
if (!existsSync(join(dist, 'hark.js'))) {
  const r = spawnSync(process.execPath, [join(root, '../../node_modules/rollup/dist/bin/rollup'), '-c', 'rollup.config.mjs', '--silent'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const files = [];
const walk = (d) => readdirSync(d).forEach((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : f.endsWith('.js') && files.push(join(d, f))));
walk(dist);
const rows = files.sort().map((f) => {
  const b = readFileSync(f);
  return {
    file: relative(dist, f),
    raw: b.length,
    gzip: gzipSync(b, { level: 9 }).length,
    brotli: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const pick = (n) => rows.find((r) => r.file === n);
const loader = pick('hark.js');
const ui = pick('hark-ui.js');
if (loader && ui) rows.push({ file: 'script tag total (hark.js + hark-ui.js)', raw: loader.raw + ui.raw, gzip: loader.gzip + ui.gzip, brotli: loader.brotli + ui.brotli });
console.log('widget bundle sizes (bytes)');
console.table(rows);
if (loader && ui) console.log(`budgets: loader ${loader.gzip} / 3072 B gz, loader+UI ${loader.gzip + ui.gzip} / 12288 B gz`);

// Beside the peers' figures cited in the issue (path to a shown survey, gzip, measured on their npm builds;
// quoted, not re-measured here: their packages are not installed in this repository).
if (loader && ui) {
  const peers = [
    ['Hark: loader + UI (measured)', loader.gzip + ui.gzip, true],
    ['Formbricks (cited)', 62_000],
    ['Sprig (cited)', 93_000],
    ['PostHog, surveys path (cited)', 167_000],
  ];
  console.log('\n| path to a shown survey | gzip bytes | vs Hark |');
  console.log('|---|---:|---:|');
  for (const [name, bytes] of peers) console.log(`| ${name} | ${bytes} | ${(bytes / (loader.gzip + ui.gzip)).toFixed(1)}× |`);
  console.log(`@@plot ${JSON.stringify({ title: 'Bytes (gzip) to show a survey: lower is better', unit: 'B', bars: peers.map(([label, value, highlight]) => ({ label, value, display: `${(value / 1000).toFixed(1)} kB`, highlight: Boolean(highlight) })) })}`);
}
