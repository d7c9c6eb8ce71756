// Order from the issue: explicit init option, then the page's declared language,
// then the browser. Only fr and en have built-in strings; others fall back to en
// but keep their tag so the collector still learns the visitor's language.
export function pickLocale(explicit?: string): string {
  const cands = [explicit, document.documentElement.lang, navigator.language];
  for (const c of cands) if (c && /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/.test(c)) return c;
  return 'en';
}

/** The built-in string table to use for a locale tag. */
export function baseLang(locale: string): 'fr' | 'en' {
  return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
