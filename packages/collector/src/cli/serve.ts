import { resolve } from 'node:path';
import type { Env } from '../config/env.ts';
import { createLogger } from '../observability/logger.ts';
import { startHark, startOptionsFromEnv } from '../server.ts';

/** Runs until SIGINT/SIGTERM, then drains in-flight requests and writes before exiting. */
export async function runServer(demo: boolean, env: Env): Promise<number> {
  const log = createLogger(env.HARK_LOG_LEVEL);
  const hark = await startHark(
    startOptionsFromEnv(env, {
      logger: log,
      seedDemo: demo || env.HARK_DEMO,
      dataDir: env.MONGODB_URI ? undefined : resolve(env.HARK_DATA_DIR),
    }),
  );
  const store = env.MONGODB_URI ? 'MongoDB' : `embedded store in ${resolve(env.HARK_DATA_DIR)}`;
  const base = env.HARK_PUBLIC_URL?.replace(/\/$/, '') ?? hark.url;
  const lines = [
    `Hark collector listening on ${hark.url} (${store})`,
    `  widget demo   ${base}/demo/`,
    `  dashboard     ${base}/app/`,
    `  script tag    <script async src="${base}/widget.js" data-site="demo"></script>`,
    `  API           ${base}/v1/openapi.json   health ${base}/healthz`,
  ];
  if (hark.seeded) lines.push('  seeded the "demo" site with NPS, exit-intent, feature-feedback and feedback-button surveys');
  if (hark.generatedAdminToken) {
    lines.push(
      '',
      `  Admin token (shown once, stored hashed; keep it): ${hark.generatedAdminToken}`,
      '  Use it as "Authorization: Bearer <token>", or set HARK_ADMIN_TOKEN to choose your own.',
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);

  await new Promise<void>((resolveStop) => {
    const stop = (signal: string) => {
      log.info({ signal }, 'shutting down: finishing in-flight requests');
      resolveStop();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  const timer = setTimeout(() => {
    log.error('graceful shutdown took longer than 10s; exiting');
    process.exit(1);
  }, 10_000);
  timer.unref();
  await hark.close();
  return 0;
}
