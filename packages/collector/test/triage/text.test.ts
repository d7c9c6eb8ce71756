import { describe, expect, it } from 'vitest';
import { analyse, isStopword, normalize, stem, tokenize } from '../../src/triage/text.ts';

describe('text plumbing', () => {
  it('normalises case, accents and apostrophes', () => {
    expect(normalize('Déjà ÉTÉ l’œuvre')).toBe("deja ete l'oeuvre");
  });
  it('splits elisions and keeps numbers', () => {
    expect(tokenize(normalize("L'export plante (erreur 500)"))).toEqual(['l', 'export', 'plante', 'erreur', '500']);
  });
  it('stems French and English inflections to one form', () => {
    expect(stem('annulation', 'fr')).toBe(stem('annule', 'fr'));
    expect(stem('cancelled', 'en')).toBe(stem('cancel', 'en'));
    expect(stem('exports', 'en')).toBe(stem('exporting', 'en'));
  });
  it('knows stopwords in both languages', () => {
    expect(isStopword('the', 'en')).toBe(true);
    expect(isStopword('les', 'fr')).toBe(true);
    expect(isStopword('checkout', 'en')).toBe(false);
  });
  it('keeps stems of both languages for loanwords', () => {
    const a = analyse('le checkout bug', 'fr');
    expect(a.stemsIn.en.has('checkout')).toBe(true);
    expect(a.stems.length).toBe(3);
  });
});
