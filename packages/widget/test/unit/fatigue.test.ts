// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { byPriority, fatigueBlock, recordOutcome, recordShown, type FatigueState } from '../../src/fatigue.ts';
import { survey } from './fixtures.ts';

const DAY = 86_400_000;
const now = 1_700_000_000_000;
const empty: FatigueState = { bySurvey: {} };

describe('fatigue', () => {
  it('a fresh visitor may be asked', () => {
    expect(fatigueBlock(empty, survey({ id: 'a' }), 3, now)).toBeNull();
  });
  it('per-visitor budget: one prompt per N days across all surveys', () => {
    const st = recordShown(empty, survey({ id: 'a' }), now);
    expect(fatigueBlock(st, survey({ id: 'b' }), 3, now + 2 * DAY)).toBe('budget');
    expect(fatigueBlock(st, survey({ id: 'b' }), 3, now + 3 * DAY + 1)).toBeNull();
    expect(fatigueBlock(st, survey({ id: 'b' }), 0, now + 1)).toBeNull(); // 0: no budget
  });
  it('the feedback button neither spends nor is held back by the budget', () => {
    const btn = survey({ id: 'btn', kind: 'feedback_button' });
    const st = recordShown(empty, btn, now);
    expect(st.last).toBeUndefined();
    expect(fatigueBlock(recordShown(empty, survey({ id: 'a' }), now), btn, 3, now + 1)).toBeNull();
  });
  it('per-survey recontact period after a prompt that was ignored', () => {
    const s = survey({ id: 'a', fatigue: { recontactDays: 10, showAgainAfterAnswer: false, showAgainAfterDismiss: false } });
    const st = recordShown(empty, s, now);
    expect(fatigueBlock(st, s, 0, now + 9 * DAY)).toBe('recontact');
    expect(fatigueBlock(st, s, 0, now + 11 * DAY)).toBeNull();
  });
  it('never again after an answer or a dismissal, unless the survey says so', () => {
    const s = survey({ id: 'a', fatigue: { recontactDays: 10, showAgainAfterAnswer: false, showAgainAfterDismiss: false } });
    const answered = recordOutcome(empty, 'a', true, now);
    const dismissed = recordOutcome(empty, 'a', false, now);
    expect(fatigueBlock(answered, s, 0, now + 1000 * DAY)).toBe('answered');
    expect(fatigueBlock(dismissed, s, 0, now + 1000 * DAY)).toBe('dismissed');
    const again = { ...s, fatigue: { recontactDays: 10, showAgainAfterAnswer: true, showAgainAfterDismiss: true } };
    expect(fatigueBlock(answered, again, 0, now + 5 * DAY)).toBe('answered');
    expect(fatigueBlock(answered, again, 0, now + 11 * DAY)).toBeNull();
    expect(fatigueBlock(dismissed, again, 0, now + 11 * DAY)).toBeNull();
  });
  it('priority decides between candidates; ties keep the collector order', () => {
    const a = survey({ id: 'a', priority: 1 });
    const b = survey({ id: 'b', priority: 5 });
    const c = survey({ id: 'c', priority: 5 });
    expect(byPriority([a, b, c])?.id).toBe('b');
    expect(byPriority([])).toBeUndefined();
  });
});
