// The size check and the browser tests measure and serve dist/, so it must be the
// build of the current sources: rebuild once per run (a few seconds with rollup).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export default function setup() {
  if (process.env.HARK_WIDGET_SKIP_BUILD === '1') return;
  const cwd = fileURLToPath(new URL('..', import.meta.url));
  const r = spawnSync(process.execPath, [createRequire(import.meta.url).resolve('rollup/dist/bin/rollup'), '-c', 'rollup.config.mjs', '--silent'], {
    cwd,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`widget build failed:\n${r.stdout}\n${r.stderr}`);
}
