// Who the story is for: from the respondents' traits (role, plan, segment) when most
// of them agree, else a default that fits the page (settings → an administrator,
// checkout → a shopper) or the generic "a customer" / "un client".
import { type SourceResponse, type StoryLang, pathOf, tally } from './source.ts';

const article = (noun: string) => (/^[aeiou]/i.test(noun) && !/^(user|uni|eu)/i.test(noun) ? `an ${noun}` : `a ${noun}`);

const ROLE_WORDS: Record<string, { en: string; fr: string }> = {
  admin: { en: 'administrator', fr: 'administrateur' },
  administrator: { en: 'administrator', fr: 'administrateur' },
  owner: { en: 'account owner', fr: 'propriétaire du compte' },
  manager: { en: 'manager', fr: 'manager' },
  developer: { en: 'developer', fr: 'développeur' },
  dev: { en: 'developer', fr: 'développeur' },
  accountant: { en: 'accountant', fr: 'comptable' },
  seller: { en: 'seller', fr: 'vendeur' },
  buyer: { en: 'buyer', fr: 'acheteur' },
  member: { en: 'team member', fr: 'membre de l’équipe' },
  agent: { en: 'support agent', fr: 'agent du support' },
};

function traitString(r: SourceResponse, keys: string[]): string | undefined {
  const t = r.user?.traits;
  if (!t) return undefined;
  for (const k of keys) {
    const v = t[k];
    if (typeof v === 'string' && v.trim() && v.length <= 60) return v.trim();
  }
  return undefined;
}

/** The value most respondents share, if at least half of all of them share it. */
function shared(rs: SourceResponse[], keys: string[]): string | undefined {
  const top = tally(rs.map((r) => traitString(r, keys)?.toLowerCase()))[0];
  return top && top[1] * 2 >= rs.length ? top[0] : undefined;
}

export function defaultPersona(rs: SourceResponse[], lang: StoryLang): string {
  const paths = rs.map((r) => pathOf(r.context.url)?.toLowerCase() ?? '');
  const share = (re: RegExp) => paths.filter((p) => re.test(p)).length * 2 >= paths.length && paths.length > 0;
  if (share(/\/(settings|admin|account\/settings|preferences|parametres|reglages|configuration)\b/)) return lang === 'fr' ? 'un administrateur' : 'an administrator';
  if (share(/\/(checkout|cart|basket|panier|paiement|payment|commande)\b/)) return lang === 'fr' ? 'un acheteur' : 'a shopper';
  return lang === 'fr' ? 'un client' : 'a customer';
}

export function personaOf(rs: SourceResponse[], lang: StoryLang): string {
  const role = shared(rs, ['role', 'jobRole', 'job_title', 'persona']);
  const plan = shared(rs, ['plan', 'tier', 'subscription']);
  const segment = shared(rs, ['segment', 'customerSegment']);
  if (role) {
    const w = ROLE_WORDS[role] ?? { en: role, fr: role };
    if (lang === 'fr') return `un ${w.fr}${plan ? ` (offre ${cap(plan)})` : ''}`;
    return `${article(w.en)}${plan ? ` on the ${cap(plan)} plan` : ''}`;
  }
  if (plan) return lang === 'fr' ? `un client de l’offre ${cap(plan)}` : `a customer on the ${cap(plan)} plan`;
  if (segment) return lang === 'fr' ? `un client ${segment}` : `${article(segment)} customer`;
  return defaultPersona(rs, lang);
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
