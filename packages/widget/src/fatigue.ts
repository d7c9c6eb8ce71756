// Survey fatigue is what makes a VoC widget tolerable: a visitor is asked rarely,
// once per survey unless it opts in to more, and never by two surveys at once.
import type { PublicSurvey } from './types.ts';

const DAY = 86_400_000;

export interface SurveyMemory {
  /** last time shown, answered, dismissed (epoch ms) */
  s?: number;
  a?: number;
  d?: number;
}

export interface FatigueState {
  bySurvey: Record<string, SurveyMemory>;
  /** Last prompt of any survey, for the per-visitor budget. */
  last?: number;
}

/** Why this survey may not be prompted now, or null. `budgetDays` is the site's visitor budget. */
export function fatigueBlock({ bySurvey, last }: Partial<FatigueState>, s: PublicSurvey, budgetDays: number, now: number): string | null {
  const { a, d, s: shown } = bySurvey?.[s.id] ?? {};
  const f = s.fatigue;
  const since = (t: number) => now - t < (f?.recontactDays ?? 30) * DAY;
  return a != null && (!f?.showAgainAfterAnswer || since(a))
    ? 'answered'
    : d != null && (!f?.showAgainAfterDismiss || since(d))
      ? 'dismissed'
      : shown != null && since(shown)
        ? 'recontact'
        : // The feedback button is visitor-initiated, so it never spends the budget nor is held back by it.
          s.kind !== 'feedback_button' && now - (last as number) < budgetDays * DAY
          ? 'budget'
          : null;
}

const mark = (st: FatigueState, id: string, k: keyof SurveyMemory, now: number, last = st.last): FatigueState => ({
  bySurvey: { ...st.bySurvey, [id]: { ...st.bySurvey[id], [k]: now } },
  last,
});

export const recordShown = (st: FatigueState, s: PublicSurvey, now: number): FatigueState =>
  mark(st, s.id, 's', now, s.kind === 'feedback_button' ? st.last : now);

export const recordOutcome = (st: FatigueState, id: string, answered: boolean, now: number): FatigueState =>
  mark(st, id, answered ? 'a' : 'd', now);

/** Highest priority first; ties go to the survey listed first by the collector. */
export const byPriority = <T extends Pick<PublicSurvey, 'priority'>>(list: T[]): T | undefined =>
  list.reduce<T | undefined>((b, s) => (!b || (s.priority ?? 0) > (b.priority ?? 0) ? s : b), undefined);
