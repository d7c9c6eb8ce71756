import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';

/** Counts and times one request when its answer is sent; failures (5xx) are logged. */
export function observeRequest(metrics: Metrics, log: Logger, req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, route: () => string): void {
  const start = process.hrtime.bigint();
  res.once('finish', () => {
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const r = route();
    metrics.requests.inc({ method: req.method, route: r, status: String(res.statusCode) });
    metrics.latency.observe({ method: req.method, route: r }, seconds);
    if (res.statusCode >= 500 || log.isLevelEnabled('debug')) {
      const entry = { method: req.method, url: (req.originalUrl ?? req.url ?? '').split('?')[0], status: res.statusCode, ms: Math.round(seconds * 1000) };
      if (res.statusCode >= 500) log.error(entry, 'request failed');
      else log.debug(entry, 'request');
    }
  });
}
