import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import type { Express } from 'express';
import { createHttpHandler, type AppOptions } from './http/app.ts';
import { createLogger, type Logger } from './observability/logger.ts';
import { createMetrics } from './observability/metrics.ts';
import { createServices, type Services } from './services.ts';
import { openStore } from './store/open-store.ts';
import { lockDataDir } from './store/data-dir-lock.ts';
import { seedDemo } from './demo/seed.ts';
import { startRetentionPurge } from './retention/purge.ts';
import { stopBacklog } from './backlog/index.ts';
import { TaggerPool, defaultTaggerThreads } from './triage/tagger-pool.ts';
import type { Env } from './config/env.ts';

export interface StartOptions extends Partial<AppOptions> {
  port?: number;
  host?: string;
  /** Embedded store folder; undefined: in memory. Ignored when mongodbUri is set. */
  dataDir?: string;
  mongodbUri?: string;
  mongodbDb?: string;
  adminToken?: string;
  seedDemo?: boolean;
  retentionDays?: number;
  logLevel?: string;
  logger?: Logger;
  storeTimeoutMs?: number;
  /** How often responses whose tagging failed are retried. */
  tagSweepMs?: number;
  /** Worker threads for tagging (tagger-pool.ts); 0 or absent: tag on the event loop. */
  taggerThreads?: number;
}

export interface RunningHark {
  url: string;
  port: number;
  app: Express;
  server: Server;
  services: Services;
  log: Logger;
  /** Set when no admin token existed and none was configured: shown once, never stored in clear. */
  generatedAdminToken: string | null;
  seeded: boolean;
  /** Stops accepting connections, lets in-flight requests (and their writes) finish, then closes the store. */
  close(): Promise<void>;
}

export async function startHark(opts: StartOptions = {}): Promise<RunningHark> {
  const log = opts.logger ?? createLogger(opts.logLevel ?? 'silent');
  const unlock = !opts.mongodbUri && opts.dataDir ? lockDataDir(opts.dataDir, 'hark collector') : Object.assign(() => {}, { uncleanStop: false });
  const store = await openStore({
    mongodbUri: opts.mongodbUri,
    mongodbDb: opts.mongodbDb,
    dataDir: opts.dataDir,
    timeoutMs: opts.storeTimeoutMs,
  });
  const pool = opts.taggerThreads ? await TaggerPool.start(opts.taggerThreads) : null;
  const services = await createServices(store, { retentionDays: opts.retentionDays, tagger: pool ? (input, o) => pool.tag(input, o) : undefined });
  // The roll-up's last increments may have died with the previous process: rebuild it from the responses.
  if (unlock.uncleanStop) await services.responseStats.invalidateAll();
  const generatedAdminToken = await services.tokens.bootstrap(opts.adminToken);
  const seeded = opts.seedDemo ? await seedDemo(services) : false;
  const stopPurge = opts.retentionDays && store.kind === 'embedded' ? startRetentionPurge(services, opts.retentionDays) : () => {};
  // Responses whose tagging failed are retried in the background.
  const sweep = setInterval(() => void services.tagging.sweepUntagged().catch((err) => log.warn({ err }, 'tagging sweep failed')), opts.tagSweepMs ?? 30_000);
  sweep.unref();
  const metrics = createMetrics();
  const { app, handle } = createHttpHandler(services, log, metrics, opts);

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Behind a load balancer, idle keep-alive sockets must outlive the balancer's.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 30_000;
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    port,
    app,
    server,
    services,
    log,
    generatedAdminToken,
    seeded,
    close() {
      closing ??= (async () => {
        stopPurge();
        stopBacklog(services.backlog);
        clearInterval(sweep);
        // Keep-alive clients would hold the server open forever: answer what is in
        // flight with "Connection: close", drop idle sockets as they free up.
        app.locals.shuttingDown = true;
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          const sweep = setInterval(() => server.closeIdleConnections(), 50);
          const hard = setTimeout(() => server.closeAllConnections(), 8000);
          server.once('close', () => {
            clearInterval(sweep);
            clearTimeout(hard);
          });
          server.closeIdleConnections();
        });
        await store.close();
        await pool?.close();
        unlock();
      })();
      return closing;
    },
  };
}

export function startOptionsFromEnv(env: Env, overrides: Partial<StartOptions> = {}): StartOptions {
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: env.HARK_DATA_DIR,
    mongodbUri: env.MONGODB_URI,
    mongodbDb: env.MONGODB_DB,
    adminToken: env.HARK_ADMIN_TOKEN,
    retentionDays: env.HARK_RETENTION_DAYS,
    logLevel: env.HARK_LOG_LEVEL,
    bodyLimitKb: env.HARK_BODY_LIMIT_KB,
    ratePerSitePerMin: env.HARK_RATE_SITE_PER_MIN,
    ratePerIpPerMin: env.HARK_RATE_IP_PER_MIN,
    configMaxAge: env.HARK_CONFIG_MAX_AGE,
    trustProxy: env.HARK_TRUST_PROXY,
    storeTimeoutMs: env.HARK_STORE_TIMEOUT_MS,
    seedDemo: env.HARK_DEMO,
    taggerThreads: env.HARK_TAGGER_THREADS ?? defaultTaggerThreads(),
    ...overrides,
  };
}
