// Pure eligibility rules: no timers, no DOM listeners, so every rule is unit-testable
// with plain objects. Triggers (delay, scroll, exit intent) live elsewhere.
import type { PublicSurvey, Traits } from './types.ts';

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
export function matchUrl(rule: UrlRule, href: string): boolean {
  let path = href;
  try {
    const u = new URL(href);
    path = u.pathname + u.search;
  } catch {
    /* not absolute: compare as given */
  }
  const subject = rule.value.startsWith('/') ? path : href;
  switch (rule.match) {
    case 'exact':
      return subject === rule.value || subject === rule.value + '/' || subject + '/' === rule.value;
    case 'contains':
      return subject.includes(rule.value);
    case 'prefix':
      return subject.startsWith(rule.value);
    case 'regex':
      try {
        // Regexes may be written for the path ("^/pricing") or the whole URL.
        return new RegExp(rule.value).test(path) || new RegExp(rule.value).test(href);
      } catch {
        return false; // a broken rule must not show the survey everywhere
      }
  }
  return false;
}

export function urlAllowed(t: Targeting | undefined, href: string): boolean {
  const inc = t?.urls?.include ?? [];
  const exc = t?.urls?.exclude ?? [];
  if (exc.some((r) => matchUrl(r, href))) return false;
  return inc.length === 0 || inc.some((r) => matchUrl(r, href));
}

export function traitMatches(rule: TraitRule, traits: Traits): boolean {
  const v = traits[rule.key];
  const want = rule.value;
  switch (rule.op) {
    case 'exists':
      return v !== undefined && v !== null;
    case 'eq':
      return v === want;
    case 'neq':
      return v !== want;
    case 'in':
      return Array.isArray(want) && want.includes(v as never);
    case 'gt':
      return typeof v === 'number' && typeof want === 'number' && v > want;
    case 'lt':
      return typeof v === 'number' && typeof want === 'number' && v < want;
  }
  return false;
}

export function detectDevice(ua: string, width: number): Device {
  if (/iPad|Tablet|Android(?!.*Mobile)/i.test(ua)) return 'tablet';
  if (/Mobi|iPhone|Android/i.test(ua) || width < 600) return 'mobile';
  return 'desktop';
}

/** Stable per visitor and survey, so sampling does not re-roll on every page view. */
export function samplingBucket(visitorId: string, surveyId: string): number {
  let h = 2166136261;
  const s = visitorId + ':' + surveyId;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0) % 10000 / 100;
}

/** Why a survey may not show here, or null when targeting allows it. */
export function targetingBlock(s: PublicSurvey, c: TargetingContext, skipUrl = false): string | null {
  const t = s.targeting;
  if (!t) return null;
  if (!skipUrl && !urlAllowed(t, c.url)) return 'url';
  if (t.events?.length && !t.events.some((e) => c.events.has(e))) return 'event';
  if (t.traits?.length && !t.traits.every((r) => traitMatches(r, c.traits))) return 'traits';
  if (t.devices?.length && !t.devices.includes(c.device)) return 'device';
  const lang = c.locale.toLowerCase();
  if (t.locales?.length && !t.locales.some((l) => lang === l.toLowerCase() || lang.startsWith(l.toLowerCase() + '-')))
    return 'locale';
  const pct = t.samplingPercent ?? 100;
  if (pct < 100 && samplingBucket(c.visitorId, s.id) >= pct) return 'sampling';
  return null;
}
