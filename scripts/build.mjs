// `npm run build` (also run by `npm start`, `npm test` and `npm run bench`): every package through turbo.
// Turbo phones home with usage telemetry unless told not to; a self-hosted privacy tool should not.
import { spawnSync } from 'node:child_process';

const r = spawnSync('npx', ['turbo', 'run', 'build', '--output-logs=errors-only', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
});
// turbo prints what failed; the callers (npm, scripts/test.mjs) report the exit.
if (r.status !== 0) process.exit(r.status ?? 1);
