// `npm test`: everything a clean clone needs, then every test of every package in one vitest run.
// Browser tests need Debian's Chromium: ensure-chromium installs it (CI runs as root) or fails loudly.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`\n✖ ${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

if (existsSync('scripts/ensure-chromium.mjs')) run(process.execPath, ['scripts/ensure-chromium.mjs']);
run(process.execPath, ['scripts/build.mjs']);
run('npx', ['vitest', 'run', ...process.argv.slice(2)]);
