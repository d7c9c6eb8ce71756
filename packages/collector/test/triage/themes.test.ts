import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/triage/text.ts';
import { DEFAULT_TAXONOMY, matchThemes, themesOf, type Taxonomy } from '../../src/triage/themes.ts';

describe('taxonomy themes', () => {
  it('matches keywords on stems in both languages', () => {
    expect(themesOf('Exporting to CSV fails', 'en')).toContain('export');
    expect(themesOf('les sous-titres sont décalés', 'fr')).toContain('subtitles');
    expect(themesOf('colis jamais reçu, le livreur est introuvable', 'fr')).toContain('delivery');
  });
  it('meets a keyword only with stems of its own language, loanwords included', () => {
    // French "chargement" (loading) and English "charged" both stem to "charg".
    expect(themesOf('Le chargement de la page rapports est très lent', 'fr')).not.toContain('billing');
    expect(themesOf('Le chargement de la page rapports est très lent', 'fr')).toContain('performance');
    expect(themesOf('I was charged twice', 'en')).toContain('billing');
    // English "tried" stems to "tri", the French keyword for sorting.
    expect(themesOf("the best tool we've tried", 'en')).not.toContain('search');
    // English "lag" in a French comment: an English keyword met by the comment's English stems.
    expect(themesOf('gros lag sur la recherche', 'fr')).toContain('performance');
    // Same-language keywords keep both stemmers: Porter leaves "slower" and "cheaper" whole.
    expect(themesOf('quick view is slower than opening the page', 'en')).toContain('performance');
    expect(themesOf('found the same coat cheaper elsewhere', 'en')).toContain('pricing');
  });
  it('matches phrases across spacing and apostrophes', () => {
    expect(themesOf('my promo  code is refused', 'en')).toContain('promo codes');
    expect(themesOf('le guide des tailles est faux', 'fr')).toContain('sizes');
  });
  it('uses a per-site taxonomy when given', () => {
    const site: Taxonomy = [{ name: 'gift wrapping', keywords: { en: ['gift wrap', 'wrapping'], fr: ['papier cadeau', 'emballage cadeau'] } }];
    expect(matchThemes(analyse('can you add gift wrapping?', 'en'), site)).toEqual(['gift wrapping']);
    expect(matchThemes(analyse('un emballage cadeau svp', 'fr'), site)).toEqual(['gift wrapping']);
    expect(matchThemes(analyse('slow search', 'en'), site)).toEqual([]);
  });
  it('default taxonomy covers SaaS, e-commerce and media', () => {
    const names = DEFAULT_TAXONOMY.map((t) => t.name);
    for (const n of ['checkout', 'export', 'search', 'subtitles', 'billing', 'login', 'notifications', 'mobile', 'performance', 'delivery', 'returns', 'sizes']) expect(names).toContain(n);
  });
});
