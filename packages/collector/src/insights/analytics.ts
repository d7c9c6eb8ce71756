// NPS and theme drivers from the stored responses. Counting is done by aggregation
// pipelines in MongoDB's dialect (mingo on the embedded store, the server on MongoDB)
// at day grain; the statistics and the folding of days into weeks/months are plain
// functions (nps-stats.ts, periods.ts).
import type { Interval, NpsCompareQuery, NpsQuery, ThemesQuery, ThemeDriver } from '@hark/shared';
import type { Collection, Filter, Pipeline } from '../store/port.ts';
import type { ResponseDoc } from '../store/collections.ts';
import { ResultCache } from './cache.ts';
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

function segmentExpr(segment: string): unknown {
  if (segment === 'device') return '$device.type';
  if (segment === 'locale') return '$locale';
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

const stable = (x: unknown) => JSON.stringify(x);

export interface AnalyticsOptions {
  cache: ResultCache;
}

export class InsightsAnalytics {
  constructor(
    private readonly responses: Collection<ResponseDoc>,
    private readonly cache: ResultCache,
  ) {}

  private run<R>(pipeline: Pipeline): Promise<R[]> {
    return this.cache.get(stable(pipeline), () => this.responses.aggregate<R>(pipeline));
  }

  /** NPS answers per (day, score). */
  private byDay(f: ScopeFilter): Promise<DayScoreRow[]> {
    return this.run<DayScoreRow>([
      { $match: npsMatch(f) },
      { $group: { _id: { day: DAY_EXPR, score: '$score' }, n: { $sum: 1 } } },
    ]);
  }

  /** NPS answers per score: one cheap pipeline for a single figure. */
  async counts(f: ScopeFilter): Promise<Counts> {
    const rows = await this.run<{ _id: number; n: number }>([{ $match: npsMatch(f) }, { $group: { _id: '$score', n: { $sum: 1 } } }]);
    return countsFromScores(rows.map((r) => [r._id, r.n]));
  }

  /** Category counts per segment value. */
  async segmentCounts(f: ScopeFilter, segment: string): Promise<Map<string, Counts>> {
    const rows = await this.run<{ _id: { seg: unknown; score: number }; n: number }>([
      { $match: npsMatch(f) },
      { $group: { _id: { seg: segmentExpr(segment), score: '$score' }, n: { $sum: 1 } } },
    ]);
    const out = new Map<string, Counts>();
    for (const r of rows) {
      const key = segmentKey(segment, r._id.seg);
      out.set(key, addCounts(out.get(key) ?? ZERO, countsFromScores([[r._id.score, r.n]])));
    }
    return out;
  }

  async nps(q: NpsQuery) {
    const rows = await this.byDay(q);
    const perPeriod = new Map<string, Counts>();
    let overall: Counts = ZERO;
    for (const r of rows) {
      const c = countsFromScores([[r._id.score, r.n]]);
      overall = addCounts(overall, c);
      const p = periodOf(r._id.day, q.interval);
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

  /**
   * Theme facts in three pipelines. They group on raw fields (the whole `tags.themes`
   * array is the key; rows are split per theme afterwards) because per-document
   * expressions ($project, $unwind then compound keys) cost mingo 4–5× more.
   */
  private async themeFacts(f: ScopeFilter) {
    const match = { $match: { ...scopeMatch(f), 'tags.themes.0': { $exists: true } } };
    const [stats, trend, quotes] = await Promise.all([
      this.run<{ _id: { t: string[]; s?: number | null; ty: string; tr?: string }; n: number; sent: number }>([
        match,
        { $group: { _id: { t: '$tags.themes', s: '$score', ty: '$type', tr: '$tags.track' }, n: { $sum: 1 }, sent: { $sum: '$tags.sentiment.score' } } },
      ]),
      this.run<{ _id: { t: string[]; d: string }; n: number }>([match, { $group: { _id: { t: '$tags.themes', d: DAY_EXPR }, n: { $sum: 1 } } }]),
      this.run<{ _id: string; quotes: { id: string; comment: string; score?: number | null; type: string; receivedAt: Date }[] }>([
        { $match: { ...match.$match, comment: { $type: 'string', $ne: '' } } },
        // NPS answers first ("nps" sorts last alphabetically among survey kinds), lowest scores first
        // (the detractors behind the points at stake), then the most recent.
        { $sort: { type: -1, score: 1, receivedAt: -1, id: 1 } },
        { $unwind: '$tags.themes' },
        { $group: { _id: '$tags.themes', quotes: { $firstN: { n: 3, input: { id: '$id', comment: '$comment', score: '$score', type: '$type', receivedAt: '$receivedAt' } } } } },
      ]),
    ]);
    return { stats, trend, quotes };
  }

  async themes(q: ThemesQuery, triage?: Map<string, ThemeDriver['triage']>) {
    const [{ trend, stats, quotes }, overallCounts] = await Promise.all([this.themeFacts(q), this.counts(q)]);
    const overall = npsStat(overallCounts, q.minN);
    const nTotal = overall.n;

    interface Acc { volume: number; scores: [number, number][]; sent: number; sentN: number; tracks: { strategic: number; tactical: number }; perPeriod: Map<string, number> }
    const acc = new Map<string, Acc>();
    const get = (t: string) => {
      let a = acc.get(t);
      if (!a) acc.set(t, (a = { volume: 0, scores: [], sent: 0, sentN: 0, tracks: { strategic: 0, tactical: 0 }, perPeriod: new Map() }));
      return a;
    };
    const each = (themes: unknown) => new Set(Array.isArray(themes) ? themes.filter((t): t is string => typeof t === 'string') : []);
    for (const r of stats) {
      const { s, ty, tr } = r._id;
      for (const t of each(r._id.t)) {
        const a = get(t);
        a.volume += r.n;
        // Only NPS answers count towards NPS (a feature rating is 1–5).
        if (ty === 'nps' && typeof s === 'number') a.scores.push([s, r.n]);
        if (typeof r.sent === 'number') {
          a.sent += r.sent;
          a.sentN += r.n;
        }
        if (tr === 'strategic' || tr === 'tactical') a.tracks[tr] += r.n;
      }
    }
    const periods = new Set<string>();
    for (const r of trend) {
      const p = periodOf(r._id.d, q.interval);
      periods.add(p);
      for (const t of each(r._id.t)) {
        const a = get(t);
        a.perPeriod.set(p, (a.perPeriod.get(p) ?? 0) + r.n);
      }
    }
    const axis = fillPeriods([...periods], q.interval);
    const quotesOf = new Map(quotes.map((x) => [x._id, x.quotes]));

    const drivers: ThemeDriver[] = [...acc.entries()].map(([theme, a]) => {
      const c = countsFromScores(a.scores);
      const nps = npsStat(c, q.minN);
      const npsRest = npsStat(subtractCounts(overallCounts, c), q.minN);
      const vs = compareNps(nps, npsRest);
      return {
        theme,
        volume: a.volume,
        trend: axis.map((period) => ({ period, count: a.perPeriod.get(period) ?? 0 })),
        detractorShare: nps.n ? c.detractors / nps.n : null,
        sentiment: a.sentN ? a.sent / a.sentN : null,
        nps,
        npsRest,
        vsRest: vs,
        npsAtStake: pointsAtStake(c.detractors, nTotal),
        quotes: (quotesOf.get(theme) ?? []).map((x) => ({ id: x.id, comment: x.comment, score: x.type === 'nps' && typeof x.score === 'number' ? x.score : null, receivedAt: toIso(x.receivedAt) })),
        tracks: a.tracks,
        ...(triage?.get(theme) ? { triage: triage.get(theme) } : {}),
      };
    });
    drivers.sort((x, y) => y.npsAtStake - x.npsAtStake || y.volume - x.volume || x.theme.localeCompare(y.theme));
    return { site: q.site, filter: pick(q, ['survey', 'from', 'to']), interval: q.interval, overall, themes: drivers.slice(0, q.limit) };
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
