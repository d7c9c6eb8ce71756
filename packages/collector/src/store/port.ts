// The storage port. Both adapters speak MongoDB's query, update and aggregation
// dialect, so services write a filter or a pipeline once and it runs on the
// embedded store (nedb + mingo) and on MongoDB alike.

export type Doc = Record<string, unknown>;
export type Filter = Record<string, unknown>;
export type Update = Record<string, unknown>;
export type SortSpec = Record<string, 1 | -1>;
export type Pipeline = Record<string, unknown>[];

export interface FindOptions {
  sort?: SortSpec;
  limit?: number;
  skip?: number;
  projection?: Record<string, 0 | 1>;
}

export interface UpdateOptions {
  upsert?: boolean;
}

export interface UpdateResult {
  matched: number;
  modified: number;
  upserted: boolean;
}

export type InsertOutcome = 'inserted' | 'duplicate';

export interface IndexSpec {
  fields: Record<string, 1 | -1>;
  unique?: boolean;
  /** TTL in seconds on a Date field (MongoDB only; the embedded store purges on a timer instead). */
  expireAfterSeconds?: number;
  name?: string;
}

/**
 * A collection is declared once with its natural key. The adapter turns that key
 * into the primary `_id`, so uniqueness (idempotency of responses, one site per
 * key) rests on the primary key, which every engine enforces, even the in-process
 * test server that ignores secondary unique indexes.
 */
export interface CollectionSpec<T extends Doc> {
  name: string;
  key: (doc: T) => string;
  indexes?: IndexSpec[];
}

export interface Collection<T extends Doc> {
  readonly name: string;
  /** Inserts unless a document with the same natural key exists. Resolves once the store has it. */
  insertOne(doc: T): Promise<InsertOutcome>;
  /** Same as insertOne for each document, in order; duplicates inside the array count as duplicates. */
  insertMany(docs: T[]): Promise<InsertOutcome[]>;
  findOne(filter: Filter, options?: Pick<FindOptions, 'sort' | 'projection'>): Promise<T | null>;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  /** Streams matching documents without holding them all (MongoDB) or from a snapshot (embedded). */
  stream(filter: Filter, options?: FindOptions): AsyncIterable<T>;
  count(filter: Filter): Promise<number>;
  updateOne(filter: Filter, update: Update, options?: UpdateOptions): Promise<UpdateResult>;
  updateMany(filter: Filter, update: Update): Promise<UpdateResult>;
  /** Atomically updates the first match and returns it as it is after the update (null: no match). */
  findOneAndUpdate(filter: Filter, update: Update, options?: UpdateOptions & { sort?: SortSpec }): Promise<T | null>;
  deleteMany(filter: Filter): Promise<number>;
  aggregate<R = Doc>(pipeline: Pipeline): Promise<R[]>;
}

export type StoreKind = 'embedded' | 'mongodb';

export interface Store {
  readonly kind: StoreKind;
  collection<T extends Doc>(spec: CollectionSpec<T>): Promise<Collection<T>>;
  /** Throws StoreUnavailableError when the store cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/** Fields of a filter that are plain equalities: they seed the document an upsert creates. */
export function equalityFields(filter: Filter): Doc {
  const out: Doc = {};
  for (const [k, v] of Object.entries(filter)) {
    if (k.startsWith('$')) continue;
    const isOperator = v !== null && typeof v === 'object' && !(v instanceof Date) && !Array.isArray(v) &&
      Object.keys(v).some((kk) => kk.startsWith('$'));
    if (!isOperator) out[k] = v;
  }
  return out;
}
