import { createHash } from 'node:crypto';
import {
  type Collection as MongoCollection,
  type Db,
  MongoBulkWriteError,
  MongoClient,
  MongoServerError,
  ObjectId,
  type Document,
} from 'mongodb';
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

const DUPLICATE_KEY = 11000;

/**
 * The primary key is derived from the natural key: 96 bits of SHA-256 of
 * "collection:key". Every MongoDB-compatible engine enforces _id uniqueness
 * (also the in-process test server, which ignores secondary unique indexes),
 * and on a sharded cluster a hashed _id spreads writes evenly.
 */
export function derivedId(collection: string, key: string): ObjectId {
  return new ObjectId(createHash('sha256').update(`${collection}:${key}`).digest().subarray(0, 12));
}

const UNAVAILABLE = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoPoolClearedError',
  'MongoTopologyClosedError',
]);

/** Connection trouble becomes StoreUnavailableError (HTTP 503); anything else is a real error. */
async function guard<R>(op: () => Promise<R>): Promise<R> {
  try {
    return await op();
  } catch (err) {
    const name = (err as Error)?.name ?? '';
    if (UNAVAILABLE.has(name) || (err as { errorLabels?: string[] })?.errorLabels?.includes?.('ResetPool')) {
      throw new StoreUnavailableError(`MongoDB unavailable: ${(err as Error).message}`, { cause: err });
    }
    throw err;
  }
}

function withoutId(projection?: Record<string, 0 | 1>): Document {
  return { ...(projection ?? {}), _id: 0 };
}

function isDuplicate(err: unknown): boolean {
  return err instanceof MongoServerError && err.code === DUPLICATE_KEY;
}

class MongoStoreCollection<T extends Doc> implements Collection<T> {
  constructor(
    readonly name: string,
    private readonly col: MongoCollection<Document>,
    private readonly keyOf: (doc: T) => string,
  ) {}

  private idOf(doc: T): ObjectId {
    return derivedId(this.name, this.keyOf(doc));
  }

  insertOne(doc: T): Promise<InsertOutcome> {
    return guard(async () => {
      try {
        await this.col.insertOne({ ...doc, _id: this.idOf(doc) });
        return 'inserted';
      } catch (err) {
        if (isDuplicate(err)) return 'duplicate';
        throw err;
      }
    });
  }

  insertMany(docs: T[]): Promise<InsertOutcome[]> {
    return guard(async () => {
      const outcomes: InsertOutcome[] = docs.map(() => 'inserted');
      const seen = new Map<string, number>();
      const batch: Document[] = [];
      const batchIndex: number[] = [];
      docs.forEach((d, i) => {
        const _id = this.idOf(d);
        const hex = _id.toHexString();
        if (seen.has(hex)) outcomes[i] = 'duplicate';
        else {
          seen.set(hex, i);
          batch.push({ ...d, _id });
          batchIndex.push(i);
        }
      });
      if (batch.length === 0) return outcomes;
      try {
        await this.col.insertMany(batch, { ordered: false });
      } catch (err) {
        if (!(err instanceof MongoBulkWriteError)) throw err;
        const errors = Array.isArray(err.writeErrors) ? err.writeErrors : [err.writeErrors];
        for (const we of errors) {
          if (we.code !== DUPLICATE_KEY) throw err;
          outcomes[batchIndex[we.index]!] = 'duplicate';
        }
      }
      return outcomes;
    });
  }

  findOne(filter: Filter, options?: Pick<FindOptions, 'sort' | 'projection'>): Promise<T | null> {
    return guard(async () => {
      const d = await this.col.findOne(filter, { projection: withoutId(options?.projection), sort: options?.sort });
      return d as T | null;
    });
  }

  private cursor(filter: Filter, options?: FindOptions) {
    let c = this.col.find(filter, { projection: withoutId(options?.projection) });
    if (options?.sort) c = c.sort(options.sort);
    if (options?.skip) c = c.skip(options.skip);
    if (options?.limit) c = c.limit(options.limit);
    return c;
  }

  find(filter: Filter, options?: FindOptions): Promise<T[]> {
    return guard(async () => (await this.cursor(filter, options).toArray()) as unknown as T[]);
  }

  async *stream(filter: Filter, options?: FindOptions): AsyncIterable<T> {
    const c = this.cursor(filter, options).batchSize(500);
    try {
      while (true) {
        const d = await guard(() => c.next());
        if (!d) return;
        yield d as unknown as T;
      }
    } finally {
      await c.close().catch(() => {});
    }
  }

  count(filter: Filter): Promise<number> {
    return guard(() => this.col.countDocuments(filter));
  }

  /** An upsert must create the document under its derived _id, like an insert would. */
  private upsertUpdate(filter: Filter, update: Update): Update {
    const onInsert = (update.$setOnInsert ?? {}) as Doc;
    const seed = { ...equalityFields(filter), ...onInsert } as T;
    return { ...update, $setOnInsert: { ...onInsert, _id: this.idOf(seed) } };
  }

  /** Two concurrent upserts of one key: the loser gets E11000 and, retried, finds the winner's document. */
  private async retryDuplicate<R>(op: () => Promise<R>): Promise<R> {
    try {
      return await op();
    } catch (err) {
      if (isDuplicate(err)) return op();
      throw err;
    }
  }

  updateOne(filter: Filter, update: Update, options?: UpdateOptions): Promise<UpdateResult> {
    return guard(() =>
      this.retryDuplicate(async () => {
        const u = options?.upsert ? this.upsertUpdate(filter, update) : update;
        const r = await this.col.updateOne(filter, u, { upsert: options?.upsert ?? false });
        return { matched: r.matchedCount, modified: r.modifiedCount, upserted: r.upsertedCount > 0 };
      }),
    );
  }

  updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    return guard(async () => {
      const r = await this.col.updateMany(filter, update);
      return { matched: r.matchedCount, modified: r.modifiedCount, upserted: false };
    });
  }

  findOneAndUpdate(filter: Filter, update: Update, options?: UpdateOptions & { sort?: Record<string, 1 | -1> }): Promise<T | null> {
    return guard(() =>
      this.retryDuplicate(async () => {
        const u = options?.upsert ? this.upsertUpdate(filter, update) : update;
        const d = await this.col.findOneAndUpdate(filter, u, {
          upsert: options?.upsert ?? false,
          returnDocument: 'after',
          projection: { _id: 0 },
          ...(options?.sort ? { sort: options.sort } : {}),
        });
        return d as T | null;
      }),
    );
  }

  deleteMany(filter: Filter): Promise<number> {
    return guard(async () => (await this.col.deleteMany(filter)).deletedCount);
  }

  aggregate<R = Doc>(pipeline: Pipeline): Promise<R[]> {
    return guard(async () => (await this.col.aggregate(pipeline, { allowDiskUse: true }).toArray()) as R[]);
  }
}

export interface MongoStoreOptions {
  timeoutMs: number;
}

export class MongoStore implements Store {
  readonly kind = 'mongodb' as const;
  private readonly cols = new Map<string, MongoStoreCollection<Doc>>();

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    private readonly timeoutMs: number,
  ) {}

  static async connect(uri: string, dbName: string, options: MongoStoreOptions): Promise<MongoStore> {
    const client = new MongoClient(uri, {
      serverSelectionTimeoutMS: options.timeoutMs,
      connectTimeoutMS: options.timeoutMs,
      // Writes are acknowledged by the majority of a replica set before Hark answers 202.
      writeConcern: { w: 'majority', journal: true },
      retryWrites: true,
      appName: 'hark-collector',
    });
    await guard(() => client.connect());
    return new MongoStore(client, client.db(dbName), options.timeoutMs);
  }

  async collection<T extends Doc>(spec: CollectionSpec<T>): Promise<Collection<T>> {
    const existing = this.cols.get(spec.name);
    if (existing) return existing as unknown as Collection<T>;
    const col = this.db.collection(spec.name);
    for (const ix of spec.indexes ?? []) {
      await guard(() =>
        col.createIndex(ix.fields, {
          ...(ix.unique ? { unique: true } : {}),
          ...(ix.expireAfterSeconds !== undefined ? { expireAfterSeconds: ix.expireAfterSeconds } : {}),
          ...(ix.name ? { name: ix.name } : {}),
        }),
      );
    }
    const c = new MongoStoreCollection<T>(spec.name, col, spec.key);
    this.cols.set(spec.name, c as unknown as MongoStoreCollection<Doc>);
    return c;
  }

  async ping(): Promise<void> {
    await guard(async () => {
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new StoreUnavailableError(`MongoDB did not answer within ${this.timeoutMs} ms`)), this.timeoutMs).unref(),
      );
      await Promise.race([this.db.command({ ping: 1 }), timeout]);
    });
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
