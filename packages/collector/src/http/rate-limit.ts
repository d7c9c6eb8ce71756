import type { Collection } from '../store/port.ts';
import type { CounterDoc } from '../store/collections.ts';
import { HttpError } from './errors.ts';

/** Fixed-window hit counter. An in-memory counter answers synchronously, sparing the hot path a microtask. */
export interface RateCounter {
  hit(key: string, windowMs: number): number | Promise<number>;
}

/** One process: counts in memory. Right for the embedded store, which is single-process anyway. */
export class MemoryRateCounter implements RateCounter {
  private windows = new Map<string, { count: number; resetAt: number }>();
  private lastSweep = Date.now();

  hit(key: string, windowMs: number): number {
    const now = Date.now();
    if (now - this.lastSweep > windowMs) {
      for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
      this.lastSweep = now;
    }
    const w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      this.windows.set(key, { count: 1, resetAt: now + windowMs });
      return 1;
    }
    return ++w.count;
  }
}

/**
 * Several collector replicas: counters live in the shared store (one atomic $inc
 * upsert per hit), so a client cannot multiply its budget by the replica count.
 * Expired windows are removed by the TTL index on MongoDB.
 */
export class StoreRateCounter implements RateCounter {
  constructor(private readonly counters: Collection<CounterDoc>) {}

  async hit(key: string, windowMs: number): Promise<number> {
    const start = Math.floor(Date.now() / windowMs) * windowMs;
    const doc = await this.counters.findOneAndUpdate(
      { key: `${key}:${start}` },
      { $inc: { count: 1 }, $setOnInsert: { expiresAt: new Date(start + 2 * windowMs) } },
      { upsert: true },
    );
    return doc?.count ?? 1;
  }
}

export interface RateLimitRule<C> {
  name: string;
  limit: number;
  windowMs: number;
  key: (ctx: C) => string | undefined;
}

/**
 * Checks every rule in order and calls `done` once: with nothing when under all
 * limits, with a 429 HttpError (carrying Retry-After) otherwise. A counter that
 * answers synchronously keeps the whole check synchronous.
 */
export function rateLimit<C>(counter: RateCounter, rules: RateLimitRule<C>[]): (ctx: C, done: (err?: unknown) => void) => void {
  const refuse = (rule: RateLimitRule<C>) => {
    const retryAfter = Math.max(1, Math.ceil((rule.windowMs - (Date.now() % rule.windowMs)) / 1000));
    return new HttpError(
      429,
      'rate_limited',
      `too many requests (${rule.name}: ${rule.limit} per ${rule.windowMs / 1000}s); retry after ${retryAfter}s`,
      undefined,
      { 'Retry-After': String(retryAfter) },
    );
  };
  const check = (ctx: C, from: number, done: (err?: unknown) => void): void => {
    for (let i = from; i < rules.length; i++) {
      const rule = rules[i]!;
      const k = rule.key(ctx);
      if (!k) continue;
      const count = counter.hit(`${rule.name}:${k}`, rule.windowMs);
      if (typeof count !== 'number') {
        count.then((c) => (c > rule.limit ? done(refuse(rule)) : check(ctx, i + 1, done)), done);
        return;
      }
      if (count > rule.limit) return done(refuse(rule));
    }
    done();
  };
  return (ctx, done) => check(ctx, 0, done);
}
