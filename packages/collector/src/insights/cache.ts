// Results of the insight pipelines, kept until the responses change.
//
// On the embedded store mingo evaluates a pipeline over every document in
// JavaScript: about 1–3 s for 100k responses. Dashboards repeat the same few
// queries, so the result of each (pipeline, filter) is kept and dropped on the
// next write to the responses collection of this process. On MongoDB other
// replicas write too, so entries also expire after a few seconds (like the
// site and survey caches).
import type { Collection, Doc } from '../store/port.ts';

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

const WRITES = ['insertOne', 'insertMany', 'updateOne', 'updateMany', 'findOneAndUpdate', 'deleteMany'] as const;

/**
 * Calls `onWrite` before and after every write made through this collection object.
 * The store hands out one object per collection name, shared by every service of the
 * process (ingest, tag overrides, re-tagging, erasure, retention), so this sees them all
 * without each of those services having to know about insights.
 */
export function watchWrites<T extends Doc>(collection: Collection<T>, onWrite: () => void): void {
  const marked = collection as Collection<T> & { __insightsWatched?: (() => void)[] };
  if (marked.__insightsWatched) {
    marked.__insightsWatched.push(onWrite);
    return;
  }
  const listeners = [onWrite];
  Object.defineProperty(marked, '__insightsWatched', { value: listeners, enumerable: false });
  const fire = () => {
    for (const l of listeners) l();
  };
  for (const name of WRITES) {
    const original = (collection[name] as (...args: unknown[]) => Promise<unknown>).bind(collection);
    (collection as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      fire();
      try {
        return await original(...args);
      } finally {
        fire();
      }
    };
  }
}
