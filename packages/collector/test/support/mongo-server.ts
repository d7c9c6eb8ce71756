import { createServer } from 'node:net';
// The in-process MongoDB-wire server (CongoDB). The deep import skips the package's
// main entry, which would load tooling the server does not need.
import { CongoServer } from '@push.rocks/smartmongo/dist_ts/congodb/index.js';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface TestMongo {
  uri: string;
  /** true: a real MongoDB from MONGODB_URI; false: the in-process wire server. */
  real: boolean;
  stop(): Promise<void>;
}

/**
 * MONGODB_URI set: that server (a fresh database name per call keeps runs apart).
 * Otherwise the in-process server; its client needs polling heartbeats, which the
 * URI option below asks for.
 */
export async function startTestMongo(): Promise<TestMongo> {
  if (process.env.MONGODB_URI) return { uri: process.env.MONGODB_URI, real: true, stop: async () => {} };
  const port = await freePort();
  const server = new CongoServer({ host: '127.0.0.1', port });
  await server.start();
  return {
    uri: `mongodb://127.0.0.1:${port}/?directConnection=true&serverMonitoringMode=poll`,
    real: false,
    stop: () => server.stop(),
  };
}

export function uniqueDbName(prefix = 'hark_test'): string {
  return `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}
