// What a comment says happens (the reported behaviour) and what the customer
// expected instead, when stated ("should…", "I expected…", "devrait…",
// "j'aimerais…"). Pure string work on the original wording, so quotes stay quotes.
import { clip } from './source.ts';
import { normalize } from '../triage/text.ts';

export interface Behaviour {
  /** What the customer reports (a clause of their comment). */
  reported?: string;
  /** What they expected or asked for, as a bare clause ("apply the coupon"). */
  expected?: string;
  expectedForm?: ExpectedForm;
  /** A short symptom label in the story's language family, e.g. "nothing happens". */
  symptom?: Symptom;
}

export type Symptom = 'nothing_happens' | 'error' | 'crash' | 'frozen' | 'blank' | 'wrong_result' | 'slow' | 'not_working' | 'cannot_find';

// Matched on normalised text (lowercase, no accents). Order: most specific first.
const SYMPTOMS: [Symptom, RegExp][] = [
  ['nothing_happens', /\b(nothing happens|does nothing|doesn'?t do anything|no reaction|nothing is happening|rien ne se passe|il ne se passe rien|ne fait rien|aucune reaction)\b/],
  ['crash', /\b(crash\w*|plante\w*|a plante|closes itself|se ferme tout seul)\b/],
  ['frozen', /\b(frozen|freez\w*|stuck|hangs?|spinner|spins forever|bloque\w*|fige\w*|tourne (dans le vide|en boucle|a l'infini)|mouline)\b/],
  ['blank', /\b(blank (page|screen)|white (page|screen)|page blanche|ecran blanc)\b/],
  ['error', /\b(error|erreur|404|500|exception|oops|message d'erreur)\b/],
  ['slow', /\b(slow|takes (ages|forever|\d+ ?s(ec(ond)?s?)?)|lent\w*|met (une plombe|des plombes|\d+ ?s)|prend (des heures|\d+ ?s))\b/],
  ['wrong_result', /\b(wrong|incorrect|not (applied|updated|saved)|pas (applique|pris en compte|enregistre|mis a jour)|faux|fausse)\b/],
  ['cannot_find', /\b(can'?t find|cannot find|where is|impossible de trouver|je ne trouve pas|introuvable|ou est)\b/],
  ['not_working', /\b(doesn'?t work|does not work|not working|broken|won'?t work|ne marche (pas|plus)|marche pas|ne fonctionne (pas|plus)|fonctionne pas|casse)\b/],
];

export const SYMPTOM_TEXT: Record<Symptom, { en: string; fr: string }> = {
  nothing_happens: { en: 'nothing happens', fr: 'rien ne se passe' },
  error: { en: 'an error is shown', fr: 'une erreur s’affiche' },
  crash: { en: 'it crashes', fr: 'l’application plante' },
  frozen: { en: 'it freezes', fr: 'tout reste bloqué' },
  blank: { en: 'a blank page is shown', fr: 'une page blanche s’affiche' },
  wrong_result: { en: 'the result is wrong', fr: 'le résultat est faux' },
  slow: { en: 'it is slow', fr: 'c’est lent' },
  not_working: { en: 'it does not work', fr: 'ça ne fonctionne pas' },
  cannot_find: { en: 'it cannot be found', fr: 'c’est introuvable' },
};

export function symptomOf(comment: string): Symptom | undefined {
  const n = normalize(comment);
  for (const [s, re] of SYMPTOMS) if (re.test(n)) return s;
  return undefined;
}

// Cues that introduce the expected behaviour; the clause after the cue is kept, with
// its form: `system` ("it should X": what the product should do), `verb` ("I'd like to X":
// what the customer wants to do), `noun` ("please add X": a thing to add), `clause` (a
// whole statement, "it would be nice if X"). Matched on the original text (case-insensitive)
// so the kept clause keeps its accents.
export type ExpectedForm = 'system' | 'verb' | 'noun' | 'clause';
const EXPECTED_CUES: [RegExp, ExpectedForm][] = [
  [/\b(?:i'?d|i would) (?:like|love) (?:to be able to|to)\s+(.+)/i, 'verb'],
  [/\b(?:i'?d|i would) (?:like|love)(?: it to| you to)\s+(.+)/i, 'system'],
  [/\b(?:i'?d|i would) (?:like|love)\s+(.+)/i, 'noun'],
  [/\bi (?:want|wanted|need|wish i could|just want) (?:to be able to|to)\s+(.+)/i, 'verb'],
  [/\bi (?:want|wanted|need|wish)(?: it to)\s+(.+)/i, 'system'],
  [/\bi (?:want|wanted|need|wish)\s+((?:a|an|the|some|more|better|my)\s.+)/i, 'noun'],
  [/\bi (?:expected|was expecting|would expect)(?: it)? to\s+(.+)/i, 'system'],
  [/\bexpected(?: behaviou?r| result)?\s*:\s*(.+)/i, 'clause'],
  [/\b(?:it |this |that |which |the [\w-]+ (?:button |link |page |field )?)?(?:should(?: have)?|ought to)\s+(.+)/i, 'system'],
  [/\b(?:it )?would be (?:nice|great|good|helpful|awesome|useful) to\s+(.+)/i, 'verb'],
  [/\b(?:it )?would be (?:nice|great|good|helpful|awesome|useful) if\s+(.+)/i, 'clause'],
  [/\b(?:please|could you|can you) (?:add|give us|provide)\s+(.+)/i, 'noun'],
  [/\b(?:please |could you |can you )?(?:let me|allow me to|allow us to|let us)\s+(.+)/i, 'verb'],
  [/\bon devrait pouvoir\s+(.+)/i, 'verb'],
  [/\b(?:il |ça |ca |cela |le \S+ |la \S+ |les \S+ )?devrai(?:t|ent)\s+(.+)/i, 'system'],
  [/\bil faudrait (?:pouvoir\s+)?(?!que)(.+)/i, 'verb'],
  [/\bil faudrait que\s+(.+)/i, 'clause'],
  [/\bj['’](?:aimerais|aurais aim[ée]|adorerais)(?: bien)?(?: pouvoir)?\s+(?!que)((?:un|une|des|le|la|les|plus|du)\s.+)/i, 'noun'],
  [/\bj['’](?:aimerais|aurais aim[ée]|adorerais)(?: bien)?(?: pouvoir)?\s+(?!que)(.+)/i, 'verb'],
  [/\bj['’](?:aimerais|aurais aim[ée]) (?:bien )?que\s+(.+)/i, 'clause'],
  [/\bje (?:voudrais|souhaite|souhaiterais|veux)(?: pouvoir)?\s+(?!que)((?:un|une|des|le|la|les|plus|du)\s.+)/i, 'noun'],
  [/\bje (?:voudrais|souhaite|souhaiterais|veux)(?: pouvoir)?\s+(?!que)(.+)/i, 'verb'],
  [/(?:^|[\s,;(])(?:ce|ça|ca) serait (?:bien|top|pratique|g[ée]nial|super|cool|utile) (?:de |d['’])\s*(.+)/i, 'verb'],
  [/(?:^|[\s,;(])(?:ce|ça|ca) serait (?:bien|top|pratique|g[ée]nial|super|cool|utile) (?:que|si)\s+(.+)/i, 'clause'],
  [/\b(?:merci d['’]ajouter|pouvez-vous ajouter|ajoutez|svp ajouter|ajouter svp)\s+(.+)/i, 'noun'],
  [/\bon (?:voudrait|aimerait)(?: pouvoir)?\s+(.+)/i, 'verb'],
];

/** Sentences of a comment. */
export function sentences(comment: string): string[] {
  return comment
    .split(/(?<=[.!?;])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 2);
}

const CONTRAST = /\s*(?:,\s*)?\b(?:but|mais|however|cependant|instead|sauf que|whereas|alors que|and then|et puis)\b.*$/i;

const REASON = /\s*(?:,\s*)?\b(?:because|since|as|car|parce que|puisque|vu que)\b.*$/i;

function tidy(clause: string): string {
  return clip(clause.replace(/^[\s,:;-]+/, '').replace(/[\s.!?;,]+$/, '').replace(/\s*(?:please|svp|stp|merci)\s*$/i, ''), 160);
}

function firstCue(sentence: string): { index: number; text: string; form: ExpectedForm } | undefined {
  let best: { index: number; text: string; form: ExpectedForm } | undefined;
  for (const [re, form] of EXPECTED_CUES) {
    const m = re.exec(sentence);
    if (m?.[1] && (!best || m.index < best.index)) best = { index: m.index, text: m[1], form };
  }
  return best;
}

export function expectedOf(comment: string): { text: string; form: ExpectedForm } | undefined {
  for (const s of sentences(comment)) {
    const cue = firstCue(s);
    if (!cue) continue;
    let raw = cue.text.replace(CONTRAST, '').replace(REASON, '');
    if (cue.form === 'noun') raw = raw.replace(/\s*[,(—–].*$/, '');
    const text = tidy(raw);
    if (text.length >= 3) return { text, form: cue.form };
  }
  return undefined;
}

/** The sentence saying what happens (one with a symptom first), cut before any expectation. */
export function reportedOf(comment: string): string | undefined {
  const parts = sentences(comment)
    .map((s) => {
      const cue = firstCue(s);
      const before = cue ? s.slice(0, cue.index).replace(/\s*(?:,|\band\b|\bet\b|\bbut\b|\bmais\b|\bso\b|\bdonc\b)\s*$/i, '') : s;
      return tidy(before);
    })
    .filter((s) => s.length >= 3);
  const pick = parts.find((s) => symptomOf(s)) ?? parts[0];
  return pick;
}

export function behaviourOf(comment: string | undefined): Behaviour {
  if (!comment?.trim()) return {};
  const out: Behaviour = {};
  const reported = reportedOf(comment);
  const expected = expectedOf(comment);
  const symptom = symptomOf(comment);
  if (reported) out.reported = reported;
  if (expected) {
    out.expected = expected.text;
    out.expectedForm = expected.form;
  }
  if (symptom) out.symptom = symptom;
  return out;
}
