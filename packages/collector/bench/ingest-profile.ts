// Where an ingest request's CPU time goes: runs one benchmark server under V8's
// sampling profiler with the same load as bench/ingest.ts, then prints the
// event-loop thread's self time per module, in microseconds per request.
// Usage: tsx bench/ingest-profile.ts [embedded|bare|mongodb] [--duration 8] [--top 30]
// The profiler slows everything down; compare modules with each other, not with bench/ingest.ts.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { ingestLoad } from './ingest-load.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { duration: { type: 'string', default: '8' }, top: { type: 'string', default: '30' } },
});
const kind = positionals[0] ?? 'embedded';
const dir = mkdtempSync(join(tmpdir(), 'hark-profile-'));
const serverScript = fileURLToPath(new URL('./servers.ts', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** "express", "@seald-io/nedb", "collector/src/store/embedded.ts", "node:_http_server", "(garbage collector)". */
function moduleOf(frame: ProfileNode['callFrame']): string {
  if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : '(V8 and native code)';
  const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url);
  if (dep) return dep[1]!;
  const own = /packages\/([^?]+)/.exec(frame.url);
  if (own) return own[1]!;
  return frame.url.replace(/^node:internal\//, 'node:');
}

async function main() {
  const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', 'tsx', serverScript, kind], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /READY (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const r = await autocannon(ingestLoad(url, 32, Number(values.duration)));
  child.kill('SIGTERM'); // the server exits cleanly, and V8 writes the profiles
  await new Promise((resolve) => child.once('exit', resolve));

  // One profile per thread; the event loop's is thread 0.
  const file = readdirSync(dir).find((f) => /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/.test(f));
  if (!file) throw new Error(`no event-loop profile in ${dir}`);
  const p = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const perModule = new Map<string, number>();
  for (let i = 0; i < p.samples.length; i++) {
    const m = moduleOf(byId.get(p.samples[i]!)!.callFrame);
    perModule.set(m, (perModule.get(m) ?? 0) + (p.timeDeltas[i] ?? 0));
  }
  const n = r.requests.total;
  const busy = [...perModule].filter(([m]) => m !== '(idle)').reduce((s, [, us]) => s + us, 0);
  console.log(`${kind}: ${n} requests in ${values.duration}s under the profiler (${Math.round(r.requests.average)} req/s)`);
  console.log(`event-loop thread busy ${Math.round(busy / n)} µs per request, idle ${Math.round((perModule.get('(idle)') ?? 0) / n)} µs (start-up included)`);
  console.log('| module | self µs/request | share of busy time |');
  console.log('|---|---:|---:|');
  for (const [m, us] of [...perModule].filter(([m]) => m !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) {
    console.log(`| ${m} | ${(us / n).toFixed(1)} | ${((100 * us) / busy).toFixed(1)}% |`);
  }
  console.log(`\nprofiles kept in ${dir} (open them in Chrome DevTools, Performance tab)`);
}

void main();
