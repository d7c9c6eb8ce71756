// Zero loss, zero duplicates: every answer is written to localStorage before any
// network attempt, and stays there until the collector acknowledged it. Retrying is
// always safe because the answer's uuid is the collector's idempotency key, so we
// lean towards sending twice (beacon + later retry) rather than risking a loss.
// Lives in the UI chunk: the loader only loads it when there is something to deliver.
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

/** Exponential backoff with jitter (half fixed, half random) so a recovering collector is not stampeded. */
export function backoffDelay(attempt: number, random: number, retryAfterMs?: number): number {
  const exp = Math.min(60_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return retryAfterMs !== undefined ? retryAfterMs + random * 1000 : exp / 2 + (random * exp) / 2;
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(v: string | null, now: number): number | undefined {
  const t = v ? (isFinite(+v) ? +v * 1000 : Date.parse(v) - now) : NaN;
  return t === t ? Math.max(0, t) : undefined;
}

export function createOutbox(endpoint: string, key: string, deps: OutboxDeps) {
  let inflight = false;
  let timer: unknown;
  let attempt = 0;
  let single = false;
  const read = () => load<OutboxItem[]>(key, []);
  const ready = () => read().filter((i) => !i.h || deps.now() - i.h > STALE_HOLD_MS);
  const ids = (b: OutboxItem[]) => b.map((i) => i.r);
  // Re-read: another tab or a put() during the request may have changed the list.
  const forget = (gone: ResponseInput[]) => save(key, read().filter((i) => !gone.some((r) => r.id === i.r.id)));
  const stop = () => {
    deps.clearTimeout(timer);
    timer = undefined;
  };

  async function flush(): Promise<void> {
    if (inflight || timer !== undefined || deps.online?.() === false) return; // the "online" event calls wake()
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
        body: JSON.stringify(batch.length === 1 ? batch[0]!.r : ids(batch)),
        credentials: 'omit',
      });
      if (res.ok) {
        forget(ids(batch));
        attempt = 0; // stay in single mode until the rejected answer has been found
      } else if (res.status === 429 || res.status >= 500) {
        retry = true;
        retryMs = parseRetryAfter(res.headers.get('Retry-After'), deps.now());
      } else if (batch.length > 1) {
        // One bad answer must not sink the others: resend one at a time to isolate it.
        single = true;
      } else {
        report(`response ${batch[0]!.r.id} rejected with HTTP ${res.status}; dropped`);
        forget(ids(batch));
        single = false;
      }
    } catch {
      retry = true; // network error or offline
    }
    inflight = false;
    if (retry)
      timer = deps.setTimeout(() => {
        timer = undefined;
        void flush();
      }, backoffDelay(++attempt, deps.random(), retryMs));
    else if (ready().length) await flush();
  }

  return {
    /** Insert or update an answer; held answers wait until put again without hold. */
    put(r: ResponseInput, hold: boolean) {
      save(key, [...read().filter((i) => i.r.id !== r.id), hold ? { r, h: deps.now() } : { r }]);
      if (!hold) void flush();
    },
    flush,
    /** Network is back: do not wait for the backoff timer. */
    wake() {
      stop();
      attempt = 0;
      void flush();
    },
    /** Page is going away: hand what is left to the browser. Kept locally until acknowledged. */
    beacon() {
      const batch = ready().slice(0, MAX_BATCH);
      if (batch.length) deps.beacon?.(endpoint, new Blob([JSON.stringify(ids(batch))], { type: 'text/plain' }));
    },
    stop,
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
