// The insights roll-up: one document per (site, UTC day, survey, type, device type,
// locale language) holding the counts the NPS and theme-driver queries need, kept up
// to date with atomic `$inc` upserts by the code that changes responses (ingest, tag
// overrides, re-tagging, erasure, retention) instead of rescanning every response.
//
// The increments are pure functions of a response document (tested on their own);
// `ResponseStats` applies them, rebuilds a site from its responses (backfill, repair)
// and serves the rows to `analytics.ts`. See README.md, "Roll-up".
import { randomUUID } from 'node:crypto';
import type { Collection, CollectionSpec, Doc, Filter } from '../store/port.ts';
import type { ResponseDoc } from '../store/collections.ts';

// ---------------------------------------------------------------- documents

export interface ThemeCounts {
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  sentimentSum: number;
  sentimentN: number;
  strategic: number;
  tactical: number;
}

export interface StatDims {
  siteKey: string;
  /** 'YYYY-MM-DD', UTC day of receivedAt. */
  day: string;
  surveyId: string | null;
  type: string | null;
  /** device.type */
  device: string | null;
  /** Language of the locale: 'fr-FR' → 'fr'. */
  lang: string | null;
}

export interface StatCounts {
  /** Every response. */
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** NPS answers with a numeric score (= promoters + passives + detractors). */
  scoreN: number;
  sentimentSum: number;
  sentimentN: number;
}

export interface StatDoc extends Doc, StatDims, StatCounts {
  /** Generation of the site's roll-up (a rebuild writes a new one, then swaps). */
  gen: string;
  /** 00:00Z of `day`: the TTL index field (a day expires whole). */
  dayDate: Date;
  /** Keyed by `encodeTheme(name)`; absent on a document upserted by a response without themes. */
  themes?: Record<string, ThemeCounts>;
}

export interface StatsMetaDoc extends Doc {
  siteKey: string;
  /** The generation queries read; null or absent: no roll-up yet (backfill on the next query). */
  gen?: string | null;
  builtAt?: string;
  /** A rebuild in progress (a lease: another replica may take over after leaseUntil). */
  building?: { gen: string; startedAt: string; leaseUntil: Date };
  /** Days changed while the rebuild ran: recomputed from the responses before the swap. */
  dirty?: string[];
}

const KEY_FIELDS = ['siteKey', 'day', 'surveyId', 'type', 'device', 'lang'] as const;
const dimsKey = (d: StatDims) => JSON.stringify(KEY_FIELDS.map((k) => d[k]));

export function responseStatsSpec(retentionDays?: number): CollectionSpec<StatDoc> {
  return {
    name: 'response_stats',
    key: (d) => `${d.gen}:${dimsKey(d)}`,
    indexes: [
      { fields: { siteKey: 1, gen: 1, day: 1 }, name: 'site_gen_day' },
      // Same TTL as the responses: on MongoDB a day's roll-up expires (whole) when its first answers do.
      ...(retentionDays ? [{ fields: { dayDate: 1 as const }, expireAfterSeconds: retentionDays * 86_400, name: 'retention' }] : []),
    ],
  };
}

export const responseStatsMetaSpec: CollectionSpec<StatsMetaDoc> = {
  name: 'response_stats_meta',
  key: (d) => d.siteKey,
};

// ---------------------------------------------------------------- pure functions

/**
 * Theme names are user data; MongoDB field names may not contain '.' nor start with '$'.
 * Reversible: '%' → '%25', '.' → '%2E', '$' → '%24'.
 */
export function encodeTheme(name: string): string {
  return name.replace(/%/g, '%25').replace(/\./g, '%2E').replace(/\$/g, '%24');
}

export function decodeTheme(key: string): string {
  return key.replace(/%(25|2E|24)/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

export function dayOf(at: unknown): string | null {
  const d = at instanceof Date ? at : typeof at === 'string' ? new Date(at) : null;
  return d && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 10) : null;
}

/** 'fr-FR' → 'fr'; the same rule as the pipelines' `locale` segment. */
export function languageOf(locale: unknown): string | null {
  if (typeof locale !== 'string') return null;
  const lang = locale.split('-')[0]!.toLowerCase();
  return lang || null;
}

const str = (v: unknown): string | null => (v === undefined || v === null ? null : String(v));

export function dimsOf(doc: ResponseDoc): StatDims | null {
  const day = dayOf(doc.receivedAt);
  if (!day) return null;
  return {
    siteKey: doc.siteKey,
    day,
    surveyId: str(doc.surveyId),
    type: str(doc.type),
    device: str((doc.device as { type?: unknown } | undefined)?.type),
    lang: languageOf(doc.locale),
  };
}

export type Category = 'promoters' | 'passives' | 'detractors';

/** NPS category of a response: only `type: nps` answers with a numeric score have one. */
export function categoryOf(doc: ResponseDoc): Category | null {
  if (doc.type !== 'nps' || typeof doc.score !== 'number') return null;
  return doc.score >= 9 ? 'promoters' : doc.score >= 7 ? 'passives' : 'detractors';
}

interface Tagged {
  themes?: unknown;
  track?: unknown;
  sentiment?: { score?: unknown };
}

/** Distinct theme names of a response (non-strings and empty names ignored). */
export function themesOf(doc: ResponseDoc): string[] {
  const t = (doc.tags as Tagged | undefined)?.themes;
  return Array.isArray(t) ? [...new Set(t.filter((x): x is string => typeof x === 'string' && x !== ''))] : [];
}

/** What one response adds to its roll-up document, as `$inc` paths. */
export function contribution(doc: ResponseDoc): { dims: StatDims; inc: Record<string, number> } | null {
  const dims = dimsOf(doc);
  if (!dims) return null;
  const tags = doc.tags as Tagged | undefined;
  const cat = categoryOf(doc);
  const sentiment = tags?.sentiment?.score;
  const hasSentiment = typeof sentiment === 'number' && Number.isFinite(sentiment);
  const track = tags?.track === 'strategic' || tags?.track === 'tactical' ? tags.track : null;
  const inc: Record<string, number> = { n: 1 };
  if (cat) {
    inc[cat] = 1;
    inc.scoreN = 1;
  }
  if (hasSentiment) {
    inc.sentimentSum = sentiment;
    inc.sentimentN = 1;
  }
  for (const theme of themesOf(doc)) {
    const p = `themes.${encodeTheme(theme)}.`;
    inc[`${p}n`] = 1;
    if (cat) inc[`${p}${cat}`] = 1;
    if (hasSentiment) {
      inc[`${p}sentimentSum`] = sentiment;
      inc[`${p}sentimentN`] = 1;
    }
    if (track) inc[`${p}${track}`] = 1;
  }
  return { dims, inc };
}

export interface StatIncrement {
  dims: StatDims;
  inc: Record<string, number>;
}

/**
 * The increments of a change: `plus` responses appear, `minus` responses disappear
 * (a replacement is both). Grouped per roll-up document; paths that cancel out are dropped.
 */
export function incrementsFor(plus: ResponseDoc[], minus: ResponseDoc[] = []): StatIncrement[] {
  const out = new Map<string, StatIncrement>();
  const fold = (doc: ResponseDoc, sign: 1 | -1) => {
    const c = contribution(doc);
    if (!c) return;
    const k = dimsKey(c.dims);
    let e = out.get(k);
    if (!e) out.set(k, (e = { dims: c.dims, inc: {} }));
    for (const [path, v] of Object.entries(c.inc)) e.inc[path] = (e.inc[path] ?? 0) + sign * v;
  };
  for (const d of minus) fold(d, -1);
  for (const d of plus) fold(d, 1);
  for (const [k, e] of out) {
    for (const [path, v] of Object.entries(e.inc)) if (v === 0) delete e.inc[path];
    if (Object.keys(e.inc).length === 0) out.delete(k);
  }
  return [...out.values()];
}

/** Folds responses into whole roll-up documents (rebuilds). */
export class StatAccumulator {
  private readonly docs = new Map<string, StatDoc>();
  constructor(private readonly gen: string) {}

  add(doc: ResponseDoc): void {
    const c = contribution(doc);
    if (!c) return;
    const k = dimsKey(c.dims);
    let d = this.docs.get(k);
    if (!d) {
      d = { ...c.dims, gen: this.gen, dayDate: new Date(`${c.dims.day}T00:00:00Z`), n: 0, promoters: 0, passives: 0, detractors: 0, scoreN: 0, sentimentSum: 0, sentimentN: 0, themes: {} };
      this.docs.set(k, d);
    }
    for (const [path, v] of Object.entries(c.inc)) {
      if (!path.startsWith('themes.')) {
        const top = d as unknown as Record<string, number>;
        top[path] = (top[path] ?? 0) + v;
        continue;
      }
      const dot = path.lastIndexOf('.');
      const name = path.slice('themes.'.length, dot);
      const t = ((d.themes ??= {})[name] ??= { n: 0, promoters: 0, passives: 0, detractors: 0, sentimentSum: 0, sentimentN: 0, strategic: 0, tactical: 0 });
      t[path.slice(dot + 1) as keyof ThemeCounts] += v;
    }
  }

  result(): StatDoc[] {
    return [...this.docs.values()];
  }
}

// ---------------------------------------------------------------- the service

/** What the services that change responses call (they know nothing else of insights). */
export interface ResponseStatsHook {
  add(docs: ResponseDoc[]): Promise<void>;
  remove(docs: ResponseDoc[]): Promise<void>;
  replace(before: ResponseDoc, after: ResponseDoc): Promise<void>;
  /** Deletes the matching responses and takes them out of the roll-up. Resolves to how many were deleted. */
  deleteResponses(filter: Filter): Promise<number>;
  /** Recomputes a site's roll-up from its responses. */
  rebuild(siteKey: string): Promise<RebuildResult>;
}

export interface RebuildResult {
  siteKey: string;
  gen: string;
  responses: number;
  documents: number;
  dirtyDays: number;
  ms: number;
}

export interface ResponseStatsOptions {
  /** How long a rebuild's lease holds before another replica may take over. */
  leaseMs?: number;
  /** Quiet time with no dirty day before a rebuild swaps in (in-flight writers land first). */
  graceMs?: number;
  /**
   * Least time between two writes of new answers' increments. An idle collector writes
   * at once; under a burst, the answers of each window are merged into one write per
   * roll-up document. Keep it well under graceMs.
   */
  windowMs?: number;
  onError?: (err: unknown) => void;
}

export class RebuildRunningError extends Error {
  constructor(siteKey: string) {
    super(`a rebuild of the insights roll-up of site "${siteKey}" is already running`);
    this.name = 'RebuildRunningError';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const DAY_MS = 86_400_000;

export class ResponseStats implements ResponseStatsHook {
  private readonly listeners: ((siteKey: string) => void)[] = [];
  private readonly backfills = new Map<string, Promise<string | null>>();
  private readonly leaseMs: number;
  private readonly graceMs: number;
  private readonly windowMs: number;

  constructor(
    readonly stats: Collection<StatDoc>,
    readonly meta: Collection<StatsMetaDoc>,
    private readonly responses: Collection<ResponseDoc>,
    private readonly options: ResponseStatsOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 10 * 60_000;
    this.graceMs = options.graceMs ?? 1000;
    this.windowMs = options.windowMs ?? 50;
  }

  /** Called after each change of a site's roll-up (result caches listen). */
  onChange(fn: (siteKey: string) => void): void {
    this.listeners.push(fn);
  }

  private changed(siteKey: string) {
    for (const l of this.listeners) l(siteKey);
  }

  /**
   * Counts new answers. Ingestion does not wait for this: the answers are stored
   * already and the counts are derived from them. Within one process, readers see
   * them (generation() waits for pending increments); after a crash the site's
   * roll-up is rebuilt from the responses (see invalidate()).
   */
  add(docs: ResponseDoc[]): Promise<void> {
    return this.apply(incrementsFor(docs), false);
  }

  remove(docs: ResponseDoc[]): Promise<void> {
    return this.apply(incrementsFor([], docs), true);
  }

  replace(before: ResponseDoc, after: ResponseDoc): Promise<void> {
    return this.apply(incrementsFor([after], [before]), true);
  }

  /** Resolves once every increment made before the call is written. */
  settled(): Promise<void> {
    if (!this.flushing && this.pending.size === 0) return Promise.resolve();
    return this.apply([], true);
  }

  private pending = new Map<string, StatIncrement>();
  private waiting: (() => void)[] = [];
  private flushing: Promise<void> | null = null;
  private lastFlushAt = 0;
  /** Ends the wait for the next window early (someone waits for the write). */
  private wake: (() => void) | null = null;
  private urgent = false;

  /**
   * Group commit of increments: every change that arrives while a flush is being
   * written, or within `windowMs` of the last one, is merged per roll-up document into
   * the next flush, so a burst of answers to the same survey on the same day costs one
   * upsert, not one each. The promise resolves once the flush holding the increments
   * is applied; `urgent` callers (edits, erasure, readers) do not wait for the window.
   */
  private apply(increments: StatIncrement[], urgent: boolean): Promise<void> {
    for (const { dims, inc } of increments) {
      const key = `${dims.siteKey}\u0000${dims.day}\u0000${dims.surveyId}\u0000${dims.type}\u0000${dims.device}\u0000${dims.lang}`;
      const into = this.pending.get(key);
      if (!into) this.pending.set(key, { dims, inc: { ...inc } });
      else for (const [path, v] of Object.entries(inc)) into.inc[path] = (into.inc[path] ?? 0) + v;
    }
    const done = new Promise<void>((resolve) => this.waiting.push(resolve));
    if (urgent) {
      this.urgent = true;
      this.wake?.();
    }
    this.flushing ??= this.flush();
    return done;
  }

  private async flush(): Promise<void> {
    while (this.pending.size || this.waiting.length) {
      const wait = this.urgent ? 0 : this.lastFlushAt + this.windowMs - Date.now();
      await new Promise<void>((resolve) => {
        const timer = wait > 0 ? setTimeout(resolve, wait) : null;
        if (!timer) setImmediate(resolve);
        this.wake = () => {
          if (timer) clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
      this.urgent = false;
      this.lastFlushAt = Date.now();
      const batch = [...this.pending.values()];
      const waiting = this.waiting;
      this.pending = new Map();
      this.waiting = [];
      for (const i of batch) for (const [path, v] of Object.entries(i.inc)) if (v === 0) delete i.inc[path];
      try {
        await this.applyNow(batch.filter((i) => Object.keys(i.inc).length > 0));
      } catch (err) {
        this.options.onError?.(err);
      }
      for (const w of waiting) w();
    }
    this.flushing = null;
  }

  /**
   * Applies increments site by site. A failure never fails the caller's write (it is
   * done): the site's roll-up is dropped instead and rebuilt on the next query.
   */
  private async applyNow(increments: StatIncrement[]): Promise<void> {
    const bySite = new Map<string, StatIncrement[]>();
    for (const i of increments) bySite.set(i.dims.siteKey, [...(bySite.get(i.dims.siteKey) ?? []), i]);
    for (const [siteKey, incs] of bySite) {
      try {
        await this.applySite(siteKey, incs);
      } catch (err) {
        this.options.onError?.(err);
        await this.meta.updateOne({ siteKey }, { $set: { gen: null } }).catch(() => {});
      } finally {
        this.changed(siteKey);
      }
    }
  }

  private async applySite(siteKey: string, incs: StatIncrement[]): Promise<void> {
    // While a rebuild runs, its days to recompute are marked first (atomically, no prior
    // read): the rebuild recomputes them from the responses before it swaps in.
    const days = [...new Set(incs.map((i) => i.dims.day))];
    const meta =
      (await this.meta.findOneAndUpdate({ siteKey, building: { $exists: true } }, { $addToSet: { dirty: { $each: days } } })) ??
      (await this.meta.findOne({ siteKey }));
    // The current generation keeps serving queries until a swap, so it gets the change too.
    const gen = meta?.gen;
    if (!gen) return; // no roll-up yet: the backfill will count this response
    for (const { dims, inc } of incs) {
      const growing = Object.values(inc).some((v) => v > 0);
      await this.stats.updateOne(
        { siteKey: dims.siteKey, gen, day: dims.day, surveyId: dims.surveyId, type: dims.type, device: dims.device, lang: dims.lang },
        { $inc: inc, ...(growing ? { $setOnInsert: { dayDate: new Date(`${dims.day}T00:00:00Z`) } } : {}) },
        // A decrement never creates a document (the day may have expired already).
        { upsert: growing },
      );
    }
  }

  /**
   * Deletes responses and takes exactly those out of the roll-up: read them, delete
   * them by key, decrement. Responses matching the filter that arrive meanwhile are
   * picked up by the next round.
   */
  async deleteResponses(filter: Filter): Promise<number> {
    let total = 0;
    for (let round = 0; round < 1000; round++) {
      const docs = await this.responses.find(filter, { limit: 5000 });
      if (docs.length === 0) break;
      const bySite = new Map<string, string[]>();
      for (const d of docs) bySite.set(d.siteKey, [...(bySite.get(d.siteKey) ?? []), d.id]);
      const keys: Filter[] = [...bySite].map(([siteKey, ids]) => ({ siteKey, id: { $in: ids } }));
      total += await this.responses.deleteMany(keys.length === 1 ? { ...filter, ...keys[0] } : { $and: [filter, { $or: keys }] });
      await this.remove(docs);
    }
    return total;
  }

  /**
   * Drops every site's roll-up so the next read rebuilds it from the responses: after
   * an unclean stop, increments of the last moments before it may never have been written.
   */
  async invalidateAll(): Promise<number> {
    return (await this.meta.updateMany({ gen: { $ne: null } }, { $set: { gen: null } })).modified;
  }

  /** The generation to read for a site; backfills once when the site has none. null: read the responses instead. */
  async generation(siteKey: string): Promise<string | null> {
    await this.settled();
    const meta = await this.meta.findOne({ siteKey });
    if (meta?.gen) return meta.gen;
    if (meta?.building && new Date(meta.building.leaseUntil).getTime() > Date.now() && !this.backfills.has(siteKey)) return null;
    let p = this.backfills.get(siteKey);
    if (!p) {
      p = this.rebuild(siteKey)
        .then((r) => r.gen)
        .catch((err) => {
          if (!(err instanceof RebuildRunningError)) this.options.onError?.(err);
          return null;
        })
        .finally(() => this.backfills.delete(siteKey));
      this.backfills.set(siteKey, p);
    }
    return p;
  }

  /**
   * Rebuilds a site's roll-up into a fresh generation, then swaps it in:
   * 1. take the lease (one rebuild per site across replicas), reset the dirty days;
   * 2. scan the site's responses into the new generation (writers keep updating the
   *    current one, which queries still read, and mark the days they touch dirty);
   * 3. recompute every dirty day from the responses, until none is left for `graceMs`;
   * 4. swap atomically on "still my lease and no dirty day", drop the old generations.
   */
  async rebuild(siteKey: string): Promise<RebuildResult> {
    const t0 = performance.now();
    const gen = randomUUID();
    await this.meta.updateOne({ siteKey }, { $setOnInsert: { gen: null, dirty: [] } }, { upsert: true });
    const lease = () => new Date(Date.now() + this.leaseMs);
    const taken = await this.meta.findOneAndUpdate(
      { siteKey, $or: [{ building: { $exists: false } }, { 'building.leaseUntil': { $lt: new Date() } }] },
      { $set: { building: { gen, startedAt: new Date().toISOString(), leaseUntil: lease() }, dirty: [] } },
    );
    if (!taken) throw new RebuildRunningError(siteKey);
    try {
      const acc = new StatAccumulator(gen);
      let responses = 0;
      for await (const doc of this.responses.stream({ siteKey })) {
        acc.add(doc);
        responses++;
      }
      await this.writeDocs(acc.result());
      let dirtyDays = 0;
      for (;;) {
        // This process's increments still waiting for their window land now, marking their days dirty.
        await this.settled();
        const m = await this.meta.findOne({ siteKey });
        if (m?.building?.gen !== gen) throw new RebuildRunningError(siteKey);
        const dirty = m.dirty ?? [];
        if (dirty.length) {
          await this.meta.updateOne({ siteKey, 'building.gen': gen }, { $pullAll: { dirty }, $set: { 'building.leaseUntil': lease() } });
          for (const day of dirty) await this.recomputeDay(siteKey, gen, day);
          dirtyDays += dirty.length;
          continue;
        }
        if (this.graceMs > 0) await sleep(this.graceMs);
        const swapped = await this.meta.findOneAndUpdate(
          { siteKey, 'building.gen': gen, dirty: { $size: 0 } },
          { $set: { gen, builtAt: new Date().toISOString() }, $unset: { building: '' } },
        );
        if (swapped) break;
      }
      await this.stats.deleteMany({ siteKey, gen: { $ne: gen } });
      this.changed(siteKey);
      return { siteKey, gen, responses, documents: acc.result().length, dirtyDays, ms: Math.round(performance.now() - t0) };
    } catch (err) {
      // Give the lease back (unless someone else holds it now) and drop what was written.
      await this.meta.updateOne({ siteKey, 'building.gen': gen }, { $unset: { building: '' } }).catch(() => {});
      await this.stats.deleteMany({ siteKey, gen }).catch(() => {});
      throw err;
    }
  }

  private async recomputeDay(siteKey: string, gen: string, day: string): Promise<void> {
    const start = new Date(`${day}T00:00:00Z`);
    const acc = new StatAccumulator(gen);
    for (const d of await this.responses.find({ siteKey, receivedAt: { $gte: start, $lt: new Date(start.getTime() + DAY_MS) } })) acc.add(d);
    await this.stats.deleteMany({ siteKey, gen, day });
    await this.writeDocs(acc.result());
  }

  private async writeDocs(docs: StatDoc[]): Promise<void> {
    for (let i = 0; i < docs.length; i += 1000) await this.stats.insertMany(docs.slice(i, i + 1000));
  }

  /** Roll-up rows of one generation: site, optional survey, days in [fromDay, toDay). */
  rows(siteKey: string, gen: string, f: { survey?: string; fromDay?: string; toDay?: string }, withThemes: boolean): Promise<StatDoc[]> {
    const filter: Filter = { siteKey, gen };
    if (f.survey) filter.surveyId = f.survey;
    if (f.fromDay || f.toDay) filter.day = { ...(f.fromDay ? { $gte: f.fromDay } : {}), ...(f.toDay ? { $lt: f.toDay } : {}) };
    return this.stats.find(filter, withThemes ? {} : { projection: { themes: 0 } });
  }
}
