import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Kind } from '@hark/shared';
import { classifyKind } from '../../src/triage/kind.ts';
import { buildKindModel, defaultKindModel, kindFeatures, predictKind, trainKindModel } from '../../src/triage/kind-model.ts';
import { analyse, type Lang } from '../../src/triage/text.ts';

const doc = (text: string, kind: Kind, lang: Lang = 'en') => ({ a: analyse(text, lang), kind });

// A toy corpus, hand-written for this test.
const TOY = [
  doc('the widget explodes when I press save', 'bug'),
  doc('save explodes again, error on screen', 'bug'),
  doc('pressing export explodes with an error', 'bug'),
  doc('the dashboard is sluggish and crawls', 'performance'),
  doc('everything crawls, so sluggish today', 'performance'),
  doc('pages crawl for ages', 'performance'),
  doc('marvellous, thank you team', 'praise'),
  doc('simply marvellous service', 'praise'),
  doc('thank you, marvellous work', 'praise'),
  doc('le panier explose quand je valide', 'bug', 'fr'),
  doc('la page rame et se traîne', 'performance', 'fr'),
];

describe('naive Bayes kind model', () => {
  it('extracts stems, bigrams with negations and shape features', () => {
    const f = kindFeatures(analyse("ça marche pas, c'est 20 € ?", 'fr'));
    expect(f).toContain('march_pas');
    expect(f).toContain('pas');
    expect(f).toContain('#q');
    expect(f).toContain('#money');
  });
  it('learns a toy corpus and ranks unseen comments correctly', () => {
    const model = buildKindModel(trainKindModel(TOY));
    expect(predictKind(model, analyse('my report explodes every time', 'en')).kind).toBe('bug');
    expect(predictKind(model, analyse('the search crawls', 'en')).kind).toBe('performance');
    expect(predictKind(model, analyse('marvellous app, thank you', 'en')).kind).toBe('praise');
    const p = predictKind(model, analyse('it crawls', 'en'));
    expect(p.probs.performance!).toBeGreaterThan(p.probs.bug!);
    const sum = Object.values(p.probs).reduce((x, y) => x + y, 0);
    expect(sum).toBeCloseTo(1, 6);
  });
  it('has no opinion on words it never saw', () => {
    const model = buildKindModel(trainKindModel(TOY));
    expect(predictKind(model, analyse('zorglub quux', 'en')).known).toBe(0);
  });
  it('ships a model that matches the training corpus (run scripts/train-kind-model.ts after editing it)', () => {
    const corpus = readFileSync(fileURLToPath(new URL('../../src/triage/training/corpus.jsonl', import.meta.url)), 'utf8')
      .trim().split('\n').map((l) => JSON.parse(l) as { comment: string; locale: string; label: { kind: Kind } });
    expect(corpus.filter((d) => d.locale === 'fr').length).toBeGreaterThanOrEqual(300);
    expect(corpus.filter((d) => d.locale === 'en').length).toBeGreaterThanOrEqual(300);
    const retrained = trainKindModel(corpus.map((d) => doc(d.comment, d.label.kind, d.locale === 'fr' ? 'fr' : 'en')));
    const committed = JSON.parse(readFileSync(fileURLToPath(new URL('../../src/triage/training/kind-model.json', import.meta.url)), 'utf8'));
    expect(committed).toEqual(retrained);
  });
  it('the shipped model generalises to hand-written comments in both languages', () => {
    const model = defaultKindModel()!;
    expect(model).not.toBeNull();
    const cases: [Kind, Lang, string][] = [
      ['performance', 'fr', "l'appli met un temps fou à s'ouvrir"],
      ['pricing', 'fr', 'les tarifs sont devenus délirants'],
      ['churn_risk', 'en', "we're cancelling and moving to another vendor"],
      ['question', 'en', 'how can I change the billing email?'],
    ];
    for (const [kind, lang, text] of cases) expect(predictKind(model, analyse(text, lang)).kind, text).toBe(kind);
  });
  it('fills gaps when no cue fires, but rules-only mode still works', () => {
    const a = analyse('le catalogue se traîne depuis hier', 'fr');
    const toy = buildKindModel(trainKindModel(TOY));
    expect(classifyKind(a, { type: 'feedback_button' }, { model: toy }).kind).toBe('performance');
    expect(classifyKind(a, { type: 'feedback_button' }, { model: null }).kind).toBe('other');
  });
});
