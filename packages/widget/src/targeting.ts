// Pure eligibility rules: no timers, no DOM listeners, so every rule is unit-testable
// with plain objects. Triggers (delay, scroll, exit intent) live elsewhere.
import type { PublicSurvey, Traits } from './types.ts';
import { attempt } from './report.ts';

type Targeting = NonNullable<PublicSurvey['targeting']>;
type UrlRule = Targeting['urls']['include'][number];
type TraitRule = Targeting['traits'][number];
export type Device = 'desktop' | 'mobile' | 'tablet';

export interface TargetingContext {
  url: string;
  events: ReadonlySet<string>;
  traits: Traits;
  device: Device;
  locale: string;
  visitorId: string;
}

/**
 * Values starting with "/" (and regexes, either way) are compared with path+query (so one rule works on every
 * host the site is served from); anything else with the full URL.
 */
export const matchUrl = ({ match: m, value: v }: UrlRule, href: string): boolean =>
  // A broken rule (bad URL or regex) must not show the survey everywhere.
  attempt(() => {
    const u = new URL(href);
    const path = u.pathname + u.search;
    const x = v[0] === '/' ? path : href;
    return m === 'exact'
      ? x === v || x === v + '/' || x + '/' === v
      : m === 'contains'
        ? x.includes(v)
        : m === 'prefix'
          ? x.startsWith(v)
          : // Regexes may be written for the path ("^/pricing") or the whole URL.
            m === 'regex' && (RegExp(v).test(path) || RegExp(v).test(href));
  }, () => false);

export const urlAllowed = (t: Targeting | undefined, href: string): boolean =>
  !t?.urls?.exclude?.some((r) => matchUrl(r, href)) && !(t?.urls?.include?.length && !t.urls.include.some((r) => matchUrl(r, href)));

export function traitMatches({ key, op, value: w }: TraitRule, traits: Traits): boolean {
  const v = traits[key];
  const num = typeof v === 'number' && typeof w === 'number';
  return op === 'exists'
    ? v != null
    : op === 'eq'
      ? v === w
      : op === 'neq'
        ? v !== w
        : op === 'in'
          ? Array.isArray(w) && w.includes(v as never)
          : num && (op === 'gt' ? v > w : op === 'lt' && v < w);
}

export const detectDevice = (ua: string, width: number): Device =>
  /iPad|Tablet|Android(?!.*Mobile)/i.test(ua) ? 'tablet' : /Mobi|iPhone|Android/i.test(ua) || width < 600 ? 'mobile' : 'desktop';

/** Stable per visitor and survey, so sampling does not re-roll on every page view. */
export function samplingBucket(visitorId: string, surveyId: string): number {
  let h = 2166136261;
  for (const c of visitorId + ':' + surveyId) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return ((h >>> 0) % 10000) / 100;
}

/** Why a survey may not show here, or null when targeting allows it. */
export function targetingBlock(s: PublicSurvey, c: TargetingContext, skipUrl?: boolean): string | null {
  const t = s.targeting;
  const lang = c.locale.toLowerCase();
  return !t
    ? null
    : !skipUrl && !urlAllowed(t, c.url)
      ? 'url'
      : t.events?.length && !t.events.some((e) => c.events.has(e))
        ? 'event'
        : t.traits?.some((r) => !traitMatches(r, c.traits))
          ? 'traits'
          : t.devices?.length && !t.devices.includes(c.device)
            ? 'device'
            : t.locales?.length && !t.locales.some((l) => (lang + '-').startsWith(l.toLowerCase() + '-'))
              ? 'locale'
              : samplingBucket(c.visitorId, s.id) >= (t.samplingPercent ?? 100)
                ? 'sampling'
                : null;
}
