import type { Tags } from '@hark/shared';

/** What drafting needs from a stored response (a ResponseDoc or its API shape). */
export interface SourceResponse {
  id: string;
  siteKey: string;
  type: string;
  score?: number;
  comment?: string;
  locale: string;
  context: { url: string; element?: string; feature?: string; selector?: string; [k: string]: unknown };
  user?: { id?: string; traits?: Record<string, unknown> };
  device?: { type: string; os?: string; browser?: string };
  tags?: Tags;
  receivedAt: Date | string;
}

export type StoryLang = 'fr' | 'en';

export const iso = (d: Date | string): string => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

/** Path of a URL ("/checkout/payment"), or the input when it is not a URL. */
export function pathOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.pathname || '/';
  } catch {
    return url;
  }
}

/** Counts of values, most frequent first. */
export function tally<T extends string>(values: (T | undefined | null)[]): [T, number][] {
  const m = new Map<T, number>();
  for (const v of values) if (v) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

export function mode<T extends string>(values: (T | undefined | null)[]): T | undefined {
  return tally(values)[0]?.[0];
}

/** The account a respondent belongs to, from common trait names. */
export function accountOf(r: SourceResponse): string | undefined {
  const t = r.user?.traits ?? {};
  for (const k of ['accountId', 'account_id', 'account', 'companyId', 'company_id', 'company', 'organization', 'org', 'tenant']) {
    const v = t[k];
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (typeof v === 'number') return String(v);
  }
  return undefined;
}

/** Who answered: user id, else the response itself (anonymous answers count once each). */
export function respondentOf(r: SourceResponse): string {
  return r.user?.id ? `u:${r.user.id}` : `r:${r.id}`;
}

export function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const sp = cut.lastIndexOf(' ');
  return `${(sp > max * 0.6 ? cut.slice(0, sp) : cut).replace(/[\s,;:.!?-]+$/, '')}…`;
}
