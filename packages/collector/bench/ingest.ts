// Ingest throughput of POST /v1/sites/demo/responses against a bare Express 5 route,
// measured side by side in one run with autocannon on 127.0.0.1.
// Usage: tsx bench/ingest.ts [--duration 10] [--connections 32]
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({ options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '32' }, json: { type: 'boolean', default: false } } });
const duration = Number(values.duration);
const connections = Number(values.connections);
const serverScript = fileURLToPath(new URL('./servers.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url));

function start(kind: string): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, serverScript, kind], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /READY (\S+)/.exec(out);
      if (m) resolve({ url: m[1]!, child });
    });
    child.on('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

function body(): string {
  return JSON.stringify({
    id: randomUUID(),
    surveyId: 'demo-nps',
    type: 'nps',
    score: Math.floor(Math.random() * 11),
    comment: 'The export to CSV takes ages on big boards, otherwise great.',
    locale: 'en',
    context: { url: 'https://app.example.com/boards/42', element: 'Export button' },
    user: { id: `u-${Math.floor(Math.random() * 1000)}`, traits: { plan: 'pro' } },
  });
}

interface Figures {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function measure(name: string, url: string): Promise<Figures> {
  const run = (d: number) =>
    autocannon({
      url: `${url}/v1/sites/demo/responses`,
      method: 'POST',
      connections,
      duration: d,
      headers: { 'content-type': 'application/json' },
      requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, body: body() }) }],
    });
  await run(2); // warm-up: JIT, connection pools
  const r = await run(duration);
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}

async function main() {
  const results: Figures[] = [];
  for (const kind of ['bare', 'embedded', 'mongodb']) {
    const { url, child } = await start(kind);
    try {
      const label = kind === 'bare' ? 'bare Express 5 + express.json() → 204' : kind === 'embedded' ? 'Hark, embedded store' : process.env.MONGODB_URI ? 'Hark, MongoDB (MONGODB_URI)' : 'Hark, MongoDB adapter on in-process wire server';
      results.push(await measure(label, url));
    } finally {
      child.kill('SIGTERM');
    }
  }
  const bare = results[0]!.rps;
  console.log(`\nIngest: POST /v1/sites/demo/responses, ${connections} connections, ${duration}s, 127.0.0.1`);
  console.log('| server | req/s | ratio to bare | p50 ms | p99 ms | non-2xx | errors |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(`| ${r.name} | ${Math.round(r.rps)} | ${(r.rps / bare).toFixed(2)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} |`);
  }
  console.log(`@@plot ${JSON.stringify({ title: 'Ingest throughput (req/s, higher is better)', unit: 'req/s', bars: results.map((r, i) => ({ label: r.name, value: Math.round(r.rps), display: `${Math.round(r.rps)} req/s (${(r.rps / bare).toFixed(2)}×)`, highlight: i > 0 })) })}`);
  if (values.json) console.log(JSON.stringify(results));
  process.exit(0);
}

void main();
