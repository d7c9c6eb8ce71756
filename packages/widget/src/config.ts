// The site config is cached in localStorage so the second page view can decide
// without waiting for the network, and revalidated with its ETag so an unchanged
// config costs a 304 with no body.
import type { SiteConfig } from './types.ts';
import { load, save } from './storage.ts';

interface Cached {
  e?: string;
  c: SiteConfig;
}

export function cachedConfig(key: string): SiteConfig | undefined {
  return load<Cached | null>(key, null)?.c;
}

/** Resolves with the fresh config, or undefined when the cached copy is still current (or the fetch failed). */
export async function refreshConfig(url: string, key: string, f: typeof fetch): Promise<SiteConfig | undefined> {
  const cached = load<Cached | null>(key, null);
  const res = await f(url, {
    headers: cached?.e ? { 'If-None-Match': cached.e } : {},
    credentials: 'omit',
  });
  if (res.status === 304 || !res.ok) {
    if (!res.ok && res.status !== 304) throw new Error(`config HTTP ${res.status}`);
    return undefined;
  }
  const c = (await res.json()) as SiteConfig;
  save(key, { e: res.headers.get('ETag') ?? undefined, c } satisfies Cached);
  return c;
}
