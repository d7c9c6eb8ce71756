import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/triage/text.ts';
import { assignDiscoveredThemes, discoverThemes, logLikelihood } from '../../src/triage/theme-discovery.ts';

// A site where a new topic (gift wrapping) recurs in both languages among unrelated comments.
const docs = [
  { id: 'a1', comment: 'Please offer gift wrapping for birthdays', locale: 'en' },
  { id: 'a2', comment: 'no gift wrapping option at checkout?', locale: 'en' },
  { id: 'a3', comment: 'Gift wrapping would be lovely for Christmas orders', locale: 'en' },
  { id: 'a4', comment: 'the gift wrapping was torn on arrival', locale: 'en' },
  { id: 'b1', comment: "Pas d'emballage cadeau, dommage pour un anniversaire", locale: 'fr' },
  { id: 'b2', comment: 'un emballage cadeau serait top', locale: 'fr' },
  { id: 'b3', comment: "l'emballage cadeau coûte trop cher", locale: 'fr' },
  { id: 'c1', comment: 'slow search results', locale: 'en' },
  { id: 'c2', comment: 'love the new colours', locale: 'en' },
  { id: 'c3', comment: 'la livraison était rapide', locale: 'fr' },
  { id: 'c4', comment: '', locale: 'fr' },
];

describe('discoverThemes', () => {
  const found = discoverThemes(docs, { minCount: 3 });
  it('surfaces recurring phrases in each language with counts and examples', () => {
    const en = found.find((t) => t.label === 'gift wrapping');
    const fr = found.find((t) => t.label === 'emballage cadeau');
    expect(en?.count).toBe(4);
    expect(en?.examples).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(fr?.count).toBe(3);
  });
  it('lets a bigram absorb its words and ignores one-off terms', () => {
    expect(found.find((t) => t.label === 'gift')).toBeUndefined();
    expect(found.find((t) => t.label === 'search')).toBeUndefined();
  });
  it('assigns discovered themes to a new response', () => {
    expect(assignDiscoveredThemes(analyse('Any gift wrapping for this order?', 'en'), found)).toContain('gift wrapping');
    expect(assignDiscoveredThemes(analyse('slow checkout', 'en'), found)).toEqual([]);
  });
  it('ranks by log-likelihood against a background when given', () => {
    const background = { df: new Map([['gift wrap', 1]]), docs: 1000 };
    const withBg = discoverThemes(docs, { minCount: 3, background });
    expect(withBg[0]?.score).toBeGreaterThan(0);
    expect(logLikelihood(10, 100, 10, 10000)).toBeGreaterThan(logLikelihood(2, 100, 10, 10000));
  });
  it('returns nothing for no text', () => {
    expect(discoverThemes([{ id: 'x', comment: '' }])).toEqual([]);
  });
});
