import { resolve } from 'node:path';
import type { Env } from '../config/env.ts';
import { createServices, type Services } from '../services.ts';
import { lockDataDir } from '../store/data-dir-lock.ts';
import { openStore } from '../store/open-store.ts';

/** The store and services for a one-shot command, released by the returned close(). */
export async function openServices(env: Env, holder: string): Promise<{ services: Services; close: () => Promise<void> }> {
  const dataDir = resolve(env.HARK_DATA_DIR);
  const unlock = env.MONGODB_URI ? Object.assign(() => {}, { uncleanStop: false }) : lockDataDir(dataDir, holder);
  try {
    const store = await openStore({ mongodbUri: env.MONGODB_URI, mongodbDb: env.MONGODB_DB, dataDir, timeoutMs: env.HARK_STORE_TIMEOUT_MS });
    const services = await createServices(store, { retentionDays: env.HARK_RETENTION_DAYS });
    if (unlock.uncleanStop) await services.responseStats.invalidateAll();
    return {
      services,
      close: async () => {
        await store.close();
        unlock();
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}
