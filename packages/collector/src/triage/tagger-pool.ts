import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Tags } from '@hark/shared';
import type { TagInput, TagOptions } from './tagger.ts';
import type { DiscoveredTheme } from './theme-discovery.ts';
import type { Taxonomy } from './themes.ts';

/** Tags one response, on this thread (tagResponse) or on a worker (TaggerPool.tag). */
export type Tagger = (input: TagInput, options: TagOptions) => Tags | Promise<Tags>;

export interface TaggerRequest {
  jobs: { id: number; input: TagInput; taxonomy?: number; discovered?: number }[];
  taxonomies?: Record<number, Taxonomy>;
  discovered?: Record<number, readonly DiscoveredTheme[]>;
}
export interface TaggerReply {
  results: ({ id: number; tags: Tags } | { id: number; error: string })[];
}

interface Job {
  id: number;
  input: TagInput;
  options: TagOptions;
  resolve: (tags: Tags) => void;
  reject: (err: Error) => void;
  sentAt?: number;
}

interface Slot {
  worker: Worker;
  /** Jobs sent and not yet answered, by id. */
  inFlight: Map<number, Job>;
  /** Ids of the taxonomies and discovered-theme lists this worker already holds. */
  known: Set<number>;
}

const TIMEOUT_MS = 10_000;

/** Worker threads for a machine with `cores` cores: leave one core to the event loop, use at most four. */
export function defaultTaggerThreads(cores = availableParallelism()): number {
  return Math.max(1, Math.min(4, cores - 1));
}

/**
 * Tagging is the most expensive step of ingesting an answer (NLP over the
 * comment) and it is pure CPU, so it runs on worker threads while the event loop
 * keeps parsing, validating and storing. Ingestion still awaits the tags and
 * stores them in the same write as the answer; a worker that fails, dies or
 * stalls rejects its jobs, and those answers are stored as `tagging: failed` for
 * the sweeper to retry, as when the tagger throws on the main thread.
 *
 * Jobs that arrive in the same turn of the event loop go to a worker in one
 * message; taxonomies travel once per worker and are then named by id.
 */
export class TaggerPool {
  private readonly slots: Slot[] = [];
  private queue: Job[] = [];
  private flushScheduled = false;
  private nextJob = 1;
  private nextRef = 1;
  private readonly refs = new WeakMap<object, number>();
  private closed = false;
  private readonly watchdog = setInterval(() => this.expire(), 1000).unref();

  private constructor(private readonly size: number) {}

  static async start(size: number): Promise<TaggerPool> {
    const pool = new TaggerPool(size);
    await Promise.all(Array.from({ length: size }, () => pool.spawn()));
    return pool;
  }

  get threads(): number {
    return this.size;
  }

  private spawn(): Promise<void> {
    const worker = new Worker(new URL('./tagger-thread.mjs', import.meta.url));
    const slot: Slot = { worker, inFlight: new Map(), known: new Set() };
    return new Promise((resolve, reject) => {
      const lost = (why: string) => {
        const i = this.slots.indexOf(slot);
        if (i >= 0) this.slots.splice(i, 1);
        for (const job of slot.inFlight.values()) job.reject(new Error(`tagger thread ${why}`));
        slot.inFlight.clear();
        if (!this.closed) void this.spawn().catch(() => {});
      };
      worker.on('message', (msg: { ready?: boolean } & Partial<TaggerReply>) => {
        if (msg.ready) {
          this.slots.push(slot);
          resolve();
          this.flush();
          return;
        }
        for (const r of msg.results ?? []) {
          const job = slot.inFlight.get(r.id);
          if (!job) continue;
          slot.inFlight.delete(r.id);
          if ('tags' in r) job.resolve(r.tags);
          else job.reject(new Error(r.error));
        }
      });
      worker.once('error', (err) => {
        reject(err);
        lost(`failed: ${err.message}`);
      });
      worker.once('exit', (code) => lost(`exited with code ${code}`));
    });
  }

  tag(input: TagInput, options: TagOptions): Promise<Tags> {
    if (this.closed) return Promise.reject(new Error('tagger pool closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextJob++, input, options, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private refOf(o: object | undefined): number | undefined {
    if (!o) return undefined;
    let id = this.refs.get(o);
    if (id === undefined) this.refs.set(o, (id = this.nextRef++));
    return id;
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.queue.length === 0 || this.slots.length === 0) return;
    const jobs = this.queue;
    this.queue = [];
    // The least busy worker takes the whole turn's batch.
    const slot = this.slots.reduce((a, b) => (b.inFlight.size < a.inFlight.size ? b : a));
    const msg: TaggerRequest = { jobs: [] };
    for (const job of jobs) {
      const taxonomy = this.refOf(job.options.taxonomy);
      const discovered = this.refOf(job.options.discovered);
      if (taxonomy !== undefined && !slot.known.has(taxonomy)) {
        (msg.taxonomies ??= {})[taxonomy] = job.options.taxonomy!;
        slot.known.add(taxonomy);
      }
      if (discovered !== undefined && !slot.known.has(discovered)) {
        (msg.discovered ??= {})[discovered] = job.options.discovered!;
        slot.known.add(discovered);
      }
      msg.jobs.push({ id: job.id, input: job.input, taxonomy, discovered });
      slot.inFlight.set(job.id, job);
    }
    const now = Date.now();
    for (const job of jobs) job.sentAt = now;
    slot.worker.postMessage(msg);
  }

  /** A stalled worker must not hold answers forever: its late jobs fail and the sweeper retries them. */
  private expire(): void {
    const limit = Date.now() - TIMEOUT_MS;
    for (const slot of this.slots) {
      for (const [id, job] of slot.inFlight) {
        if ((job.sentAt ?? Infinity) < limit) {
          slot.inFlight.delete(id);
          job.reject(new Error(`tagger thread gave no answer in ${TIMEOUT_MS / 1000}s`));
        }
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.watchdog);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    for (const job of this.queue) job.reject(new Error('tagger pool closed'));
    this.queue = [];
  }
}
