import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** A registry per app instance, so tests can run several collectors in one process. */
export function createMetrics(withDefaults = true) {
  const registry = new Registry();
  if (withDefaults) collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'hark_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'hark_http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const ingested = new Counter({
    name: 'hark_responses_ingested_total',
    help: 'Responses accepted, by site and outcome (stored or duplicate)',
    labelNames: ['site', 'outcome'] as const,
    registers: [registry],
  });
  return { registry, requests, latency, ingested };
}
export type Metrics = ReturnType<typeof createMetrics>;
