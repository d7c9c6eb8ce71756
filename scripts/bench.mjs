// `npm run bench`: every benchmark of the project in one run, figures printed side by side,
// then written to docs/benchmarks.md with the machine and the date, and plots in docs/bench/.
// A benchmark may print `@@plot {"title","unit","bars":[{"label","value"}]}` lines: they become SVG charts.
// Each entry is a script of its own package; a missing one is reported, not skipped silently.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { barChart } from './bench/svg-bars.mjs';

const tsx = 'node_modules/tsx/dist/cli.mjs';
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const benches = [
  { id: 'widget-size', title: 'Widget bytes (raw / gzip / brotli) beside the peers we cite', cmd: [process.execPath, 'packages/widget/bench/size.mjs'] },
  { id: 'widget-startup', title: 'Widget loader main-thread time in Chromium', cmd: [process.execPath, 'packages/widget/bench/startup.mjs'] },
  { id: 'ingest', title: 'Ingest throughput and latency vs bare Express 5', cmd: [process.execPath, tsx, 'packages/collector/bench/ingest.ts'] },
  { id: 'insights', title: 'PM insight queries (NPS + trend, theme drivers) on 100k responses', cmd: [process.execPath, tsx, 'packages/collector/bench/insights.ts'] },
  { id: 'dashboard', title: 'Dashboard first load (bytes gz, first meaningful paint in Chromium)', cmd: [process.execPath, 'packages/dashboard/bench/first-load.mjs'] },
  { id: 'tagger', title: 'Tagger accuracy and throughput', cmd: [process.execPath, tsx, 'packages/collector/scripts/eval-tagger.ts'] },
].filter((b) => only.length === 0 || only.includes(b.id));

function run(cmd) {
  return new Promise((resolve) => {
    const child = spawn(cmd[0], cmd.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.on('close', (code) => resolve({ code, out }));
  });
}

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const header = [
  '# Benchmarks',
  '',
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
  `Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}.`,
  'Every server under load runs on 127.0.0.1 in its own process; ratios compare figures taken side by side in the same run.',
  '',
];
const sections = [];
const plots = [];
let failed = 0;
for (const b of benches) {
  console.log(`\n## ${b.title}\n`);
  const script = b.cmd.find((c) => /\.(m?js|ts)$/.test(c) && c !== tsx);
  if (!existsSync(script)) {
    console.log(`(not available: ${script} is missing)`);
    sections.push(`## ${b.title}\n\nNot available: \`${script}\` is missing.\n`);
    failed++;
    continue;
  }
  const { code, out } = await run(b.cmd);
  const lines = out.split('\n');
  const body = [];
  for (const line of lines) {
    if (line.startsWith('@@plot ')) {
      try {
        const spec = JSON.parse(line.slice(7));
        const file = `docs/bench/${b.id}-${plots.filter((p) => p.id === b.id).length + 1}.svg`;
        plots.push({ id: b.id, file, spec });
        body.push(`![${spec.title}](${file.replace('docs/', '')})`);
      } catch {
        body.push(line);
      }
    } else body.push(line);
  }
  if (code !== 0) {
    console.log(`✖ ${b.title} failed (exit ${code})`);
    failed++;
  }
  sections.push(`## ${b.title}\n\n\`${b.cmd.slice(1).join(' ').replace(tsx + ' ', 'tsx ')}\`${code !== 0 ? ` — **failed (exit ${code})**` : ''}\n\n${body.join('\n').trim()}\n`);
}
mkdirSync('docs/bench', { recursive: true });
for (const p of plots) writeFileSync(p.file, barChart(p.spec));
if (only.length === 0) {
  writeFileSync('docs/benchmarks.md', `${header.join('\n')}\n${sections.join('\n')}`);
  console.log('\nWrote docs/benchmarks.md');
}
process.exit(failed ? 1 : 0);
