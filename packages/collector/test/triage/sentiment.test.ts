import { describe, expect, it } from 'vitest';
import { lexicalPolarity, scorePolarity, scoreSentiment } from '../../src/triage/sentiment.ts';
import { analyse } from '../../src/triage/text.ts';

const s = (text: string, lang: 'fr' | 'en', input: Parameters<typeof scoreSentiment>[1]) => scoreSentiment(analyse(text, lang), input);

describe('sentiment', () => {
  it('reads polarity in both languages', () => {
    expect(lexicalPolarity(analyse('absolutely love it, brilliant work', 'en'))).toBeGreaterThan(0.3);
    expect(lexicalPolarity(analyse("c'est nul, vraiment décevant", 'fr'))).toBeLessThan(-0.3);
  });
  it('flips negated words', () => {
    expect(lexicalPolarity(analyse('not great at all', 'en'))).toBeLessThan(0);
    expect(lexicalPolarity(analyse("franchement c'est pas top", 'fr'))).toBeLessThan(0);
    expect(lexicalPolarity(analyse('no problem at all', 'en'))).toBeGreaterThan(0);
  });
  it('handles French negation, idioms and intensifiers', () => {
    expect(lexicalPolarity(analyse('le service est pas terrible', 'fr'))).toBeLessThan(0);
    expect(lexicalPolarity(analyse("l'appli n'est plus fiable", 'fr'))).toBeLessThan(0);
    expect(lexicalPolarity(analyse("c'est plus rapide qu'avant, génial", 'fr'))).toBeGreaterThan(0);
    expect(lexicalPolarity(analyse('rien à redire', 'fr'))).toBeGreaterThan(0.3);
    expect(lexicalPolarity(analyse('ras le bol de ces coupures', 'fr'))).toBeLessThan(-0.3);
    expect(lexicalPolarity(analyse('super lent', 'fr'))).toBeLessThan(lexicalPolarity(analyse('lent', 'fr')) + 1e-9);
    expect(lexicalPolarity(analyse("j'aime pas du tout", 'fr'))).toBeLessThan(0);
  });
  it('reads text emoticons but not URLs', () => {
    expect(lexicalPolarity(analyse('ok :(', 'en'))).toBeLessThan(0);
    expect(lexicalPolarity(analyse('merci :)', 'fr'))).toBeGreaterThan(0);
    expect(lexicalPolarity(analyse('see https://x.test/page', 'en'))).toBeCloseTo(lexicalPolarity(analyse('see x.test/page', 'en')), 6);
  });
  it('counts emoji', () => {
    expect(lexicalPolarity(analyse('😍😍', 'en'))).toBeGreaterThan(0);
    expect(lexicalPolarity(analyse('👎', 'fr'))).toBeLessThan(0);
  });
  it('maps NPS and ratings to [-1, 1]', () => {
    expect(scorePolarity('nps', 0)).toBe(-1);
    expect(scorePolarity('nps', 10)).toBe(1);
    expect(scorePolarity('feature_feedback', 3)).toBe(0);
    expect(scorePolarity('exit_intent', undefined)).toBeUndefined();
  });
  it('treats a low NPS with an empty or flat comment as negative', () => {
    expect(scoreSentiment(null, { type: 'nps', score: 3 }).label).toBe('negative');
    expect(s('je sais pas trop', 'fr', { type: 'nps', score: 5, kind: 'other' }).label).toBe('negative');
  });
  it('keeps polite requests and questions neutral unless the score says otherwise', () => {
    expect(s('it would be great to have a dark mode', 'en', { type: 'nps', score: 8, kind: 'feature_request' }).label).toBe('neutral');
    expect(s('combien de temps pour un remboursement ?', 'fr', { type: 'exit_intent', kind: 'question' }).label).toBe('neutral');
  });
  it('lets the complaint dominate mixed comments', () => {
    expect(s('nice app but the login page crashes', 'en', { type: 'feedback_button', kind: 'bug' }).label).toBe('negative');
  });
  it('is positive for praise and stays within bounds', () => {
    const r = s('Bravo, service impeccable', 'fr', { type: 'nps', score: 10, kind: 'praise' });
    expect(r.label).toBe('positive');
    expect(r.score).toBeLessThanOrEqual(1);
  });
});
