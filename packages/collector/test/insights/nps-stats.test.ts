import { describe, expect, it } from 'vitest';
import { compareNps, erfc, normalCdf, npsStat, pointsAtStake, twoSidedP, countsFromScores } from '../../src/insights/nps-stats.ts';
import { periodBounds, periodOf, periodRange } from '../../src/insights/periods.ts';

// Reference values of erfc and Φ below are from CPython's math.erfc (Cephes-grade, ~1 ulp).

describe('NPS with its confidence interval', () => {
  it('50 promoters, 30 passives, 20 detractors', () => {
    // n = 100, p̂ = 0.5, d̂ = 0.2
    // NPS = 100·(0.5 − 0.2) = 30
    // Var = p̂ + d̂ − (p̂ − d̂)² = 0.5 + 0.2 − 0.09 = 0.61
    // SE  = 100·√(0.61/100) = 100·√0.0061 = 7.810249675906654
    // CI  = 30 ± 1.96·7.810249675906654 = 30 ± 15.308089364777041 → [14.691910635, 45.308089365]
    const s = npsStat({ promoters: 50, passives: 30, detractors: 20 });
    expect(s.nps).toBe(30);
    expect(s.n).toBe(100);
    expect(s.counts).toEqual({ promoters: 50, passives: 30, detractors: 20, total: 100 });
    expect(s.se).toBeCloseTo(7.810249675906654, 9);
    expect(s.ci95!.low).toBeCloseTo(14.691910635222959, 8);
    expect(s.ci95!.high).toBeCloseTo(45.30808936477704, 8);
    expect(s.tooFew).toBe(false);
  });

  it('clamps the interval to [−100, 100] and flags small samples', () => {
    // 9 promoters, 1 passive, 0 detractors: n = 10, NPS = 90
    // Var = 0.9 + 0 − 0.81 = 0.09; SE = 100·√(0.09/10) = 9.486832980505138
    // CI = 90 ± 18.594192641790070 → [71.405807358, 108.59…] → high clamped to 100
    const s = npsStat({ promoters: 9, passives: 1, detractors: 0 });
    expect(s.nps).toBe(90);
    expect(s.se).toBeCloseTo(9.486832980505138, 9);
    expect(s.ci95!.low).toBeCloseTo(71.40580735820993, 8);
    expect(s.ci95!.high).toBe(100);
    expect(s.tooFew).toBe(true); // 10 < 30 (default minN)
    expect(npsStat({ promoters: 9, passives: 1, detractors: 0 }, 10).tooFew).toBe(false);
    // All detractors: NPS −100, Var = 1 − 1 = 0, CI [−100, −100].
    expect(npsStat({ promoters: 0, passives: 0, detractors: 40 })).toMatchObject({ nps: -100, se: 0, ci95: { low: -100, high: -100 } });
  });

  it('nothing to say about an empty group', () => {
    expect(npsStat({ promoters: 0, passives: 0, detractors: 0 })).toEqual({
      nps: null, counts: { promoters: 0, passives: 0, detractors: 0, total: 0 }, n: 0, se: null, ci95: null, tooFew: true,
    });
  });

  it('counts categories from a score histogram (0–6 detractor, 7–8 passive, 9–10 promoter)', () => {
    expect(countsFromScores([[0, 2], [6, 3], [7, 4], [8, 1], [9, 5], [10, 6]])).toEqual({ promoters: 11, passives: 5, detractors: 5 });
  });

  it('points at stake: overall gain if a theme\'s detractors became passives', () => {
    // 200 answers, 25 detractors on the theme: NPS rises by 100·25/200 = 12.5 points.
    expect(pointsAtStake(25, 200)).toBe(12.5);
    // Check against the definition: NPS before and after moving them.
    const before = npsStat({ promoters: 80, passives: 40, detractors: 80 }).nps!;
    const after = npsStat({ promoters: 80, passives: 65, detractors: 55 }).nps!;
    expect(after - before).toBe(12.5);
    expect(pointsAtStake(3, 0)).toBe(0);
  });
});

describe('two-sample significance test', () => {
  it('a clear difference is significant', () => {
    // a: 50/30/20 → NPS 30, SE² = 61
    // b: 30/30/40 → NPS −10, Var = 0.3 + 0.4 − 0.01 = 0.69, SE = 8.306623862918075, SE² = 69
    // z = 40/√(61 + 69) = 40/√130 = 40/11.40175425099138 = 3.5082320772281173
    // p = erfc(3.5082…/√2) = 0.0004510953476143051
    const t = compareNps(npsStat({ promoters: 50, passives: 30, detractors: 20 }), npsStat({ promoters: 30, passives: 30, detractors: 40 }));
    expect(t.diff).toBe(40);
    expect(t.z).toBeCloseTo(3.5082320772281173, 9);
    expect(t.pValue! / 0.0004510953476143051).toBeCloseTo(1, 9);
    expect(t.significant).toBe(true);
  });

  it('a small difference on 100 answers each is not', () => {
    // a: 50/30/20 → NPS 30, SE² = 61; b: 45/30/25 → NPS 20, Var = 0.45 + 0.25 − 0.04 = 0.66, SE² = 66
    // z = 10/√127 = 0.8873565094161139; p = 0.37488699045279694
    const t = compareNps(npsStat({ promoters: 50, passives: 30, detractors: 20 }), npsStat({ promoters: 45, passives: 30, detractors: 25 }));
    expect(t.diff).toBe(10);
    expect(t.z).toBeCloseTo(0.8873565094161139, 9);
    expect(t.pValue).toBeCloseTo(0.37488699045279694, 12);
    expect(t.significant).toBe(false);
    // Symmetric.
    const r = compareNps(npsStat({ promoters: 45, passives: 30, detractors: 25 }), npsStat({ promoters: 50, passives: 30, detractors: 20 }));
    expect(r.z).toBeCloseTo(-0.8873565094161139, 9);
    expect(r.pValue).toBeCloseTo(t.pValue!, 15);
  });

  it('degenerate cases give no verdict', () => {
    const empty = npsStat({ promoters: 0, passives: 0, detractors: 0 });
    expect(compareNps(empty, npsStat({ promoters: 5, passives: 0, detractors: 0 }))).toEqual({ diff: null, z: null, pValue: null, significant: false });
    // Both unanimous: SE = 0 on both sides.
    expect(compareNps(npsStat({ promoters: 40, passives: 0, detractors: 0 }), npsStat({ promoters: 0, passives: 0, detractors: 40 }))).toEqual({ diff: 200, z: null, pValue: null, significant: false });
  });
});

describe('normal distribution', () => {
  const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
  it('erfc on both branches (series < 1.5 ≤ continued fraction), to 1e-14 relative', () => {
    const ref: [number, number][] = [
      [0, 1],
      [0.1, 0.8875370839817152],
      [0.5, 0.4795001221869535],
      [1, 0.15729920705028513],
      [2, 0.004677734981047265],
      [1.4999, 0.03390674833770473],
      [1.5, 0.033894853524689274],
      [2.4999, 0.0004071699003334514],
      [2.5, 0.0004069520174449589],
      [3, 2.2090496998585438e-5],
      [5, 1.5374597944280351e-12],
      [10, 2.088487583762545e-45],
      [-1, 1.842700792949715],
    ];
    for (const [x, want] of ref) expect(rel(erfc(x), want), `erfc(${x})`).toBeLessThan(1e-14);
  });

  it('Φ and two-sided p-values', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(rel(normalCdf(1.96), 0.9750021048517795)).toBeLessThan(1e-14);
    expect(rel(normalCdf(-1), 0.15865525393145707)).toBeLessThan(1e-13);
    expect(rel(normalCdf(-3), 0.0013498980316300957)).toBeLessThan(1e-13);
    expect(rel(normalCdf(-6), 9.865876450377012e-10)).toBeLessThan(1e-13);
    expect(rel(normalCdf(-10), 7.619853024160593e-24)).toBeLessThan(1e-13);
    // p(|Z| ≥ 1.96) = 2·(1 − 0.9750021048517795) = 0.049995790296441
    expect(twoSidedP(1.96)).toBeCloseTo(0.04999579029644087, 14);
    expect(twoSidedP(-1.96)).toBe(twoSidedP(1.96));
    expect(twoSidedP(0)).toBe(1);
  });
});

describe('periods (UTC)', () => {
  it('days fold into ISO weeks labelled by their Monday, and months', () => {
    expect(periodOf('2025-03-05', 'week')).toBe('2025-03-03'); // Wednesday → Monday
    expect(periodOf('2025-03-09', 'week')).toBe('2025-03-03'); // Sunday belongs to the week before
    expect(periodOf('2025-03-10', 'week')).toBe('2025-03-10');
    expect(periodOf('2025-01-01', 'week')).toBe('2024-12-30'); // across a year end
    expect(periodOf('2025-03-31', 'month')).toBe('2025-03');
    expect(periodBounds('2024-02', 'month')).toEqual({ start: new Date('2024-02-01T00:00:00Z'), end: new Date('2024-03-01T00:00:00Z') });
    expect(periodBounds('2025-03-03', 'week').end.toISOString()).toBe('2025-03-10T00:00:00.000Z');
    expect(periodRange('2025-02-24', '2025-03-17', 'week')).toEqual(['2025-02-24', '2025-03-03', '2025-03-10', '2025-03-17']);
    expect(periodRange('2024-11', '2025-02', 'month')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });
});
