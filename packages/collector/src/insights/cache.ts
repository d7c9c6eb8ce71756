// Results of the insight reads (roll-up rows, fallback pipelines), for dashboards that
// repeat the same few queries. Dropped when `ResponseStats` reports a change of the
// roll-up in this process (an explicit call from each write path, see response-stats.ts);
// on MongoDB other replicas write too, so entries also expire after a few seconds.

export interface CacheOptions {
  /** Entries older than this are recomputed; null: only writes expire them. */
  ttlMs: number | null;
  maxEntries?: number;
  /** false: compute every time (benchmarks of the cold path). */
  enabled?: boolean;
}

export class ResultCache {
  private generation = 0;
  private readonly entries = new Map<string, { generation: number; at: number; value: Promise<unknown> }>();
  hits = 0;
  misses = 0;

  constructor(private readonly options: CacheOptions) {}

  /** Something changed: everything computed so far is stale. */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.options.enabled === false) return compute();
    const hit = this.entries.get(key);
    const ttl = this.options.ttlMs;
    if (hit && hit.generation === this.generation && (ttl === null || Date.now() - hit.at < ttl)) {
      this.hits++;
      return hit.value as Promise<T>;
    }
    this.misses++;
    const generation = this.generation;
    const value = compute();
    this.entries.set(key, { generation, at: Date.now(), value });
    const max = this.options.maxEntries ?? 500;
    if (this.entries.size > max) this.entries.delete(this.entries.keys().next().value!);
    try {
      return await value;
    } catch (err) {
      this.entries.delete(key);
      throw err;
    } finally {
      // A write landed while computing: the result may predate it, do not keep it.
      if (this.generation !== generation) this.entries.delete(key);
    }
  }
}
