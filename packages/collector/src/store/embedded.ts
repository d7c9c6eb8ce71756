import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Datastore from '@seald-io/nedb';
import { Aggregator, Query, update as applyUpdate } from 'mingo';
import {
  type Collection,
  type CollectionSpec,
  type Doc,
  type Filter,
  type FindOptions,
  type InsertOutcome,
  type Pipeline,
  type Store,
  type Update,
  type UpdateOptions,
  type UpdateResult,
  StoreUnavailableError,
  equalityFields,
} from './port.ts';
import { SerialQueue } from './serial-queue.ts';

type Stored<T> = T & { _id: string };

interface PendingInsert {
  doc: Doc & { _id: string };
  resolve: (outcome: InsertOutcome) => void;
  reject: (err: unknown) => void;
}

const mingoOptions = { idKey: '_id' } as const;

function stripId<T extends Doc>(doc: Doc): T {
  const { _id, ...rest } = doc;
  return structuredClone(rest) as T;
}

function project<T extends Doc>(docs: Doc[], options: FindOptions | undefined): T[] {
  let cursor = new Query({}, mingoOptions).find(docs, options?.projection as never);
  if (options?.sort) cursor = cursor.sort(options.sort);
  if (options?.skip) cursor = cursor.skip(options.skip);
  if (options?.limit) cursor = cursor.limit(options.limit);
  return cursor.all().map((d) => stripId<T>(d as Doc));
}

function splitSetOnInsert(update: Update): { onInsert: Doc; rest: Update } {
  const { $setOnInsert, ...rest } = update as { $setOnInsert?: Doc } & Update;
  return { onInsert: $setOnInsert ?? {}, rest };
}

/**
 * nedb keeps every document in memory and appends each write to a file; mingo
 * evaluates MongoDB filters and pipelines over the in-memory documents.
 *
 * Inserts are group-committed: all inserts that arrive while a disk append is in
 * flight go out in the next single append. A caller's promise resolves only after
 * the append that holds its document has completed, so an acknowledged write
 * survives kill -9 (the bytes are in the OS page cache).
 */
class EmbeddedCollection<T extends Doc> implements Collection<T> {
  private readonly writes = new SerialQueue();
  private pending: PendingInsert[] = [];
  private flushScheduled = false;

  constructor(
    readonly name: string,
    private readonly ds: Datastore<Doc>,
    private readonly keyOf: (doc: T) => string,
    private readonly isDown: () => boolean,
  ) {}

  /** Fault injection (EmbeddedStore.setOutage): every operation fails as an unreachable store would. */
  private check(): void {
    if (this.isDown()) throw new StoreUnavailableError('embedded store unavailable (simulated outage)');
  }

  private all(): Stored<Doc>[] {
    return this.ds.getAllData() as Stored<Doc>[];
  }

  private matches(filter: Filter): Stored<Doc>[] {
    const q = new Query(filter, mingoOptions);
    return this.all().filter((d) => q.test(d));
  }

  /**
   * The first document matching a filter. A filter that names a document's whole
   * natural key (as the roll-up's $inc upserts and most by-key updates do) is answered
   * from nedb's _id index instead of a scan of the collection; a miss, or a filter
   * that does not pin the key, falls back to the scan.
   */
  private firstMatch(filter: Filter): Stored<Doc> | undefined {
    const q = new Query(filter, mingoOptions);
    let id: string | undefined;
    try {
      id = this.keyOf(equalityFields(filter) as T);
    } catch {
      id = undefined; // the key function needs fields the filter does not have
    }
    const byId = (this.ds as unknown as { indexes: Record<string, { getMatching(v: string): Stored<Doc>[] }> }).indexes._id!;
    const hit = typeof id === 'string' ? byId.getMatching(id)[0] : undefined;
    if (hit && q.test(hit)) return hit;
    return this.all().find((d) => q.test(d));
  }

  insertOne(doc: T): Promise<InsertOutcome> {
    if (this.isDown()) return Promise.reject(new StoreUnavailableError('embedded store unavailable (simulated outage)'));
    return new Promise((resolve, reject) => {
      // A shallow copy is enough: nedb deep-copies every document it inserts.
      this.pending.push({ doc: Object.assign({}, doc, { _id: this.keyOf(doc) }), resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        // After this turn of the event loop, not in the next microtask: every request
        // that reached its insert in this turn then joins the same append.
        setImmediate(() => void this.writes.run(() => this.flush()));
      }
    });
  }

  insertMany(docs: T[]): Promise<InsertOutcome[]> {
    return Promise.all(docs.map((d) => this.insertOne(d)));
  }

  private async flush(): Promise<void> {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const fresh: PendingInsert[] = [];
    const seen = new Set<string>();
    // nedb keeps a unique in-memory index on _id: read it directly rather than queueing a
    // lookup per document behind the disk appends in nedb's executor.
    const byId = (this.ds as unknown as { indexes: Record<string, { getMatching(v: string): unknown[] }> }).indexes._id!;
    for (const p of batch) {
      const exists = seen.has(p.doc._id) || byId.getMatching(p.doc._id).length > 0;
      if (exists) p.resolve('duplicate');
      else {
        seen.add(p.doc._id);
        fresh.push(p);
      }
    }
    if (fresh.length === 0) return;
    try {
      await this.ds.insertAsync(fresh.map((p) => p.doc));
      for (const p of fresh) p.resolve('inserted');
    } catch (err) {
      for (const p of fresh) p.reject(err);
    }
  }

  async findOne(filter: Filter, options?: Pick<FindOptions, 'sort' | 'projection'>): Promise<T | null> {
    this.check();
    await this.writes.drain();
    const found = options?.sort ? this.matches(filter) : [this.firstMatch(filter)].filter((d) => d !== undefined);
    const [first] = project<T>(found, { ...options, limit: 1 });
    return first ?? null;
  }

  async find(filter: Filter, options?: FindOptions): Promise<T[]> {
    this.check();
    await this.writes.drain();
    return project<T>(this.matches(filter), options);
  }

  async *stream(filter: Filter, options?: FindOptions): AsyncIterable<T> {
    const docs = await this.find(filter, options);
    for (const d of docs) yield d;
  }

  async count(filter: Filter): Promise<number> {
    this.check();
    await this.writes.drain();
    return this.matches(filter).length;
  }

  private async applyTo(target: Stored<Doc>, update: Update): Promise<{ modified: boolean; after: Stored<Doc> }> {
    const { rest } = splitSetOnInsert(update);
    const copy = structuredClone(target);
    const changed = applyUpdate(copy, rest as never, undefined, undefined, { cloneMode: 'deep' });
    if (changed.length === 0) return { modified: false, after: target };
    copy._id = target._id;
    await this.ds.updateAsync({ _id: target._id }, copy, {});
    return { modified: true, after: copy };
  }

  private async upsert(filter: Filter, update: Update): Promise<Stored<Doc>> {
    const { onInsert, rest } = splitSetOnInsert(update);
    const doc: Doc = {};
    applyUpdate(doc, { $set: { ...equalityFields(filter), ...onInsert } } as never);
    applyUpdate(doc, rest as never);
    const stored = { ...doc, _id: this.keyOf(doc as T) };
    await this.ds.insertAsync(stored);
    return stored;
  }

  updateOne(filter: Filter, update: Update, options?: UpdateOptions): Promise<UpdateResult> {
    if (this.isDown()) return Promise.reject(new StoreUnavailableError('embedded store unavailable (simulated outage)'));
    return this.writes.run(async () => {
      const target = this.firstMatch(filter);
      if (!target) {
        if (!options?.upsert) return { matched: 0, modified: 0, upserted: false };
        await this.upsert(filter, update);
        return { matched: 0, modified: 0, upserted: true };
      }
      const { modified } = await this.applyTo(target, update);
      return { matched: 1, modified: modified ? 1 : 0, upserted: false };
    });
  }

  updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    if (this.isDown()) return Promise.reject(new StoreUnavailableError('embedded store unavailable (simulated outage)'));
    return this.writes.run(async () => {
      const targets = this.matches(filter);
      let modified = 0;
      for (const t of targets) if ((await this.applyTo(t, update)).modified) modified++;
      return { matched: targets.length, modified, upserted: false };
    });
  }

  findOneAndUpdate(filter: Filter, update: Update, options?: UpdateOptions & { sort?: Record<string, 1 | -1> }): Promise<T | null> {
    if (this.isDown()) return Promise.reject(new StoreUnavailableError('embedded store unavailable (simulated outage)'));
    return this.writes.run(async () => {
      let target: Stored<Doc> | undefined;
      if (options?.sort) {
        const targets = this.matches(filter);
        [target] = targets.length > 1 ? (new Query({}, mingoOptions).find(targets).sort(options.sort).all() as Stored<Doc>[]) : targets;
      } else target = this.firstMatch(filter);
      if (!target) {
        if (!options?.upsert) return null;
        return stripId<T>(await this.upsert(filter, update));
      }
      return stripId<T>((await this.applyTo(target, update)).after);
    });
  }

  deleteMany(filter: Filter): Promise<number> {
    if (this.isDown()) return Promise.reject(new StoreUnavailableError('embedded store unavailable (simulated outage)'));
    return this.writes.run(async () => {
      const ids = this.matches(filter).map((d) => d._id);
      if (ids.length === 0) return 0;
      return this.ds.removeAsync({ _id: { $in: ids } }, { multi: true });
    });
  }

  async aggregate<R = Doc>(pipeline: Pipeline): Promise<R[]> {
    this.check();
    await this.writes.drain();
    // Results are returned as the pipeline shapes them: a pipeline that outputs
    // whole documents drops the store's _id itself ({ $unset: '_id' }), as on MongoDB.
    const out = new Aggregator(pipeline, mingoOptions).run(this.all());
    return structuredClone(out) as R[];
  }

  async close(): Promise<void> {
    await this.writes.drain();
  }
}

export interface EmbeddedStoreOptions {
  /** Folder for the data files; omit for an in-memory store (tests). */
  dataDir?: string;
}

export class EmbeddedStore implements Store {
  readonly kind = 'embedded' as const;
  private readonly collections = new Map<string, EmbeddedCollection<Doc>>();
  private closed = false;
  private outage = false;
  private readonly datastores: Datastore<Doc>[] = [];

  constructor(private readonly options: EmbeddedStoreOptions = {}) {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  }

  async collection<T extends Doc>(spec: CollectionSpec<T>): Promise<Collection<T>> {
    const existing = this.collections.get(spec.name);
    if (existing) return existing as unknown as Collection<T>;
    const ds = new Datastore<Doc>(
      this.options.dataDir
        ? { filename: join(this.options.dataDir, `${spec.name}.db`), corruptAlertThreshold: 0.01 }
        : { inMemoryOnly: true },
    );
    await ds.loadDatabaseAsync();
    // Keep the append-only file from growing without bound.
    if (this.options.dataDir) ds.setAutocompactionInterval(10 * 60_000);
    const col = new EmbeddedCollection<T>(spec.name, ds, spec.key, () => this.outage);
    this.collections.set(spec.name, col as unknown as EmbeddedCollection<Doc>);
    this.datastores.push(ds);
    return col;
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('store closed');
    if (this.outage) throw new StoreUnavailableError('embedded store unavailable (simulated outage)');
  }

  /**
   * Makes the store behave as if unreachable (every operation fails with
   * StoreUnavailableError) until called with false: for tests and outage drills
   * of what clients see (503s, the widget's outbox), which a local file store
   * cannot otherwise show.
   */
  setOutage(on: boolean): void {
    this.outage = on;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.collections.values()].map((c) => c.close()));
    for (const ds of this.datastores) ds.stopAutocompaction();
  }
}
