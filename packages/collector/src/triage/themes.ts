// Themes from a taxonomy: {name, keywords: {en, fr}}. Keywords are matched on stems (single
// words, so "exports", "exporting" and "export" all hit "export") or as phrases on the
// normalised text ("promo code", "frais de port"). Each site can bring its own taxonomy;
// DEFAULT_TAXONOMY covers generic SaaS, e-commerce and media topics.
import { analyse, hasStem, normalize, stem, type Analysed, type Lang } from './text.ts';

const LANGS = ['en', 'fr'] as const;

export interface ThemeDef {
  name: string;
  keywords: { en?: string[]; fr?: string[] };
}
export type Taxonomy = ThemeDef[];

export const DEFAULT_TAXONOMY: Taxonomy = [
  { name: 'login', keywords: { en: ['login', 'log in', 'sign in', 'password', 'logout', 'log out', '2fa', 'sso', 'signup', 'sign up', 'account activation'], fr: ['connexion', 'se connecter', 'mot de passe', 'deconnexion', 'inscription', 'identifiant', 'se deconnecter'] } },
  { name: 'billing', keywords: { en: ['billing', 'invoice', 'subscription', 'plans', 'pricing plan', 'charged', 'payment method', 'receipt'], fr: ['facturation', 'facture', 'abonnement', 'forfait', 'prelevement', 'remboursement', 'recu'] } },
  { name: 'pricing', keywords: { en: ['price', 'pricing', 'expensive', 'cost', 'cheap', 'discount', 'fee', 'tier', 'seat'], fr: ['prix', 'tarif', 'cher', 'cout', 'reduction', 'remise', 'frais', 'palier'] } },
  { name: 'export', keywords: { en: ['export', 'download', 'csv', 'pdf', 'excel', 'spreadsheet'], fr: ['export', 'exporter', 'telecharger', 'csv', 'pdf', 'excel', 'tableur'] } },
  { name: 'import', keywords: { en: ['import', 'upload', 'migration', 'migrate'], fr: ['import', 'importer', 'migration', 'migrer', 'televerser'] } },
  { name: 'search', keywords: { en: ['search', 'find', 'filter', 'sort'], fr: ['recherche', 'rechercher', 'chercher', 'filtre', 'filtrer', 'trier', 'tri'] } },
  { name: 'notifications', keywords: { en: ['notification', 'email', 'alert', 'reminder', 'push'], fr: ['notification', 'mail', 'alerte', 'rappel', 'newsletter'] } },
  { name: 'integrations', keywords: { en: ['integration', 'api', 'webhook', 'sync', 'slack', 'zapier', 'calendar'], fr: ['integration', 'api', 'synchronisation', 'synchro', 'connecteur', 'agenda'] } },
  { name: 'mobile', keywords: { en: ['mobile', 'phone', 'iphone', 'android', 'ipad', 'tablet', 'app store'], fr: ['mobile', 'telephone', 'portable', 'iphone', 'android', 'tablette', 'appli'] } },
  { name: 'performance', keywords: { en: ['slow', 'lag', 'loading', 'speed', 'timeout', 'freeze'], fr: ['lent', 'lenteur', 'chargement', 'rame', 'latence', 'fige'] } },
  { name: 'reports', keywords: { en: ['report', 'dashboard', 'analytics', 'chart', 'statistics'], fr: ['rapport', 'tableau de bord', 'statistique', 'graphique'] } },
  { name: 'permissions', keywords: { en: ['permission', 'role', 'access', 'admin', 'invite', 'member'], fr: ['permission', 'droit', 'role', 'acces', 'invitation', 'inviter', 'membre'] } },
  { name: 'onboarding', keywords: { en: ['onboarding', 'setup', 'tutorial', 'getting started', 'trial'], fr: ['prise en main', 'tutoriel', 'configuration', 'essai', 'demarrage'] } },
  { name: 'support', keywords: { en: ['support', 'customer service', 'help', 'contact', 'agent', 'chat'], fr: ['support', 'service client', 'aide', 'sav', 'conseiller'] } },
  { name: 'checkout', keywords: { en: ['checkout', 'cart', 'basket', 'bag', 'payment', 'pay', 'credit card', 'card payment', 'paypal', 'apple pay'], fr: ['panier', 'paiement', 'payer', 'commande', 'carte bancaire', 'paypal', 'apple pay', 'checkout'] } },
  { name: 'promo codes', keywords: { en: ['promo code', 'coupon', 'voucher', 'discount code', 'gift card'], fr: ['code promo', 'bon de reduction', 'carte cadeau', 'bon d achat'] } },
  { name: 'delivery', keywords: { en: ['delivery', 'shipping', 'parcel', 'package', 'courier', 'tracking', 'ship', 'arrived', 'late'], fr: ['livraison', 'colis', 'expedition', 'suivi', 'livreur', 'transporteur', 'retard'] } },
  { name: 'returns', keywords: { en: ['return', 'refund', 'exchange', 'send back'], fr: ['retour', 'rembourse', 'echange', 'renvoyer'] } },
  { name: 'sizes', keywords: { en: ['size', 'sizing', 'fit', 'fits', 'too small', 'too big', 'size guide'], fr: ['taille', 'guide des tailles', 'trop petit', 'trop grand', 'pointure', 'taille unique'] } },
  { name: 'product quality', keywords: { en: ['quality', 'fabric', 'material', 'stitching', 'shrink', 'shrank'], fr: ['qualite', 'matiere', 'tissu', 'couture', 'bouloche', 'retrecit', 'trou'] } },
  { name: 'product pages', keywords: { en: ['product page', 'photo', 'picture', 'description', 'colour', 'color', 'stock', 'out of stock'], fr: ['fiche produit', 'photo', 'description', 'couleur', 'coloris', 'stock', 'epuise', 'rupture'] } },
  { name: 'subtitles', keywords: { en: ['subtitle', 'caption', 'closed captions', 'dubbing', 'audio track'], fr: ['sous-titre', 'sous titres', 'doublage', 'piste audio', 'vost', 'vf'] } },
  { name: 'playback', keywords: { en: ['playback', 'video', 'stream', 'buffering', 'player', 'episode', 'resolution'], fr: ['lecture', 'video', 'streaming', 'lecteur', 'episode', 'mise en memoire'] } },
  { name: 'catalog', keywords: { en: ['catalog', 'catalogue', 'selection', 'movie', 'film', 'show', 'series', 'content', 'recommendations'], fr: ['catalogue', 'film', 'serie', 'contenu', 'recommandation'] } },
  { name: 'time tracking', keywords: { en: ['timer', 'time tracking', 'timesheet', 'time entry', 'hours'], fr: ['chrono', 'chronometre', 'suivi du temps', 'feuille de temps', 'heures'] } },
  { name: 'ui', keywords: { en: ['button', 'menu', 'icon', 'layout', 'design', 'interface', 'dark mode', 'font'], fr: ['bouton', 'menu', 'icone', 'interface', 'design', 'mode sombre', 'police'] } },
  { name: 'accessibility', keywords: { en: ['accessibility', 'screen reader', 'contrast', 'keyboard navigation'], fr: ['accessibilite', 'lecteur d ecran', 'contraste'] } },
  { name: 'account', keywords: { en: ['account', 'profile', 'settings', 'delete my account'], fr: ['mon compte', 'profil', 'parametres', 'supprimer mon compte'] } },
  { name: 'transfers', keywords: { en: ['transfer', 'wire', 'iban', 'bank account', 'overdraft', 'savings'], fr: ['virement', 'iban', 'compte bancaire', 'decouvert', 'epargne'] } },
  { name: 'booking', keywords: { en: ['booking', 'reservation', 'flight', 'hotel', 'check-in', 'seat selection', 'luggage', 'baggage'], fr: ['reservation', 'vol', 'hotel', 'enregistrement', 'bagage', 'billet'] } },
];

interface CompiledTheme {
  name: string;
  stems: Record<Lang, Set<string>>;
  phrases: RegExp | null;
}

// Compiled taxonomies are cached by identity: taxonomies change rarely, tagging is hot.
const compiledCache = new WeakMap<Taxonomy, CompiledTheme[]>();

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function compileTaxonomy(taxonomy: Taxonomy): CompiledTheme[] {
  const hit = compiledCache.get(taxonomy);
  if (hit) return hit;
  const out: CompiledTheme[] = taxonomy.map((t) => {
    const stems: Record<Lang, Set<string>> = { en: new Set(), fr: new Set() };
    const phrases: string[] = [];
    for (const lang of LANGS) {
      for (const kw of t.keywords[lang] ?? []) {
        const n = normalize(kw).trim();
        if (!n) continue;
        if (/[\s'-]/.test(n)) phrases.push(escape(n).replace(/[\s'-]+/g, "[\\s'-]+"));
        // A keyword stems with its own language's stemmer (see matchThemes for how it meets a comment).
        else stems[lang].add(stem(n, lang));
      }
    }
    return { name: t.name, stems, phrases: phrases.length ? new RegExp(`\\b(?:${phrases.join('|')})`) : null };
  });
  compiledCache.set(taxonomy, out);
  return out;
}

/** Names of the taxonomy themes a comment mentions, in taxonomy order. */
export function matchThemes(a: Analysed, taxonomy: Taxonomy = DEFAULT_TAXONOMY): string[] {
  const out: string[] = [];
  for (const t of compileTaxonomy(taxonomy)) {
    let hit = false;
    for (const lang of LANGS) {
      // Keywords of the comment's language meet all its stems (the French stemmer also catches the
      // English comparatives Porter leaves whole: "slower", "cheaper"). A keyword of the other
      // language is a loanword and meets only stems its own stemmer made: French "chargement"
      // stems to "charg", as English "charged" does.
      for (const s of t.stems[lang]) if (lang === a.lang ? hasStem(a, s) : a.stemsIn[lang].has(s)) { hit = true; break; }
      if (hit) break;
    }
    if (!hit && t.phrases) hit = t.phrases.test(a.norm);
    if (hit) out.push(t.name);
  }
  return out;
}

/** Convenience for callers holding raw text. */
export function themesOf(text: string, lang: Lang, taxonomy?: Taxonomy): string[] {
  return matchThemes(analyse(text, lang), taxonomy);
}
