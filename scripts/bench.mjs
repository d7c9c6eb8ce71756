// `npm run bench`: every benchmark of the project in one run, figures printed side by side.
// Each entry is a script of its own package; a missing one is reported, not skipped silently.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const tsx = 'node_modules/tsx/dist/cli.mjs';
const benches = [
  { title: 'Widget bytes (raw / gzip / brotli)', cmd: [process.execPath, 'packages/widget/bench/size.mjs'], needs: 'packages/widget/bench/size.mjs' },
  { title: 'Widget loader main-thread time in Chromium', cmd: [process.execPath, 'packages/widget/bench/startup.mjs'], needs: 'packages/widget/bench/startup.mjs' },
  { title: 'Ingest throughput vs bare Express', cmd: [process.execPath, tsx, 'packages/collector/bench/ingest.ts', ...process.argv.slice(2)], needs: 'packages/collector/bench/ingest.ts' },
  { title: 'PM insight queries (NPS + trend, theme drivers) on 100k responses', cmd: [process.execPath, tsx, 'packages/collector/bench/insights.ts'], needs: 'packages/collector/bench/insights.ts' },
  { title: 'Dashboard first load (bytes gz, first meaningful paint in Chromium)', cmd: [process.execPath, 'packages/dashboard/bench/first-load.mjs'], needs: 'packages/dashboard/bench/first-load.mjs' },
  { title: 'Tagger throughput and accuracy', cmd: [process.execPath, tsx, 'packages/collector/scripts/eval-tagger.ts'], needs: 'packages/collector/scripts/eval-tagger.ts' },
];

const build = spawnSync('npx', ['turbo', 'run', 'build', '--output-logs=errors-only'], { stdio: 'inherit', env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } });
if (build.status !== 0) process.exit(build.status ?? 1);

let failed = 0;
for (const b of benches) {
  console.log(`\n## ${b.title}\n`);
  if (!existsSync(b.needs)) {
    console.log(`(not available: ${b.needs} is missing)`);
    failed++;
    continue;
  }
  const r = spawnSync(b.cmd[0], b.cmd.slice(1), { stdio: 'inherit' });
  if (r.status !== 0) {
    console.log(`✖ ${b.title} failed (exit ${r.status})`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
