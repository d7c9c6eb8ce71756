// Evidence-weighted priority. A weighted mean of five measures scaled to 0…1,
// times 100; each term shows its raw value, its scaled value, its weight and the
// points it contributes (the contributions add up to the score). A term whose data
// is missing (no account value trait) drops out and the others are re-weighted.
import type { Priority, PriorityTerm } from '@hark/shared';
import { type SourceResponse, accountOf, respondentOf } from './source.ts';

export interface PriorityOptions {
  now?: Date;
  /** Days after which a response counts half as much. */
  halfLifeDays?: number;
  /** Unique users at which reach saturates. */
  reachSaturation?: number;
  /** Monthly revenue (sum over accounts) at which account value saturates. */
  mrrSaturation?: number;
}

export const PRIORITY_WEIGHTS = { reach: 30, detractors: 20, sentiment: 15, recency: 15, accountValue: 20 } as const;

const PLAN_VALUE: Record<string, number> = {
  enterprise: 1, ultimate: 1, business: 0.75, premium: 0.65, pro: 0.6, professional: 0.6, team: 0.5, growth: 0.5,
  plus: 0.45, standard: 0.4, starter: 0.3, basic: 0.3, essential: 0.3, free: 0.1, trial: 0.15, gratuit: 0.1,
};

const num = (v: unknown): number | undefined => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
};

function monthlyValue(r: SourceResponse): number | undefined {
  const t = r.user?.traits ?? {};
  const mrr = num(t.mrr) ?? num(t.MRR);
  if (mrr !== undefined) return mrr;
  const arr = num(t.arr) ?? num(t.ARR);
  return arr !== undefined ? arr / 12 : undefined;
}

function planValue(r: SourceResponse): number | undefined {
  const p = r.user?.traits?.plan ?? r.user?.traits?.tier;
  return typeof p === 'string' ? PLAN_VALUE[p.toLowerCase()] ?? 0.4 : undefined;
}

export function isDetractor(r: SourceResponse): boolean {
  if (r.tags?.npsCategory) return r.tags.npsCategory === 'detractor';
  if (r.type === 'nps' && typeof r.score === 'number') return r.score <= 6;
  if (r.type === 'feature_feedback' && typeof r.score === 'number') return r.score <= 2;
  return false;
}

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

export function levelOf(score: number): Priority['level'] {
  if (score >= 75) return 'Highest';
  if (score >= 55) return 'High';
  if (score >= 35) return 'Medium';
  if (score >= 15) return 'Low';
  return 'Lowest';
}

/** Independent respondents n → n / (n + 4): one voice 0.2, three 0.43, ten 0.71, thirty 0.88. */
export function confidenceOf(independent: number): { confidence: number; confidenceLabel: Priority['confidenceLabel'] } {
  const c = independent <= 0 ? 0 : independent / (independent + 4);
  return { confidence: round(c, 2), confidenceLabel: c < 0.4 ? 'low' : c < 0.75 ? 'medium' : 'high' };
}

export function priorityOf(rs: SourceResponse[], opts: PriorityOptions = {}): Priority {
  const now = (opts.now ?? new Date()).getTime();
  const halfLife = opts.halfLifeDays ?? 30;
  const sat = opts.reachSaturation ?? 50;
  const mrrSat = opts.mrrSaturation ?? 20_000;
  const n = rs.length;

  const users = new Set(rs.map(respondentOf)).size;
  const reachNorm = Math.min(1, Math.log1p(users) / Math.log1p(sat));

  const detractors = rs.filter(isDetractor).length;
  const detractorShare = n ? detractors / n : 0;

  const tagged = rs.filter((r) => r.tags?.sentiment);
  const intensity = tagged.length ? tagged.reduce((s, r) => s + Math.max(0, -(r.tags!.sentiment.score)), 0) / tagged.length : null;

  const decay = n
    ? rs.reduce((s, r) => s + 0.5 ** (Math.max(0, now - new Date(r.receivedAt).getTime()) / 86_400_000 / halfLife), 0) / n
    : 0;

  // Account value: monthly revenue summed over distinct accounts when known, else the mean plan level.
  const byAccount = new Map<string, number>();
  for (const r of rs) {
    const v = monthlyValue(r);
    if (v !== undefined) byAccount.set(accountOf(r) ?? respondentOf(r), Math.max(v, byAccount.get(accountOf(r) ?? respondentOf(r)) ?? 0));
  }
  const plans = rs.map(planValue).filter((v): v is number => v !== undefined);
  let accountValue: number | null = null;
  let accountNorm = 0;
  let accountExplain = 'no account value trait (mrr, arr or plan) on the respondents: left out';
  if (byAccount.size) {
    accountValue = round([...byAccount.values()].reduce((a, b) => a + b, 0), 2);
    accountNorm = Math.min(1, Math.log1p(accountValue) / Math.log1p(mrrSat));
    accountExplain = `monthly revenue of ${byAccount.size} account(s) (traits mrr/arr), log-scaled, saturating at ${mrrSat}`;
  } else if (plans.length) {
    accountValue = round(plans.reduce((a, b) => a + b, 0) / plans.length, 3);
    accountNorm = accountValue;
    accountExplain = `mean plan level of ${plans.length} respondent(s) (trait plan: enterprise 1 … free 0.1)`;
  }

  const raw: Omit<PriorityTerm, 'contribution'>[] = [
    { name: 'reach', value: users, normalized: reachNorm, weight: PRIORITY_WEIGHTS.reach, explanation: `unique users reached, log-scaled, saturating at ${sat}` },
    { name: 'detractors', value: round(detractorShare, 3), normalized: detractorShare, weight: PRIORITY_WEIGHTS.detractors, explanation: `share of responses from detractors (NPS 0–6, rating 1–2): ${detractors}/${n}` },
    {
      name: 'sentimentIntensity',
      value: intensity === null ? null : round(intensity, 3),
      normalized: intensity ?? 0,
      weight: intensity === null ? 0 : PRIORITY_WEIGHTS.sentiment,
      explanation: intensity === null ? 'no tagged response: left out' : 'mean negative sentiment (0 neutral or positive … 1 very negative)',
    },
    { name: 'recency', value: round(decay, 3), normalized: decay, weight: PRIORITY_WEIGHTS.recency, explanation: `mean of 0.5^(age in days / ${halfLife}) over the responses` },
    { name: 'accountValue', value: accountValue, normalized: accountNorm, weight: accountValue === null ? 0 : PRIORITY_WEIGHTS.accountValue, explanation: accountExplain },
  ];
  const totalWeight = raw.reduce((s, t) => s + t.weight, 0) || 1;
  const terms: PriorityTerm[] = raw.map((t) => ({ ...t, normalized: round(t.normalized, 3), contribution: round((100 * t.weight * t.normalized) / totalWeight) }));
  const score = round(terms.reduce((s, t) => s + t.contribution, 0));
  return { score, level: levelOf(score), terms, ...confidenceOf(users) };
}
