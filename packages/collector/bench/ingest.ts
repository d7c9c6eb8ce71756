// Ingest throughput of POST /v1/sites/demo/responses against a bare Express 5 route,
// measured side by side in one run with autocannon on 127.0.0.1.
//
// This machine's speed drifts by ±20% from minute to minute, so the servers are
// measured in alternating rounds (bare, embedded, mongodb, bare, …) and each figure
// is the median of its rounds; ratios are taken between those medians. Besides
// req/s, the CPU time each server's event-loop thread spent per request is read
// from /proc: it is the steadier figure of what a request costs.
// Usage: tsx bench/ingest.ts [--duration 8] [--connections 32] [--rounds 3] [--only bare,embedded]
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { ingestLoad } from './ingest-load.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '8' },
    connections: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '3' },
    only: { type: 'string', default: 'bare,embedded,mongodb' },
    json: { type: 'boolean', default: false },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const rounds = Number(values.rounds);
const kinds = values.only.split(',');
const serverScript = fileURLToPath(new URL('./servers.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url));

/** Each server runs as a process of its own; its pid is the event-loop thread's id. */
function start(kind: string): Promise<{ url: string; child: ChildProcess; pid: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, serverScript, kind], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /READY (\S+) (\d+)/.exec(out);
      if (m) resolve({ url: m[1]!, child, pid: Number(m[2]) });
    });
    child.on('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

/** CPU milliseconds used so far by one thread (utime + stime, in clock ticks of 10 ms). */
function threadCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU milliseconds used so far by the whole process (every thread). */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface Round {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  loopCpuUs: number;
  processCpuUs: number;
}

async function measure(kind: string): Promise<Round> {
  const { url, child, pid } = await start(kind);
  try {
    const run = (d: number) => autocannon(ingestLoad(url, connections, d));
    await run(2); // warm-up: JIT, connection pools
    const loop0 = threadCpuMs(pid);
    const proc0 = processCpuMs(pid);
    const r = await run(duration);
    const n = Math.max(1, r.requests.total);
    return {
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      non2xx: r.non2xx,
      errors: r.errors,
      loopCpuUs: ((threadCpuMs(pid) - loop0) * 1000) / n,
      processCpuUs: ((processCpuMs(pid) - proc0) * 1000) / n,
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function label(kind: string): string {
  if (kind === 'bare') return 'bare Express 5 + express.json() → 204';
  if (kind === 'embedded') return 'Hark, embedded store';
  return process.env.MONGODB_URI ? 'Hark, MongoDB (MONGODB_URI)' : 'Hark, MongoDB adapter on in-process wire server';
}

async function main() {
  const all = new Map<string, Round[]>(kinds.map((k) => [k, []]));
  for (let i = 0; i < rounds; i++) {
    for (const kind of kinds) {
      const r = await measure(kind);
      all.get(kind)!.push(r);
      console.error(`round ${i + 1}/${rounds} ${kind}: ${Math.round(r.rps)} req/s, ${Math.round(r.loopCpuUs)} µs event-loop CPU per request`);
    }
  }
  const results = kinds.map((kind) => {
    const rs = all.get(kind)!;
    return {
      kind,
      name: label(kind),
      rps: median(rs.map((r) => r.rps)),
      rpsRange: [Math.min(...rs.map((r) => r.rps)), Math.max(...rs.map((r) => r.rps))],
      p50: median(rs.map((r) => r.p50)),
      p99: median(rs.map((r) => r.p99)),
      loopCpuUs: median(rs.map((r) => r.loopCpuUs)),
      processCpuUs: median(rs.map((r) => r.processCpuUs)),
      non2xx: rs.reduce((s, r) => s + r.non2xx, 0),
      errors: rs.reduce((s, r) => s + r.errors, 0),
    };
  });
  const bare = results.find((r) => r.kind === 'bare') ?? results[0]!;
  console.log(`\nIngest: POST /v1/sites/demo/responses, ${connections} connections, ${rounds} alternating rounds of ${duration}s each (medians), 127.0.0.1`);
  console.log('| server | req/s (median) | ratio to bare | req/s range | p50 ms | p99 ms | event-loop CPU µs/req | process CPU µs/req | non-2xx | errors |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(
      `| ${r.name} | ${Math.round(r.rps)} | ${(r.rps / bare.rps).toFixed(2)} | ${Math.round(r.rpsRange[0]!)}–${Math.round(r.rpsRange[1]!)} | ${r.p50} | ${r.p99} | ${Math.round(r.loopCpuUs)} | ${Math.round(r.processCpuUs)} | ${r.non2xx} | ${r.errors} |`,
    );
  }
  const bareRounds = all.get(bare.kind)!;
  for (const r of results.filter((x) => x.kind !== bare.kind)) {
    const ratios = all.get(r.kind)!.map((x, i) => (x.rps / bareRounds[i]!.rps).toFixed(2));
    console.log(`\n${r.name}: ratio to bare round by round: ${ratios.join(', ')}`);
  }
  console.log(
    '\nThe process figure includes the tagger worker threads and, for the in-process MongoDB server, the database itself; the load generator runs in another process on the other core.',
  );
  console.log(
    `@@plot ${JSON.stringify({ title: 'Ingest throughput (req/s, median of alternating rounds, higher is better)', unit: 'req/s', bars: results.map((r) => ({ label: r.name, value: Math.round(r.rps), display: `${Math.round(r.rps)} req/s (${(r.rps / bare.rps).toFixed(2)}×)`, highlight: r.kind !== 'bare' })) })}`,
  );
  if (values.json) console.log(JSON.stringify(results));
  process.exit(0);
}

void main();
