import { EmbeddedStore } from './embedded.ts';
import type { Store } from './port.ts';

export interface OpenStoreOptions {
  /** Set: MongoDB through the official driver. */
  mongodbUri?: string;
  mongodbDb?: string;
  /** Embedded store folder; undefined keeps everything in memory (tests). */
  dataDir?: string;
  timeoutMs?: number;
}

export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  if (opts.mongodbUri) {
    const { MongoStore } = await import('./mongo.ts');
    return MongoStore.connect(opts.mongodbUri, opts.mongodbDb ?? 'hark', { timeoutMs: opts.timeoutMs ?? 3000 });
  }
  return new EmbeddedStore({ dataDir: opts.dataDir });
}
