import type { Services } from '../services.ts';

/**
 * MongoDB drops old responses itself through the TTL index; the embedded store
 * has no TTL, so the collector purges on a timer instead.
 */
export function startRetentionPurge(services: Services, days: number, everyMs = 3_600_000): () => void {
  const purge = async () => {
    const cutoff = new Date(Date.now() - days * 86_400_000);
    // The purged responses are taken out of the insights roll-up too (exactly, by reading them first).
    await services.responseStats.deleteResponses({ receivedAt: { $lt: cutoff } });
  };
  void purge().catch(() => {});
  const timer = setInterval(() => void purge().catch(() => {}), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
