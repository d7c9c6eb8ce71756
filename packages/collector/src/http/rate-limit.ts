import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Collection } from '../store/port.ts';
import type { CounterDoc } from '../store/collections.ts';
import { HttpError } from './errors.ts';

/** Fixed-window hit counter. */
export interface RateCounter {
  hit(key: string, windowMs: number): Promise<number>;
}

/** One process: counts in memory. Right for the embedded store, which is single-process anyway. */
export class MemoryRateCounter implements RateCounter {
  private windows = new Map<string, { count: number; resetAt: number }>();
  private lastSweep = Date.now();

  async hit(key: string, windowMs: number): Promise<number> {
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

export interface RateLimitRule {
  name: string;
  limit: number;
  windowMs: number;
  key: (req: Request) => string | undefined;
}

export function rateLimit(counter: RateCounter, rules: RateLimitRule[]): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      for (const rule of rules) {
        const k = rule.key(req);
        if (!k) continue;
        const count = await counter.hit(`${rule.name}:${k}`, rule.windowMs);
        if (count > rule.limit) {
          const retryAfter = Math.max(1, Math.ceil((rule.windowMs - (Date.now() % rule.windowMs)) / 1000));
          throw new HttpError(
            429,
            'rate_limited',
            `too many requests (${rule.name}: ${rule.limit} per ${rule.windowMs / 1000}s); retry after ${retryAfter}s`,
            undefined,
            { 'Retry-After': String(retryAfter) },
          );
        }
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}
