import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Tags } from '@hark/shared';
import { tagResponse } from '../../src/triage/tagger.ts';
import { discoverThemes } from '../../src/triage/theme-discovery.ts';

describe('tagResponse', () => {
  it('returns schema-valid tags with the NPS category', () => {
    const t = tagResponse({ type: 'nps', score: 3, comment: 'Search is painfully slow since last week', locale: 'en', context: { url: 'https://app.example.io/search' } });
    expect(Tags.parse(t)).toEqual(t);
    expect(t).toMatchObject({ language: 'en', kind: 'performance', track: 'tactical', npsCategory: 'detractor', sentiment: { label: 'negative' } });
    expect(t.themes).toContain('search');
  });
  it('tags an empty detractor answer as other / strategic / negative', () => {
    expect(tagResponse({ type: 'nps', score: 4, comment: '', locale: 'fr', context: { url: 'https://x.test/' } })).toMatchObject({
      language: 'fr', kind: 'other', kinds: ['other'], track: 'strategic', sentiment: { label: 'negative' }, npsCategory: 'detractor',
    });
  });
  it('has no npsCategory outside NPS and reports masked PII', () => {
    const t = tagResponse({ type: 'feedback_button', comment: 'Le paiement échoue, appelez-moi au 06 11 22 33 44', locale: 'fr', context: { url: 'https://x.test/' } });
    expect(t.npsCategory).toBeUndefined();
    expect(t.pii).toEqual(['phone']);
    expect(t.kind).toBe('bug');
  });
  it('uses the element for tactical feature requests and adds discovered themes', () => {
    const discovered = discoverThemes(
      ['dark mode please', 'a dark mode for night reading', 'dark mode would be easier on the eyes'].map((c, i) => ({ id: String(i), comment: c, locale: 'en' })),
    );
    const t = tagResponse(
      { type: 'feature_feedback', score: 4, comment: 'Please add a dark mode to the reader', locale: 'en', context: { url: 'https://x.test/read', element: 'Reader' } },
      { discovered },
    );
    expect(t.kind).toBe('feature_request');
    expect(t.track).toBe('tactical');
    expect(t.themes).toContain('dark mode');
  });
  it('tolerates missing fields', () => {
    expect(() => Tags.parse(tagResponse({ type: 'exit_intent' }))).not.toThrow();
  });
  it('stays accurate on our own multi-domain labelled examples (regression guard)', () => {
    const file = fileURLToPath(new URL('./fixtures/multidomain-labelled.jsonl', import.meta.url));
    const items = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    let kind = 0, track = 0, sent = 0;
    for (const it of items) {
      const t = tagResponse(it);
      if (t.kind === it.label.kind) kind++;
      if (t.track === it.label.track) track++;
      if (t.sentiment.label === it.label.sentiment) sent++;
    }
    expect(kind / items.length).toBeGreaterThanOrEqual(0.9);
    expect(track / items.length).toBeGreaterThanOrEqual(0.9);
    expect(sent / items.length).toBeGreaterThanOrEqual(0.9);
  });
});
