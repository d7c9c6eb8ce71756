// Pure NPS arithmetic: no zod, no DOM, no Node. The widget imports this at runtime,
// so it must stay dependency-free.

export type NpsCategory = 'detractor' | 'passive' | 'promoter';

/** Category of one 0–10 answer (detractor 0–6, passive 7–8, promoter 9–10). */
export function npsCategory(score: number): NpsCategory {
  if (!Number.isInteger(score) || score < 0 || score > 10) {
    throw new RangeError(`NPS score must be an integer from 0 to 10, got ${score}`);
  }
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
  total: number;
}

export function npsCounts(scores: Iterable<number>): NpsCounts {
  const c: NpsCounts = { promoters: 0, passives: 0, detractors: 0, total: 0 };
  for (const s of scores) {
    const cat = npsCategory(s);
    if (cat === 'promoter') c.promoters++;
    else if (cat === 'passive') c.passives++;
    else c.detractors++;
    c.total++;
  }
  return c;
}

/** NPS from counts, on the usual −100…100 scale; null when there is no answer. */
export function npsFromCounts(c: Pick<NpsCounts, 'promoters' | 'detractors' | 'total'>): number | null {
  if (c.total === 0) return null;
  return (100 * (c.promoters - c.detractors)) / c.total;
}

/** NPS of a set of 0–10 scores; null for an empty set. */
export function nps(scores: Iterable<number>): number | null {
  return npsFromCounts(npsCounts(scores));
}
