// NPS and theme drivers. Counts come from the roll-up (`response-stats.ts`: one document
// per site × day × survey × type × device × language, maintained as responses change)
// whenever the filter is expressible on it (site, survey, dates at 00:00Z, device or
// locale segments); otherwise from aggregation pipelines over the responses in MongoDB's
// dialect (mingo on the embedded store, the server on MongoDB). Both give the same
// numbers (tested). The statistics and the folding of days into weeks/months are plain
// functions (nps-stats.ts, periods.ts).
import type { Interval, NpsCompareQuery, NpsQuery, ThemesQuery, ThemeDriver } from '@hark/shared';
import type { Collection, Filter, Pipeline } from '../store/port.ts';
import type { ResponseDoc } from '../store/collections.ts';
import { ResultCache } from './cache.ts';
import type { ResponseStats, StatDoc } from './response-stats.ts';
import { decodeTheme } from './response-stats.ts';
import { type Counts, type NpsStat, ZERO, addCounts, compareNps, countsFromScores, npsStat, pointsAtStake, subtractCounts } from './nps-stats.ts';
import { periodBounds, periodOf, periodRange } from './periods.ts';

export interface ScopeFilter {
  site: string;
  survey?: string;
  from?: string;
  to?: string;
}

interface DayScoreRow {
  _id: { day: string; score: number };
  n: number;
}

const DAY_EXPR = { $dateToString: { format: '%Y-%m-%d', date: '$receivedAt' } };
const DAY_MS = 86_400_000;

/** Responses of the scope (site, survey, received in [from, to)). */
export function scopeMatch(f: ScopeFilter): Filter {
  const m: Filter = { siteKey: f.site };
  if (f.survey) m.surveyId = f.survey;
  if (f.from || f.to) {
    const range: Record<string, Date> = {};
    if (f.from) range.$gte = new Date(f.from);
    if (f.to) range.$lt = new Date(f.to);
    m.receivedAt = range;
  }
  return m;
}

/** Only NPS answers count towards NPS: type nps with a numeric score. */
export function npsMatch(f: ScopeFilter): Filter {
  return { ...scopeMatch(f), type: 'nps', score: { $type: 'number' } };
}

/** Segments the roll-up holds: device type and locale language. */
const ROLLUP_SEGMENTS = new Set(['device', 'locale']);

function segmentExpr(segment: string): unknown {
  if (segment === 'device') return '$device.type';
  // The language of the locale ('fr-FR' → 'fr'), as the roll-up keeps it.
  if (segment === 'locale') return { $toLower: { $arrayElemAt: [{ $split: [{ $ifNull: ['$locale', ''] }, '-'] }, 0] } };
  // The URL without its query string; the origin and fragment are dropped after grouping.
  if (segment === 'page') return { $arrayElemAt: [{ $split: ['$context.url', '?'] }, 0] };
  return `$user.traits.${segment.slice('trait:'.length)}`; // name checked by the Segment schema: [A-Za-z0-9_-]
}

function segmentKey(segment: string, raw: unknown): string {
  if (raw === null || raw === undefined || raw === '') return '(none)';
  if (segment === 'page') {
    try {
      return new URL(String(raw)).pathname;
    } catch {
      return String(raw).split('#')[0]!;
    }
  }
  return String(raw);
}

/** 'YYYY-MM-DD' when the instant is 00:00Z; undefined when absent; null when not on a day boundary. */
export function dayBoundary(iso: string | undefined): string | undefined | null {
  if (!iso) return undefined;
  const t = new Date(iso).getTime();
  return Number.isFinite(t) && t % DAY_MS === 0 ? new Date(t).toISOString().slice(0, 10) : null;
}

const stable = (x: unknown) => JSON.stringify(x);
const catsOf = (r: { promoters?: number; passives?: number; detractors?: number }): Counts => ({
  promoters: r.promoters ?? 0,
  passives: r.passives ?? 0,
  detractors: r.detractors ?? 0,
});

/** Everything the theme drivers need about one theme. */
interface ThemeAcc {
  volume: number;
  counts: Counts;
  sent: number;
  sentN: number;
  tracks: { strategic: number; tactical: number };
  perDay: Map<string, number>;
}

interface ThemeFacts {
  overall: Counts;
  themes: Map<string, ThemeAcc>;
}

interface Quote {
  id: string;
  comment: string;
  score?: number | null;
  type: string;
  receivedAt: Date;
}

/** Quotes are picked among each theme's most recent answers: the last days holding at least this many. */
const QUOTE_WINDOW = 20;
const QUOTES_PER_THEME = 3;

export interface AnalyticsOptions {
  /** The roll-up; absent: every query scans the responses (the fallback pipelines). */
  stats?: ResponseStats;
}

export class InsightsAnalytics {
  /** Which source answered the last count (tests and the bench read it). */
  lastSource: 'rollup' | 'pipeline' | null = null;

  constructor(
    private readonly responses: Collection<ResponseDoc>,
    private readonly cache: ResultCache,
    private readonly options: AnalyticsOptions = {},
  ) {}

  private run<R>(pipeline: Pipeline): Promise<R[]> {
    this.lastSource = 'pipeline';
    return this.cache.get(stable(pipeline), () => this.responses.aggregate<R>(pipeline));
  }

  /** Roll-up rows of the scope, or null when the filter is not expressible on the roll-up (or it is not ready). */
  private async rollup(f: ScopeFilter, withThemes: boolean): Promise<StatDoc[] | null> {
    const stats = this.options.stats;
    if (!stats) return null;
    const fromDay = dayBoundary(f.from);
    const toDay = dayBoundary(f.to);
    if (fromDay === null || toDay === null) return null;
    const gen = await stats.generation(f.site);
    if (!gen) return null;
    this.lastSource = 'rollup';
    return this.cache.get(stable(['rollup', f.site, gen, f.survey, fromDay, toDay, withThemes]), () =>
      stats.rows(f.site, gen, { survey: f.survey, fromDay, toDay }, withThemes),
    );
  }

  /** NPS category counts per day (days with at least one NPS answer). */
  private async npsByDay(f: ScopeFilter): Promise<Map<string, Counts>> {
    const out = new Map<string, Counts>();
    const rows = await this.rollup(f, false);
    if (rows) {
      for (const r of rows) if (r.scoreN > 0) out.set(r.day, addCounts(out.get(r.day) ?? ZERO, catsOf(r)));
      return out;
    }
    const piped = await this.run<DayScoreRow>([
      { $match: npsMatch(f) },
      { $group: { _id: { day: DAY_EXPR, score: '$score' }, n: { $sum: 1 } } },
    ]);
    for (const r of piped) out.set(r._id.day, addCounts(out.get(r._id.day) ?? ZERO, countsFromScores([[r._id.score, r.n]])));
    return out;
  }

  /** NPS answers per category: one figure. */
  async counts(f: ScopeFilter): Promise<Counts> {
    const rows = await this.rollup(f, false);
    if (rows) return rows.reduce((c, r) => addCounts(c, catsOf(r)), ZERO);
    const piped = await this.run<{ _id: number; n: number }>([{ $match: npsMatch(f) }, { $group: { _id: '$score', n: { $sum: 1 } } }]);
    return countsFromScores(piped.map((r) => [r._id, r.n]));
  }

  /** Category counts per segment value. */
  async segmentCounts(f: ScopeFilter, segment: string): Promise<Map<string, Counts>> {
    const out = new Map<string, Counts>();
    const rows = ROLLUP_SEGMENTS.has(segment) ? await this.rollup(f, false) : null;
    if (rows) {
      for (const r of rows) {
        if (r.scoreN <= 0) continue;
        const key = segmentKey(segment, segment === 'device' ? r.device : r.lang);
        out.set(key, addCounts(out.get(key) ?? ZERO, catsOf(r)));
      }
      return out;
    }
    const piped = await this.run<{ _id: { seg: unknown; score: number }; n: number }>([
      { $match: npsMatch(f) },
      { $group: { _id: { seg: segmentExpr(segment), score: '$score' }, n: { $sum: 1 } } },
    ]);
    for (const r of piped) {
      const key = segmentKey(segment, r._id.seg);
      out.set(key, addCounts(out.get(key) ?? ZERO, countsFromScores([[r._id.score, r.n]])));
    }
    return out;
  }

  async nps(q: NpsQuery) {
    const days = await this.npsByDay(q);
    const perPeriod = new Map<string, Counts>();
    let overall: Counts = ZERO;
    for (const [day, c] of days) {
      overall = addCounts(overall, c);
      const p = periodOf(day, q.interval);
      perPeriod.set(p, addCounts(perPeriod.get(p) ?? ZERO, c));
    }
    const trend = fillPeriods([...perPeriod.keys()], q.interval).map((period) => ({
      period,
      ...bounds(period, q.interval),
      ...npsStat(perPeriod.get(period) ?? ZERO, q.minN),
    }));
    const report = {
      site: q.site,
      filter: pick(q, ['survey', 'from', 'to']),
      interval: q.interval,
      minN: q.minN,
      overall: npsStat(overall, q.minN),
      trend,
    };
    if (!q.segment) return report;
    const seg = await this.segmentCounts(q, q.segment);
    const segments = [...seg.entries()]
      .map(([key, c]) => ({ key, ...npsStat(c, q.minN) }))
      .sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
    return { ...report, segment: q.segment, segments };
  }

  async compare(q: NpsCompareQuery) {
    const scope = { site: q.site, survey: q.survey };
    let a: NpsStat & { label: string };
    let b: NpsStat & { label: string };
    let mode: 'periods' | 'segments';
    if (q.segment) {
      mode = 'segments';
      const seg = await this.segmentCounts({ ...scope, from: q.from, to: q.to }, q.segment);
      a = { label: q.a!, ...npsStat(seg.get(q.a!) ?? ZERO, q.minN) };
      b = { label: q.b!, ...npsStat(seg.get(q.b!) ?? ZERO, q.minN) };
    } else {
      mode = 'periods';
      const [ca, cb] = await Promise.all([this.counts({ ...scope, from: q.aFrom, to: q.aTo }), this.counts({ ...scope, from: q.bFrom, to: q.bTo })]);
      a = { label: `${q.aFrom ?? '…'} → ${q.aTo ?? '…'}`, ...npsStat(ca, q.minN) };
      b = { label: `${q.bFrom ?? '…'} → ${q.bTo ?? '…'}`, ...npsStat(cb, q.minN) };
    }
    return { mode, a, b, ...compareNps(a, b), alpha: 0.05 };
  }

  /** Per-theme volume, NPS counts, sentiment, tracks and daily volume, and the overall NPS counts. */
  private async themeFacts(f: ScopeFilter): Promise<ThemeFacts> {
    const themes = new Map<string, ThemeAcc>();
    const get = (t: string) => {
      let a = themes.get(t);
      if (!a) themes.set(t, (a = { volume: 0, counts: ZERO, sent: 0, sentN: 0, tracks: { strategic: 0, tactical: 0 }, perDay: new Map() }));
      return a;
    };
    const rows = await this.rollup(f, true);
    if (rows) {
      let overall: Counts = ZERO;
      for (const r of rows) {
        overall = addCounts(overall, catsOf(r));
        for (const [key, t] of Object.entries(r.themes ?? {})) {
          if (!(t.n > 0)) continue;
          const a = get(decodeTheme(key));
          a.volume += t.n;
          a.counts = addCounts(a.counts, catsOf(t));
          a.sent += t.sentimentSum ?? 0;
          a.sentN += t.sentimentN ?? 0;
          a.tracks.strategic += t.strategic ?? 0;
          a.tracks.tactical += t.tactical ?? 0;
          a.perDay.set(r.day, (a.perDay.get(r.day) ?? 0) + t.n);
        }
      }
      return { overall, themes };
    }
    // Fallback: group on the raw `tags.themes` array (split per theme here) because
    // per-document expressions ($unwind, compound keys) cost mingo 4–5× more.
    const match = { $match: { ...scopeMatch(f), 'tags.themes.0': { $exists: true } } };
    const [stats, trend, overall] = await Promise.all([
      this.run<{ _id: { t: unknown; s?: number | null; ty: string; tr?: string }; n: number; sent: number; sentN: number }>([
        match,
        {
          $group: {
            _id: { t: '$tags.themes', s: '$score', ty: '$type', tr: '$tags.track' },
            n: { $sum: 1 },
            sent: { $sum: '$tags.sentiment.score' },
            sentN: { $sum: { $cond: [{ $isNumber: '$tags.sentiment.score' }, 1, 0] } },
          },
        },
      ]),
      this.run<{ _id: { t: unknown; d: string }; n: number }>([match, { $group: { _id: { t: '$tags.themes', d: DAY_EXPR }, n: { $sum: 1 } } }]),
      this.counts(f),
    ]);
    const each = (t: unknown) => new Set(Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string' && x !== '') : []);
    for (const r of stats) {
      const { s, ty, tr } = r._id;
      for (const t of each(r._id.t)) {
        const a = get(t);
        a.volume += r.n;
        // Only NPS answers count towards NPS (a feature rating is 1–5).
        if (ty === 'nps' && typeof s === 'number') a.counts = addCounts(a.counts, countsFromScores([[s, r.n]]));
        a.sent += r.sent ?? 0;
        a.sentN += r.sentN ?? 0;
        if (tr === 'strategic' || tr === 'tactical') a.tracks[tr] += r.n;
      }
    }
    for (const r of trend) for (const t of each(r._id.t)) get(t).perDay.set(r._id.d, (get(t).perDay.get(r._id.d) ?? 0) + r.n);
    return { overall, themes };
  }

  /**
   * Example quotes of the top themes in one sorted, limited `find`: NPS answers first,
   * lowest scores first, newest first, among each theme's recent answers (the last days
   * holding QUOTE_WINDOW of its answers, known from the daily volumes). A theme left short
   * of three gets one more `find` over its whole range (all such themes at once).
   */
  private async quotes(f: ScopeFilter, top: [string, ThemeAcc][]): Promise<Map<string, Quote[]>> {
    const out = new Map<string, Quote[]>(top.map(([t]) => [t, []]));
    if (top.length === 0) return out;
    const windows = top.map(([theme, a]) => ({ theme, since: windowStart(a.perDay) }));
    const base = { ...scopeMatch(f), comment: { $type: 'string', $ne: '' } };
    const projection = { id: 1, comment: 1, score: 1, type: 1, receivedAt: 1, 'tags.themes': 1 } as const;
    const pickInto = (docs: ResponseDoc[], wanted: Set<string>) => {
      docs.sort(quoteOrder);
      for (const d of docs) {
        for (const t of new Set((d.tags as { themes?: unknown } | undefined)?.themes as string[] | undefined ?? [])) {
          const list = out.get(t);
          if (!list || !wanted.has(t) || list.length >= QUOTES_PER_THEME || list.some((q) => q.id === d.id)) continue;
          list.push({ id: d.id, comment: d.comment as string, score: d.score as number | null | undefined, type: String(d.type), receivedAt: d.receivedAt });
        }
      }
    };
    // The earliest window start as a top-level bound, first: most documents fail on it at once
    // (mingo tests the fields in order; the embedded store has no index to do it).
    const bound = windows.some((w) => !w.since) ? undefined : windows.map((w) => w.since!).sort()[0];
    const scoped = scopeMatch(f);
    const range = { ...(scoped.receivedAt as Record<string, Date> | undefined) };
    if (bound && (!range.$gte || range.$gte < new Date(`${bound}T00:00:00Z`))) range.$gte = new Date(`${bound}T00:00:00Z`);
    const first = await this.responses.find(
      { ...(Object.keys(range).length ? { receivedAt: range } : {}), ...withoutKey(base, 'receivedAt'), $or: windowClauses(windows) },
      { sort: { receivedAt: -1, id: 1 }, limit: 5000, projection },
    );
    pickInto(first, new Set(top.map(([t]) => t)));
    const short = windows.filter((w) => w.since && out.get(w.theme)!.length < QUOTES_PER_THEME).map((w) => w.theme);
    if (short.length) {
      for (const t of short) out.set(t, []);
      const more = await this.responses.find({ ...base, 'tags.themes': { $in: short } }, { sort: { receivedAt: -1, id: 1 }, limit: 5000, projection });
      pickInto(more, new Set(short));
    }
    return out;
  }

  async themes(q: ThemesQuery, triage?: Map<string, ThemeDriver['triage']>) {
    const facts = await this.themeFacts(q);
    const overallCounts = facts.overall;
    const overall = npsStat(overallCounts, q.minN);
    const nTotal = overall.n;
    const periods = new Set<string>();
    for (const a of facts.themes.values()) for (const d of a.perDay.keys()) periods.add(periodOf(d, q.interval));
    const axis = fillPeriods([...periods], q.interval);

    const ranked = [...facts.themes.entries()]
      .map(([theme, a]) => ({ theme, a, atStake: pointsAtStake(a.counts.detractors, nTotal) }))
      .sort((x, y) => y.atStake - x.atStake || y.a.volume - x.a.volume || x.theme.localeCompare(y.theme))
      .slice(0, q.limit);
    const quotes = await this.quotes(q, ranked.map((r) => [r.theme, r.a]));

    const drivers: ThemeDriver[] = ranked.map(({ theme, a }) => {
      const c = a.counts;
      const perPeriod = new Map<string, number>();
      for (const [d, n] of a.perDay) perPeriod.set(periodOf(d, q.interval), (perPeriod.get(periodOf(d, q.interval)) ?? 0) + n);
      const nps = npsStat(c, q.minN);
      const npsRest = npsStat(subtractCounts(overallCounts, c), q.minN);
      return {
        theme,
        volume: a.volume,
        trend: axis.map((period) => ({ period, count: perPeriod.get(period) ?? 0 })),
        detractorShare: nps.n ? c.detractors / nps.n : null,
        sentiment: a.sentN ? a.sent / a.sentN : null,
        nps,
        npsRest,
        vsRest: compareNps(nps, npsRest),
        npsAtStake: pointsAtStake(c.detractors, nTotal),
        quotes: (quotes.get(theme) ?? []).map((x) => ({ id: x.id, comment: x.comment, score: x.type === 'nps' && typeof x.score === 'number' ? x.score : null, receivedAt: toIso(x.receivedAt) })),
        tracks: a.tracks,
        ...(triage?.get(theme) ? { triage: triage.get(theme) } : {}),
      };
    });
    return { site: q.site, filter: pick(q, ['survey', 'from', 'to']), interval: q.interval, overall, themes: drivers };
  }

  /**
   * Evidence behind a set of responses and themes: respondents, distinct accounts
   * (user.traits.account, else user.traits.company, else the user id), and the NPS
   * points at stake counting each detractor once even if several linked themes name it.
   */
  async evidence(site: string, responseIds: string[], themes: string[]) {
    if (responseIds.length === 0 && themes.length === 0) return { respondents: 0, accounts: [] as string[], detractors: 0, npsBase: 0 };
    const or: Filter[] = [];
    if (responseIds.length) or.push({ id: { $in: responseIds } });
    if (themes.length) or.push({ 'tags.themes': { $in: themes } });
    const [rows, base] = await Promise.all([
      this.run<{ _id: unknown; n: number; d: number }>([
        { $match: { siteKey: site, $or: or } },
        {
          $group: {
            _id: { $ifNull: ['$user.traits.account', { $ifNull: ['$user.traits.company', '$user.id'] }] },
            n: { $sum: 1 },
            d: { $sum: { $cond: [{ $and: [{ $eq: ['$type', 'nps'] }, { $isNumber: '$score' }, { $lte: ['$score', 6] }] }, 1, 0] } },
          },
        },
      ]),
      this.counts({ site }),
    ]);
    const accounts = rows.filter((r) => r._id !== null && r._id !== undefined && r._id !== '').map((r) => String(r._id)).sort();
    return {
      respondents: rows.reduce((s, r) => s + r.n, 0),
      accounts,
      detractors: rows.reduce((s, r) => s + r.d, 0),
      npsBase: base.promoters + base.passives + base.detractors,
    };
  }
}

function withoutKey(o: Filter, key: string): Filter {
  const { [key]: _drop, ...rest } = o;
  return rest;
}

/** The first day of the shortest recent stretch holding QUOTE_WINDOW answers; undefined: the whole range. */
function windowStart(perDay: Map<string, number>): string | undefined {
  let n = 0;
  for (const day of [...perDay.keys()].sort().reverse()) {
    n += perDay.get(day)!;
    if (n >= QUOTE_WINDOW) return day;
  }
  return undefined;
}

/** At most four `$or` clauses: themes grouped by the start of their window (the earliest of a group wins). */
function windowClauses(windows: { theme: string; since?: string }[]): Filter[] {
  const sorted = [...windows].sort((a, b) => (b.since ?? '').localeCompare(a.since ?? ''));
  const size = Math.ceil(sorted.length / 4);
  const clauses: Filter[] = [];
  for (let i = 0; i < sorted.length; i += size) {
    const group = sorted.slice(i, i + size);
    const since = group.some((g) => !g.since) ? undefined : group.map((g) => g.since!).sort()[0];
    clauses.push({ 'tags.themes': { $in: group.map((g) => g.theme) }, ...(since ? { receivedAt: { $gte: new Date(`${since}T00:00:00Z`) } } : {}) });
  }
  return clauses;
}

/** NPS answers first, lowest score first (missing scores first, as MongoDB sorts them), newest first, then id. */
function quoteOrder(x: ResponseDoc, y: ResponseDoc): number {
  const tx = String(x.type);
  const ty = String(y.type);
  if (tx !== ty) return tx < ty ? 1 : -1;
  const sx = typeof x.score === 'number' ? x.score : -Infinity;
  const sy = typeof y.score === 'number' ? y.score : -Infinity;
  if (sx !== sy) return sx - sy;
  const rx = new Date(x.receivedAt).getTime();
  const ry = new Date(y.receivedAt).getTime();
  if (rx !== ry) return ry - rx;
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

function toIso(d: unknown): string | undefined {
  if (d instanceof Date) return d.toISOString();
  return typeof d === 'string' ? d : undefined;
}

function bounds(period: string, interval: Interval) {
  const b = periodBounds(period, interval);
  return { start: b.start.toISOString(), end: b.end.toISOString() };
}

function fillPeriods(present: string[], interval: Interval): string[] {
  if (present.length === 0) return [];
  const sorted = [...present].sort();
  return periodRange(sorted[0]!, sorted.at(-1)!, interval);
}

function pick<T extends object>(o: T, keys: (keyof T)[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (o[k] !== undefined) out[k as string] = o[k];
  return out;
}
