// The customer evidence behind a story: which responses, how many people and
// accounts, their NPS categories, where and on what they answered, and a few quotes.
import type { Evidence, EvidenceItem } from '@hark/shared';
import { type SourceResponse, accountOf, clip, iso, pathOf, respondentOf, tally } from './source.ts';
import { isDetractor } from './priority.ts';

const MAX_QUOTES = 8;

export function evidenceItem(r: SourceResponse): EvidenceItem {
  const item: EvidenceItem = { responseId: r.id, quote: r.comment ? clip(r.comment, 280) : '', receivedAt: iso(r.receivedAt) };
  if (typeof r.score === 'number') item.score = r.score;
  const cat = r.tags?.npsCategory;
  if (cat) item.npsCategory = cat;
  if (r.tags) {
    item.sentiment = r.tags.sentiment.score;
    item.kind = r.tags.kind;
    item.language = r.tags.language;
  }
  if (r.context.url) item.url = r.context.url;
  const el = r.context.element ?? r.context.feature;
  if (el) item.element = el;
  if (r.device) item.device = [r.device.type, r.device.os, r.device.browser].filter(Boolean).join(' · ');
  if (r.user?.id) item.userId = r.user.id;
  return item;
}

const fromTally = (t: [string, number][]) => Object.fromEntries(t);

/** Quotes: commented responses, one per respondent first, the most negative and most recent first. */
function pickQuotes(rs: SourceResponse[]): EvidenceItem[] {
  const commented = rs.filter((r) => r.comment && r.comment.trim().length > 0);
  const sorted = [...commented].sort((a, b) => {
    const sa = a.tags?.sentiment.score ?? 0;
    const sb = b.tags?.sentiment.score ?? 0;
    if (Math.abs(sa - sb) > 0.15) return sa - sb;
    return new Date(b.receivedAt).getTime() - new Date(a.receivedAt).getTime();
  });
  const seen = new Set<string>();
  const out: SourceResponse[] = [];
  for (const r of sorted) {
    if (out.length >= MAX_QUOTES) break;
    const who = respondentOf(r);
    if (seen.has(who)) continue;
    seen.add(who);
    out.push(r);
  }
  for (const r of sorted) {
    if (out.length >= MAX_QUOTES) break;
    if (!out.includes(r)) out.push(r);
  }
  return out.map(evidenceItem);
}

export function buildEvidence(rs: SourceResponse[]): Evidence {
  const cats = { detractor: 0, passive: 0, promoter: 0 };
  for (const r of rs) {
    const c = r.tags?.npsCategory ?? (r.type === 'nps' && typeof r.score === 'number' ? (isDetractor(r) ? 'detractor' : r.score >= 9 ? 'promoter' : 'passive') : undefined);
    if (c) cats[c]++;
  }
  const deviceKey = (r: SourceResponse) => (r.device ? JSON.stringify([r.device.type, r.device.os ?? null, r.device.browser ?? null]) : undefined);
  const devices = tally(rs.map(deviceKey)).map(([k, count]) => {
    const [type, os, browser] = JSON.parse(k) as [string, string | null, string | null];
    return { type, ...(os ? { os } : {}), ...(browser ? { browser } : {}), count };
  });
  const times = rs.map((r) => new Date(r.receivedAt).getTime()).sort((a, b) => a - b);
  const ev: Evidence = {
    responses: rs.length,
    uniqueUsers: new Set(rs.map(respondentOf)).size,
    accounts: new Set(rs.map(accountOf).filter(Boolean)).size,
    npsCategories: cats,
    kinds: fromTally(tally(rs.map((r) => r.tags?.kind))),
    themes: fromTally(tally(rs.flatMap((r) => r.tags?.themes ?? []))),
    pages: fromTally(tally(rs.map((r) => pathOf(r.context.url)))),
    elements: fromTally(tally(rs.map((r) => r.context.element ?? r.context.feature))),
    devices,
    languages: fromTally(tally(rs.map((r) => r.tags?.language ?? r.locale.slice(0, 2).toLowerCase()))),
    quotes: pickQuotes(rs),
  };
  if (times.length) {
    ev.firstSeen = new Date(times[0]!).toISOString();
    ev.lastSeen = new Date(times.at(-1)!).toISOString();
  }
  return ev;
}
