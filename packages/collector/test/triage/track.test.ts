import { describe, expect, it } from 'vitest';
import { decideTrack } from '../../src/triage/track.ts';
import { analyse } from '../../src/triage/text.ts';

describe('decideTrack', () => {
  it('follows the kind for everything but feature requests', () => {
    expect(decideTrack('bug', null, {}).track).toBe('tactical');
    expect(decideTrack('pricing', null, {}).track).toBe('strategic');
    expect(decideTrack('praise', null, {}).trackReason).toMatch(/praise/);
  });
  it('puts new areas on the strategic track', () => {
    for (const [t, l] of [
      ['we really need an Android app', 'en'],
      ['please offer a public API', 'en'],
      ['une intégration avec Salesforce serait top', 'fr'],
      ["mettez de l'IA pour résumer les tickets", 'fr'],
      ['please start shipping to Japan', 'en'],
    ] as const) {
      expect(decideTrack('feature_request', analyse(t, l), {}).track, t).toBe('strategic');
    }
  });
  it('keeps enhancements of existing elements tactical', () => {
    const r = decideTrack('feature_request', analyse('let me filter this list by status', 'en'), { element: 'Orders table' });
    expect(r.track).toBe('tactical');
    expect(r.trackReason).toContain('Orders table');
    expect(decideTrack('feature_request', analyse('ajoutez un bouton pour dupliquer une facture', 'fr'), {}).track).toBe('tactical');
  });
});
