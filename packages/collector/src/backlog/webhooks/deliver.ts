// Durable webhook delivery. An event becomes one `webhook_deliveries` document
// per subscribed webhook before anything is sent, so a pending retry survives a
// restart; a timer (and each new event) sends what is due. Retries on network
// errors, timeouts, 5xx and 429 follow an exponential schedule with jitter
// (default 1 s, 4 s, 16 s, 64 s, 256 s: six attempts); other answers are final.
import { randomBytes } from 'node:crypto';
import type { WebhookEvent } from '@hark/shared';
import type { Collection } from '../../store/port.ts';
import type { DeliveryDoc, WebhookDoc } from '../collections.ts';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, sign } from './sign.ts';
import { type Envelope, slackMessage } from './slack-format.ts';

export interface DeliveryOptions {
  /** Delays before each retry, ms; attempts = length + 1. */
  retryScheduleMs: number[];
  /** ±fraction of random jitter on each delay. */
  jitter: number;
  pollMs: number;
  timeoutMs: number;
}

export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = {
  retryScheduleMs: [1000, 4000, 16_000, 64_000, 256_000],
  jitter: 0.2,
  pollMs: 1000,
  timeoutMs: 10_000,
};

const newId = (prefix: string) => `${prefix}_${randomBytes(9).toString('base64url')}`;

export function retryDelay(attempt: number, opts: Pick<DeliveryOptions, 'retryScheduleMs' | 'jitter'>, random = Math.random): number | null {
  const base = opts.retryScheduleMs[attempt - 1];
  if (base === undefined) return null;
  return Math.max(0, Math.round(base * (1 + opts.jitter * (random() * 2 - 1))));
}

export const isRetriable = (status: number | undefined) => status === undefined || status >= 500 || status === 429 || status === 408;

export function renderBody(hook: Pick<WebhookDoc, 'format'>, envelope: Envelope): string {
  return JSON.stringify(hook.format === 'slack' ? slackMessage(envelope) : envelope);
}

export class WebhookDispatcher {
  readonly options: DeliveryOptions;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private inFlight = new Set<Promise<unknown>>();
  /** Active webhooks per site, for 2 s: every ingested response asks. */
  private hookCache = new Map<string, { hooks: WebhookDoc[]; at: number }>();

  constructor(
    private readonly webhooks: Collection<WebhookDoc>,
    private readonly deliveries: Collection<DeliveryDoc>,
    options: Partial<DeliveryOptions> = {},
    private readonly onError: (err: unknown) => void = () => {},
  ) {
    this.options = { ...DEFAULT_DELIVERY_OPTIONS, ...options };
  }

  start(): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => this.kick(), this.options.pollMs);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Waits for what is being sent now (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running || this.inFlight.size) {
      await this.running;
      await Promise.allSettled([...this.inFlight]);
    }
  }

  /**
   * Records one delivery per active webhook of the site subscribed to the event, then sends them.
   * `data` may be a function: it is then built only when some webhook wants the event.
   */
  async emit(siteKey: string, event: WebhookEvent, payload: Record<string, unknown> | (() => Record<string, unknown>)): Promise<number> {
    if (this.stopped) return 0;
    const hooks = (await this.activeHooks(siteKey)).filter((h) => h.events.includes(event));
    if (!hooks.length) return 0;
    const data = typeof payload === 'function' ? payload() : payload;
    const now = new Date().toISOString();
    const envelope: Envelope = { event, id: newId('evt'), createdAt: now, site: siteKey, data };
    const docs: DeliveryDoc[] = hooks.map((h) => ({
      id: newId('dlv'),
      webhookId: h.id,
      siteKey,
      event,
      eventId: envelope.id,
      status: 'pending',
      attempts: [],
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
      body: renderBody(h, envelope),
    }));
    await this.deliveries.insertMany(docs);
    this.kick();
    return docs.length;
  }

  invalidate(): void {
    this.hookCache.clear();
  }

  /** False when the site is known (fresh cache) to have no active webhook: emitting would do nothing. */
  mayHaveHooks(siteKey: string): boolean {
    const hit = this.hookCache.get(siteKey);
    return !(hit && Date.now() - hit.at < 2000 && hit.hooks.length === 0);
  }

  private async activeHooks(siteKey: string): Promise<WebhookDoc[]> {
    const hit = this.hookCache.get(siteKey);
    if (hit && Date.now() - hit.at < 2000) return hit.hooks;
    const hooks = await this.webhooks.find({ siteKey, active: true });
    this.hookCache.set(siteKey, { hooks, at: Date.now() });
    return hooks;
  }

  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.processDue();
        } while (this.again && !this.stopped);
      } catch (err) {
        this.onError(err);
      } finally {
        this.running = null;
      }
    })();
  }

  /** Claims every due delivery (a lease: nextAttemptAt moves forward) and sends them concurrently. */
  private async processDue(): Promise<void> {
    const now = new Date();
    const due = await this.deliveries.find({ status: 'pending', nextAttemptAt: { $lte: now.toISOString() } }, { sort: { nextAttemptAt: 1 }, limit: 50 });
    for (const d of due) {
      if (this.stopped) return;
      const lease = new Date(now.getTime() + this.options.timeoutMs + 5000).toISOString();
      const claimed = await this.deliveries.findOneAndUpdate({ id: d.id, status: 'pending', nextAttemptAt: d.nextAttemptAt }, { $set: { nextAttemptAt: lease } });
      if (!claimed) continue; // another replica has it
      const p = this.attempt(claimed).catch(this.onError);
      this.inFlight.add(p);
      void p.finally(() => this.inFlight.delete(p));
    }
  }

  private async attempt(d: DeliveryDoc): Promise<void> {
    const hook = await this.webhooks.findOne({ id: d.webhookId });
    const n = d.attempts.length + 1;
    const at = new Date();
    if (!hook || !hook.active) {
      await this.finish(d, { n, at: at.toISOString(), durationMs: 0, error: hook ? 'webhook disabled' : 'webhook deleted' }, 'failed', null);
      return;
    }
    const ts = Math.floor(at.getTime() / 1000);
    let statusCode: number | undefined;
    let error: string | undefined;
    let retryAfterMs = 0;
    const t0 = performance.now();
    try {
      const res = await fetch(hook.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Hark-Webhooks/0.1',
          [EVENT_HEADER]: d.event,
          [DELIVERY_HEADER]: d.id,
          [TIMESTAMP_HEADER]: String(ts),
          [SIGNATURE_HEADER]: sign(hook.secret, ts, d.body),
        },
        body: d.body,
      });
      statusCode = res.status;
      const ra = res.headers.get('retry-after');
      if (ra && /^\d+$/.test(ra)) retryAfterMs = Math.min(Number(ra) * 1000, 3_600_000);
      await res.arrayBuffer().catch(() => undefined);
      if (statusCode >= 300) error = `HTTP ${statusCode}`;
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      error = e.name === 'TimeoutError' ? `timeout after ${this.options.timeoutMs} ms` : (e.cause?.code ?? e.cause?.message ?? e.message);
    }
    const record = { n, at: at.toISOString(), durationMs: Math.round(performance.now() - t0), ...(statusCode !== undefined ? { statusCode } : {}), ...(error ? { error } : {}) };
    if (!error) return this.finish(d, record, 'delivered', null);
    const delay = isRetriable(statusCode) ? retryDelay(n, this.options) : null;
    if (delay === null) return this.finish(d, record, 'failed', null);
    await this.finish(d, record, 'pending', new Date(Date.now() + Math.max(delay, retryAfterMs)).toISOString());
  }

  private async finish(d: DeliveryDoc, attempt: DeliveryDoc['attempts'][number], status: DeliveryDoc['status'], nextAttemptAt: string | null): Promise<void> {
    await this.deliveries.updateOne(
      { id: d.id },
      { $set: { attempts: [...d.attempts, attempt], status, nextAttemptAt, updatedAt: new Date().toISOString() } },
    );
    if (status === 'pending') this.scheduleWake(nextAttemptAt!);
  }

  /** A retry sooner than the next poll gets its own timer, so short schedules (tests) stay short. */
  private scheduleWake(when: string): void {
    const ms = new Date(when).getTime() - Date.now();
    if (this.stopped || ms >= this.options.pollMs) return;
    const t = setTimeout(() => this.kick(), Math.max(0, ms) + 5);
    t.unref();
  }
}
