// Servers the ingest benchmark measures, each run as its own process so the load
// generator does not share its core: `tsx servers.ts bare|embedded|mongodb`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { startHark } from '../src/server.ts';
import { defaultTaggerThreads } from '../src/triage/tagger-pool.ts';

const kind = process.argv[2];
const token = 'bench-admin-token-0123456789';

async function main() {
  if (kind === 'bare') {
    // The reference: Express 5 with express.json() and nothing else.
    const app = express();
    app.post('/v1/sites/demo/responses', express.json(), (_req, res) => {
      res.status(204).end();
    });
    const server = app.listen(0, '127.0.0.1', () => {
      process.stdout.write(`READY http://127.0.0.1:${(server.address() as { port: number }).port} ${process.pid}\n`);
    });
    // A clean exit, so that a profiled run (bench/ingest-profile.ts) writes its profile.
    process.on('SIGTERM', () => {
      server.closeAllConnections();
      server.close(() => process.exit(0));
    });
    return;
  }
  // As `hark serve` runs by default (HARK_TAGGER_THREADS unset), with limits raised out of the way.
  const common = { seedDemo: true, adminToken: token, ratePerIpPerMin: 10_000_000, ratePerSitePerMin: 10_000_000, logLevel: 'silent', taggerThreads: process.env.HARK_TAGGER_THREADS ? Number(process.env.HARK_TAGGER_THREADS) : defaultTaggerThreads() };
  let stopMongo: (() => Promise<void>) | undefined;
  let mongodbUri: string | undefined;
  if (kind === 'mongodb') {
    if (process.env.MONGODB_URI) mongodbUri = process.env.MONGODB_URI;
    else {
      const { startTestMongo } = await import('../test/support/mongo-server.ts');
      const m = await startTestMongo();
      mongodbUri = m.uri;
      stopMongo = m.stop;
    }
  }
  const h = await startHark({
    ...common,
    dataDir: kind === 'embedded' ? mkdtempSync(join(tmpdir(), 'hark-bench-')) : undefined,
    mongodbUri,
    mongodbDb: `hark_bench_${Date.now()}`,
  });
  process.stdout.write(`READY ${h.url} ${process.pid}\n`);
  process.on('SIGTERM', async () => {
    await h.close();
    await stopMongo?.();
    process.exit(0);
  });
}

void main();
