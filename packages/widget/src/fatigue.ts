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

export function emptyFatigue(): FatigueState {
  return { bySurvey: {} };
}

/** Why this survey may not be prompted now, or null. `budgetDays` is the site's visitor budget. */
export function fatigueBlock(state: FatigueState, s: PublicSurvey, budgetDays: number, now: number): string | null {
  const m = state.bySurvey[s.id] ?? {};
  const f = s.fatigue;
  const recontact = (f?.recontactDays ?? 30) * DAY;
  if (m.a !== undefined && (!f?.showAgainAfterAnswer || now - m.a < recontact)) return 'answered';
  if (m.d !== undefined && (!f?.showAgainAfterDismiss || now - m.d < recontact)) return 'dismissed';
  if (m.s !== undefined && now - m.s < recontact) return 'recontact';
  // The feedback button is visitor-initiated, so it never spends the budget nor is held back by it.
  if (s.kind !== 'feedback_button' && state.last !== undefined && budgetDays > 0 && now - state.last < budgetDays * DAY)
    return 'budget';
  return null;
}

export function recordShown(state: FatigueState, s: PublicSurvey, now: number): FatigueState {
  const bySurvey = { ...state.bySurvey, [s.id]: { ...state.bySurvey[s.id], s: now } };
  return s.kind === 'feedback_button' ? { ...state, bySurvey } : { bySurvey, last: now };
}

export function recordOutcome(state: FatigueState, id: string, answered: boolean, now: number): FatigueState {
  const prev = state.bySurvey[id] ?? {};
  return { ...state, bySurvey: { ...state.bySurvey, [id]: { ...prev, [answered ? 'a' : 'd']: now } } };
}

/** Highest priority first; ties go to the survey listed first by the collector. */
export function byPriority<T extends Pick<PublicSurvey, 'priority'>>(list: T[]): T | undefined {
  let best: T | undefined;
  for (const s of list) if (!best || (s.priority ?? 0) > (best.priority ?? 0)) best = s;
  return best;
}
