// Zero loss, zero duplicates: every answer is written to localStorage before any
// network attempt, and stays there until the collector acknowledged it. Retrying is
// always safe because the answer's uuid is the collector's idempotency key, so we
// lean towards sending twice (beacon + later retry) rather than risking a loss.
import type { ResponseInput } from './types.ts';
import { load, save } from './storage.ts';
import { report } from './report.ts';

export interface OutboxItem {
  r: ResponseInput;
  /** Held: the visitor is still answering this survey (more fields may come). */
  h?: number;
}

export interface OutboxDeps {
  fetch: typeof fetch;
  now: () => number;
  random: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (t: unknown) => void;
  beacon?: (url: string, body: Blob) => boolean;
  online?: () => boolean;
}

const MAX_BATCH = 50;
/** A hold older than this belongs to a page view that died mid-answer: send what it has. */
const STALE_HOLD_MS = 30 * 60_000;
const BASE_MS = 1000;
const CAP_MS = 60_000;

/** Exponential backoff with jitter (half fixed, half random) so a recovering collector is not stampeded. */
export function backoffDelay(attempt: number, random: number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return retryAfterMs + random * 1000;
  const exp = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempt - 1));
  return exp / 2 + (random * exp) / 2;
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(v: string | null, now: number): number | undefined {
  if (!v) return undefined;
  const n = Number(v);
  if (Number.isFinite(n)) return Math.max(0, n * 1000);
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

export function createOutbox(endpoint: string, key: string, deps: OutboxDeps) {
  let inflight = false;
  let timer: unknown;
  let attempt = 0;
  let single = false;
  const read = () => load<OutboxItem[]>(key, []);
  const write = (items: OutboxItem[]) => save(key, items);
  const ready = () => read().filter((i) => !i.h || deps.now() - i.h > STALE_HOLD_MS);

  function schedule(ms: number) {
    if (timer !== undefined) deps.clearTimeout(timer);
    timer = deps.setTimeout(() => {
      timer = undefined;
      void flush();
    }, ms);
  }

  async function flush(): Promise<void> {
    if (inflight || timer !== undefined) return;
    if (deps.online && !deps.online()) return; // the "online" event calls flush again
    const batch = ready().slice(0, single ? 1 : MAX_BATCH);
    if (!batch.length) return void (single = false);
    inflight = true;
    let retryMs: number | undefined;
    let retry = false;
    try {
      const res = await deps.fetch(endpoint, {
        method: 'POST',
        // text/plain is a CORS "simple" type: no preflight, and the same body works for sendBeacon.
        headers: { 'Content-Type': 'text/plain' },
        body: JSON.stringify(batch.length === 1 ? batch[0]!.r : batch.map((i) => i.r)),
        credentials: 'omit',
      });
      if (res.ok) {
        forget(batch.map((i) => i.r.id));
        attempt = 0; // stay in single mode until the rejected answer has been found
      } else if (res.status === 429 || res.status >= 500) {
        retry = true;
        retryMs = parseRetryAfter(res.headers.get('Retry-After'), deps.now());
      } else if (batch.length > 1) {
        // One bad answer must not sink the others: resend one at a time to isolate it.
        single = true;
      } else {
        report(new Error(`response ${batch[0]!.r.id} rejected with HTTP ${res.status}; dropped`));
        forget([batch[0]!.r.id]);
        single = false;
      }
    } catch {
      retry = true; // network error or offline
    } finally {
      inflight = false;
    }
    if (retry) schedule(backoffDelay(++attempt, deps.random(), retryMs));
    else if (ready().length) await flush();
  }

  function forget(ids: string[]) {
    // Re-read: another tab or a put() during the request may have changed the list.
    write(read().filter((i) => !ids.includes(i.r.id)));
  }

  return {
    /** Insert or update an answer; held answers wait for release(). */
    put(r: ResponseInput, hold: boolean) {
      const items = read().filter((i) => i.r.id !== r.id);
      items.push(hold ? { r, h: deps.now() } : { r });
      write(items);
      if (!hold) void flush();
    },
    release(id: string) {
      write(read().map((i) => (i.r.id === id ? { r: i.r } : i)));
      void flush();
    },
    flush,
    /** Network is back: do not wait for the backoff timer. */
    wake() {
      if (timer !== undefined) deps.clearTimeout(timer);
      timer = undefined;
      attempt = 0;
      void flush();
    },
    /** Page is going away: hand what is left to the browser. Kept locally until acknowledged. */
    beacon() {
      const batch = ready().slice(0, MAX_BATCH);
      if (!batch.length || !deps.beacon) return;
      deps.beacon(endpoint, new Blob([JSON.stringify(batch.map((i) => i.r))], { type: 'text/plain' }));
    },
    pending: () => read().length,
    stop() {
      if (timer !== undefined) deps.clearTimeout(timer);
      timer = undefined;
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
