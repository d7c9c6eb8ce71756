// Language of a comment: FR or EN for the tagger, with the browser locale as fallback.
// tinyld (normal build, ~590 kB, pure JS) restricted to fr/en was the most accurate on short
// feedback in our comparison (franc-min misreads short English like "love it" or "cancel it"
// as French; eld needs a 9 MB database loaded asynchronously). Because tinyld costs ~0.2 ms
// per call, clear-cut texts are decided first by a cheap vote on function words.
import { detectAll } from 'tinyld';
import { normalize, tokenize, type Lang } from './text.ts';

// Unambiguous function words only ("a", "on", "en", "pour" exist in both or are loanwords).
const FR_WORDS = new Set(
  'le la les des du une est et je j c qu pas ne vous nous que qui avec dans ca cest sont mais tres trop il elle ce cette mon ma mes votre vos notre nos suis ai au aux sur pourquoi comment quand peut faut rien plus avoir fait deja tout tous'.split(' '),
);
const EN_WORDS = new Set(
  'the an is are and i to of it you my your for with this that not but was were can cant dont doesnt its im ive what where how when why would could should have has just our we they there been be no please thanks'.split(' '),
);

/** Base language of a locale tag: "fr-CA" → "fr". */
export function localeLanguage(locale: string | undefined): string {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return base || 'en';
}

export interface LanguageGuess {
  /** ISO 639-1 code; "fr" or "en" whenever the text is readable as one of them. */
  language: string;
  /** Where the answer came from. */
  source: 'text' | 'locale';
}

export function detectLanguage(comment: string | undefined, locale: string | undefined): LanguageGuess {
  const fallback: LanguageGuess = { language: localeLanguage(locale), source: 'locale' };
  const text = (comment ?? '').trim();
  if (!text) return fallback;
  const tokens = tokenize(normalize(text)).filter((t) => /[a-z]/.test(t));
  if (tokens.length === 0) return fallback; // emoji, punctuation, numbers only

  let fr = 0;
  let en = 0;
  for (const t of tokens) {
    if (FR_WORDS.has(t)) fr++;
    else if (EN_WORDS.has(t)) en++;
  }
  // Accented letters are a strong French signal that function words miss ("délai trop long").
  if (/[éèêàùçôîï]/i.test(text)) fr += 1;
  if (fr >= 2 && fr >= 2 * en + 1) return { language: 'fr', source: 'text' };
  if (en >= 2 && en >= 2 * fr + 1) return { language: 'en', source: 'text' };
  // Weak evidence that agrees with the browser locale is enough; only disagreement or
  // silence pays for the statistical detector.
  const loc = localeLanguage(locale);
  if (loc === 'fr' && fr >= 1 && en === 0) return { language: 'fr', source: 'text' };
  if (loc === 'en' && en >= 1 && fr === 0) return { language: 'en', source: 'text' };

  const best = detectAll(text, { only: ['fr', 'en'] })[0];
  // Very short texts ("ok", "asdf", brand names) are unreliable: keep the locale unless the
  // detector is confident.
  if (!best || (tokens.length < 3 && best.accuracy < 0.5)) {
    if (fr > en) return { language: 'fr', source: 'text' };
    if (en > fr) return { language: 'en', source: 'text' };
    return fallback;
  }
  return { language: best.lang, source: 'text' };
}

/** The analysis language used by the lexicons: fr or en (anything else is read as English). */
export function analysisLang(language: string): Lang {
  return language === 'fr' ? 'fr' : 'en';
}
