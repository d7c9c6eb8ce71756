import { describe, expect, it } from 'vitest';
import type { Kind } from '@hark/shared';
import { classifyKind, looksLikeGibberish } from '../../src/triage/kind.ts';
import { analyse } from '../../src/triage/text.ts';

const kindOf = (text: string, lang: 'fr' | 'en', type = 'feedback_button', score?: number, url = 'https://x.test/') =>
  classifyKind(analyse(text, lang), { type, score, url }).kind;

const cases: [Kind, 'fr' | 'en', string][] = [
  ['bug', 'en', 'the upload button does nothing on Safari'],
  ['bug', 'en', 'Getting a 502 error whenever I open the invoices page'],
  ['bug', 'fr', "l'appli plante quand j'ouvre mes relevés"],
  ['bug', 'fr', 'ca marche pas, la page reste blanche'],
  ['usability', 'en', 'took me ages to find where to change the delivery address, the menu is confusing'],
  ['usability', 'fr', "trop d'étapes pour changer de mot de passe, pas clair du tout"],
  ['performance', 'en', 'the player keeps buffering and the catalogue is so slow'],
  ['performance', 'fr', 'le site rame énormément depuis hier soir'],
  ['feature_request', 'en', 'please add a way to download statements as CSV'],
  ['feature_request', 'fr', 'ce serait bien de pouvoir trier les épisodes par date'],
  ['pricing', 'en', 'way too expensive for what it does'],
  ['pricing', 'fr', 'les frais de livraison sont abusés'],
  ['praise', 'en', 'Brilliant service, thank you so much!'],
  ['praise', 'fr', 'Parfait, rien à redire 👌'],
  ['churn_risk', 'en', "Too pricey, I'm cancelling my subscription"],
  ['churn_risk', 'fr', 'je résilie mon abonnement, trop cher'],
  ['question', 'en', 'How do I add a second user to my account?'],
  ['question', 'fr', 'Est-ce que vous livrez en Belgique ?'],
  ['other', 'en', ''],
  ['other', 'en', 'qwrtzpl'],
  ['other', 'fr', 'test'],
  // General French vocabulary (slang, missing accents), hand-written for these tests.
  ['bug', 'fr', "l'appli se deconnecte toute seule toutes les 5 min"],
  ['bug', 'fr', 'mes paiements sont plus pris en compte depuis la maj'],
  ['usability', 'fr', 'je trouve pas ou changer ma photo de profil'],
  ['usability', 'fr', "l'écran d'accueil est surchargé, on s'y perd"],
  ['performance', 'fr', 'ça prend des plombes pour valider un panier'],
  ['performance', 'fr', 'faut attendre 15 sec à chaque changement de page'],
  ['feature_request', 'fr', 'pourriez-vous rajouter un filtre par couleur ?'],
  ['feature_request', 'fr', 'à quand le paiement en 3 fois ?'],
  ['pricing', 'fr', 'les commissions sont beaucoup trop élevées'],
  ['praise', 'fr', 'continuez comme ça, c’est au poil'],
  ['churn_risk', 'fr', 'je me barre à la concurrence, ras le bol'],
  ['churn_risk', 'fr', 'je compte pas renouveler cette année'],
  ['question', 'fr', 'je dois faire quoi si mon colis arrive abîmé ?'],
  ['question', 'fr', 'comment on annule une réservation ?'],
  ['other', 'fr', 'je repasserai plus tard'],
  ['other', 'en', 'wrong tab, sorry'],
];

describe('classifyKind', () => {
  for (const [kind, lang, text] of cases) {
    it(`${kind} (${lang}): ${text || '(empty)'}`, () => expect(kindOf(text, lang)).toBe(kind));
  }
  it('lets churn beat pricing and lists pricing as secondary', () => {
    const r = classifyKind(analyse("trop cher, j'annule", 'fr'), { type: 'exit_intent' });
    expect(r.kind).toBe('churn_risk');
    expect(r.kinds[0]).toBe('churn_risk');
    expect(r.kinds).toContain('pricing');
  });
  it('does not read "without cancelling" as churn', () => {
    expect(kindOf('ce serait bien de pouvoir décaler un rdv sans l’annuler', 'fr')).toBe('feature_request');
  });
  it('uses the score: a flat promoter comment reads as praise', () => {
    expect(kindOf('smooth as always', 'en', 'nps', 10)).toBe('praise');
  });
  it('spots keyboard mash but not emoji-only praise', () => {
    expect(looksLikeGibberish(analyse('sdfghjk', 'en'))).toBe(true);
    expect(looksLikeGibberish(analyse('🙏🙏', 'en'))).toBe(false);
    expect(kindOf('🙏🙏', 'en', 'nps', 10)).toBe('praise');
  });
});
