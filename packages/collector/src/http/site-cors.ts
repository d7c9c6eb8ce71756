import { SiteKey, type Site } from '@hark/shared';
import { SitesService } from '../sites/sites.ts';
import { HttpError } from './errors.ts';

/**
 * CORS per site: only the site's allowed origins may call it from a browser.
 * A POST from another origin is refused outright, not just hidden from the page:
 * a text/plain POST needs no preflight, so the browser would deliver it anyway.
 * Returns the headers to send, or the error to answer with.
 */
export function siteCorsHeaders(site: Site, origin: string | undefined, method: string | undefined): Record<string, string> | HttpError {
  if (!SitesService.originAllowed(site, origin)) {
    return new HttpError(403, 'origin_not_allowed', `origin ${origin} is not allowed for site "${site.key}"`);
  }
  const headers: Record<string, string> = { Vary: 'Origin' };
  if (origin) {
    headers['Access-Control-Allow-Origin'] = origin;
    // The widget reads these cross-origin: ETag for its config cache, Retry-After for its outbox backoff.
    headers['Access-Control-Expose-Headers'] = 'ETag, Retry-After';
  }
  if (method === 'OPTIONS') {
    headers['Access-Control-Allow-Methods'] = 'GET, POST, OPTIONS';
    headers['Access-Control-Allow-Headers'] = 'Content-Type, If-None-Match';
    headers['Access-Control-Max-Age'] = '86400';
  }
  return headers;
}

/** Finds the site named in a public URL; synchronous when the site is cached, as it is on the hot path. */
export function withSite(sites: SitesService, rawKey: string, onSite: (site: Site) => void, onError: (err: unknown) => void): void {
  const key = SiteKey.safeParse(rawKey);
  if (!key.success) return onError(new HttpError(404, 'not_found', `site "${rawKey.slice(0, 64)}" not found`));
  const cached = sites.peek(key.data);
  if (cached) return onSite(cached);
  sites.require(key.data).then(onSite, onError);
}
