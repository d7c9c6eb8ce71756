// Builds the dashboard into dist/: one ES module bundle + one stylesheet (content-hashed),
// index.html pointing at them, and the survey preview page. esbuild only: no install scripts.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const tmp = join(root, 'dist.tmp');
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });

const result = await build({
  entryPoints: { app: join(root, 'src/main.tsx'), preview: join(root, 'src/preview.ts') },
  outdir: tmp,
  bundle: true,
  format: 'esm',
  minify: true,
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  entryNames: '[name]-[hash]',
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
});
const outs = Object.keys(result.metafile.outputs).map((p) => basename(p));
const find = (re) => outs.find((f) => re.test(f));
const js = find(/^app-.*\.js$/);
const css = find(/^app-.*\.css$/);
const preview = find(/^preview-.*\.js$/);
writeFileSync(join(tmp, 'index.html'), readFileSync(join(root, 'src/index.html'), 'utf8').replace('%JS%', `./${js}`).replace('%CSS%', `./${css}`));
writeFileSync(join(tmp, 'preview.html'), readFileSync(join(root, 'src/preview.html'), 'utf8').replace('%PREVIEW%', `./${preview}`));
// Swap in one step so a collector serving dist/ never sees a half-written build.
rmSync(dist, { recursive: true, force: true });
const { renameSync } = await import('node:fs');
renameSync(tmp, dist);
console.log(`dashboard built: ${outs.join(', ')}, index.html, preview.html`);
