import { describe, expect, it } from 'vitest';
import { detectLanguage, localeLanguage } from '../../src/triage/language.ts';

describe('detectLanguage', () => {
  it('reads clear French and English from the text', () => {
    expect(detectLanguage("l'appli se ferme toute seule quand je veux payer", 'fr').language).toBe('fr');
    expect(detectLanguage('the app closes by itself when I try to pay', 'en').language).toBe('en');
  });
  it('beats the locale when the comment is in the other language', () => {
    expect(detectLanguage('cannot find where to change my password, help', 'fr')).toEqual({ language: 'en', source: 'text' });
    expect(detectLanguage("je ne trouve pas comment changer mon mot de passe", 'en')).toEqual({ language: 'fr', source: 'text' });
  });
  it('handles missing accents and slang', () => {
    expect(detectLanguage('ca marche pas du tout, c nul', 'en').language).toBe('fr');
  });
  it('falls back to the locale for empty, emoji-only or unreadable comments', () => {
    expect(detectLanguage('', 'fr-CA')).toEqual({ language: 'fr', source: 'locale' });
    expect(detectLanguage('👍👍', 'en')).toEqual({ language: 'en', source: 'locale' });
    expect(detectLanguage('   ', undefined).language).toBe('en');
  });
  it('normalises locale tags', () => {
    expect(localeLanguage('fr_FR')).toBe('fr');
    expect(localeLanguage('EN-gb')).toBe('en');
  });
});
