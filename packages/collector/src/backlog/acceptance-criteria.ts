// Given/When/Then acceptance criteria derived from the evidence: where (page,
// device), what (the element or feature), what happens today (quoted) and what
// should happen (stated by customers when they did). Bugs get one criterion per
// kind of device they were reported on, and an error-handling criterion.
import type { AcceptanceCriterion } from '@hark/shared';
import { SYMPTOM_TEXT } from './behaviour.ts';
import { type Focus, actionText, givenText, q } from './focus.ts';

function expectedThen(f: Focus): string | undefined {
  if (!f.expected) return undefined;
  const fr = f.lang === 'fr';
  switch (f.expectedForm) {
    case 'system':
      return fr ? `cela devrait ${f.expected}` : `it should ${f.expected}`;
    case 'verb':
      return fr ? `je peux ${f.expected}` : `I can ${f.expected}`;
    case 'noun':
      return fr ? `je dispose de ${q(f.lang, f.expected)}` : `${q(f.lang, f.expected)} is available`;
    default:
      return fr ? `le comportement attendu est respecté : ${q(f.lang, f.expected)}` : `the expected behaviour holds: ${q(f.lang, f.expected)}`;
  }
}

function reportedText(f: Focus): string | undefined {
  if (f.reported) return q(f.lang, f.reported);
  return f.symptom ? SYMPTOM_TEXT[f.symptom][f.lang] : undefined;
}

function bugCriteria(f: Focus): AcceptanceCriterion[] {
  const fr = f.lang === 'fr';
  const main = f.devices[0];
  const when = actionText(f);
  const out: AcceptanceCriterion[] = [];
  out.push({
    given: givenText(f, main),
    when,
    then: expectedThen(f) ?? (fr ? 'l’action aboutit sans erreur et son résultat est visible' : 'the action completes without error and its result is visible'),
  });
  const reported = reportedText(f);
  if (reported) {
    const n = f.reports;
    out.push({
      given: givenText(f, main),
      when,
      then: fr
        ? `le problème signalé ne se produit plus : ${reported} (${n} signalement${n > 1 ? 's' : ''})`
        : `the reported problem no longer happens: ${reported} (${n} report${n > 1 ? 's' : ''})`,
    });
  }
  // Other device classes it was reported on must work too.
  const seenTypes = new Set(main ? [main.type] : []);
  for (const d of f.devices.slice(1)) {
    if (seenTypes.has(d.type) || seenTypes.size >= 3) continue;
    seenTypes.add(d.type);
    out.push({ given: givenText(f, d), when, then: fr ? 'cela fonctionne de la même façon' : 'it works the same way' });
  }
  out.push({
    given: fr ? `${givenText(f)} et l’action échoue pour une raison extérieure (réseau, serveur)` : `${givenText(f)} and the action fails for a reason outside my control (network, server)`,
    when,
    then: fr
      ? 'un message clair m’indique quoi faire et rien de ce que j’ai saisi n’est perdu'
      : 'a clear message tells me what to do next and nothing I entered is lost',
  });
  return out;
}

function performanceCriteria(f: Focus): AcceptanceCriterion[] {
  const fr = f.lang === 'fr';
  const when = actionText(f);
  const reported = reportedText(f);
  const out: AcceptanceCriterion[] = [
    {
      given: givenText(f, f.devices[0]),
      when,
      then: expectedThen(f) ?? (fr ? 'le résultat s’affiche en moins de 2 secondes (95e centile)' : 'the result is shown within 2 seconds (95th percentile)'),
    },
    {
      given: givenText(f),
      when: fr ? `${when} et que la réponse prend plus d’une seconde` : `${when} and the answer takes more than a second`,
      then: fr ? 'je vois un indicateur de progression' : 'I see a progress indicator',
    },
  ];
  if (reported) out.push({ given: givenText(f), when, then: fr ? `le problème signalé ne se produit plus : ${reported}` : `the reported problem no longer happens: ${reported}` });
  return out;
}

function usabilityCriteria(f: Focus): AcceptanceCriterion[] {
  const fr = f.lang === 'fr';
  const when = actionText(f);
  const reported = reportedText(f);
  const out: AcceptanceCriterion[] = [
    {
      given: fr ? `je découvre ${f.path ?? 'le produit'} pour la première fois` : `I see ${f.path ?? 'the product'} for the first time`,
      when: fr ? 'je cherche comment faire ce qui m’amène' : 'I look for how to do what I came for',
      then: fr ? 'je le trouve sans aide, en moins de 30 secondes' : 'I find it without help, in under 30 seconds',
    },
    { given: givenText(f, f.devices[0]), when, then: expectedThen(f) ?? (fr ? 'je comprends ce qui va se passer et ce qui s’est passé' : 'I understand what will happen and what happened') },
  ];
  if (reported) out.push({ given: givenText(f), when, then: fr ? `la difficulté signalée a disparu : ${reported}` : `the reported difficulty is gone: ${reported}` });
  return out;
}

function featureCriteria(f: Focus): AcceptanceCriterion[] {
  const fr = f.lang === 'fr';
  const out: AcceptanceCriterion[] = [];
  const capability = expectedThen(f);
  out.push({
    given: givenText(f, f.devices[0]),
    when: f.element || f.feature ? actionText(f) : fr ? 'je cherche la nouvelle possibilité' : 'I look for the new capability',
    then: capability ?? (fr ? `je peux faire ce que les clients demandent${f.theme ? ` pour ${q(f.lang, f.theme)}` : ''}` : `I can do what customers ask for${f.theme ? ` with ${q(f.lang, f.theme)}` : ''}`),
  });
  if (f.devices.some((d) => d.type !== 'desktop')) {
    out.push({ given: fr ? `${givenText(f)} sur mobile` : `${givenText(f)} on mobile`, when: fr ? 'j’utilise la nouvelle possibilité' : 'I use the new capability', then: fr ? 'elle fonctionne aussi bien que sur ordinateur' : 'it works as well as on desktop' });
  }
  out.push({
    given: fr ? 'je n’utilise pas la nouvelle possibilité' : 'I do not use the new capability',
    when: fr ? `${f.path ? `je travaille sur ${f.path}` : 'je travaille'} comme avant` : `I work${f.path ? ` on ${f.path}` : ''} as before`,
    then: fr ? 'rien ne change pour moi' : 'nothing changes for me',
  });
  return out;
}

function genericCriteria(f: Focus): AcceptanceCriterion[] {
  const fr = f.lang === 'fr';
  const reported = reportedText(f);
  return [
    {
      given: givenText(f, f.devices[0]),
      when: actionText(f),
      then: expectedThen(f) ?? (reported ? (fr ? `ce que les clients signalent est traité : ${reported}` : `what customers report is addressed: ${reported}`) : fr ? 'l’expérience répond à ce que les clients décrivent' : 'the experience matches what customers describe'),
    },
  ];
}

export function acceptanceCriteria(f: Focus): AcceptanceCriterion[] {
  switch (f.kind) {
    case 'bug':
      return bugCriteria(f);
    case 'performance':
      return performanceCriteria(f);
    case 'usability':
      return usabilityCriteria(f);
    case 'feature_request':
      return featureCriteria(f);
    default:
      return genericCriteria(f);
  }
}

const KEYWORDS = { en: ['Given', 'When', 'Then'], fr: ['Étant donné que', 'Quand', 'Alors'] } as const;

/** [keyword, text] for Given, When, Then in the story's language (Gherkin keywords). */
export function criterionParts(c: AcceptanceCriterion, lang: 'fr' | 'en'): [string, string][] {
  const [g, w, t] = KEYWORDS[lang];
  return [[g, c.given], [w, c.when], [t, c.then]];
}

/** "Given …", "When …", "Then …" lines, for exports. */
export function criterionLines(c: AcceptanceCriterion, lang: 'fr' | 'en'): string[] {
  return criterionParts(c, lang).map(([k, t]) => `${k} ${t}`);
}
