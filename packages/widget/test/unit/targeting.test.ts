// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { detectDevice, matchUrl, samplingBucket, targetingBlock, traitMatches, urlAllowed } from '../../src/targeting.ts';
import { survey } from './fixtures.ts';

const ctx = { url: 'https://shop.test/pricing?plan=pro', events: new Set<string>(), traits: {}, device: 'desktop' as const, locale: 'en-GB', visitorId: 'v1' };

describe('URL rules', () => {
  it('exact, contains, prefix and regex', () => {
    expect(matchUrl({ match: 'exact', value: '/pricing?plan=pro' }, ctx.url)).toBe(true);
    expect(matchUrl({ match: 'exact', value: '/pricing' }, ctx.url)).toBe(false);
    expect(matchUrl({ match: 'exact', value: 'https://shop.test/' }, 'https://shop.test')).toBe(true);
    expect(matchUrl({ match: 'contains', value: 'plan=pro' }, ctx.url)).toBe(true);
    expect(matchUrl({ match: 'prefix', value: '/pri' }, ctx.url)).toBe(true);
    expect(matchUrl({ match: 'prefix', value: 'https://other.test' }, ctx.url)).toBe(false);
    expect(matchUrl({ match: 'regex', value: '^/pricing\\?plan=(pro|team)$' }, ctx.url)).toBe(true);
  });
  it('a broken regex never matches instead of throwing', () => {
    expect(matchUrl({ match: 'regex', value: '(' }, ctx.url)).toBe(false);
  });
  it('exclusions win over inclusions; no inclusion means everywhere', () => {
    const t = survey({ id: 'a' }).targeting;
    expect(urlAllowed(t, ctx.url)).toBe(true);
    t.urls.include = [{ match: 'contains', value: 'pricing' }];
    t.urls.exclude = [{ match: 'contains', value: 'plan=pro' }];
    expect(urlAllowed(t, ctx.url)).toBe(false);
    expect(urlAllowed(t, 'https://shop.test/pricing')).toBe(true);
    expect(urlAllowed(t, 'https://shop.test/about')).toBe(false);
  });
});

describe('traits, events, device, locale, sampling', () => {
  it('trait operators', () => {
    const traits = { plan: 'pro', seats: 12, beta: true };
    expect(traitMatches({ key: 'plan', op: 'eq', value: 'pro' }, traits)).toBe(true);
    expect(traitMatches({ key: 'plan', op: 'neq', value: 'pro' }, traits)).toBe(false);
    expect(traitMatches({ key: 'plan', op: 'in', value: ['team', 'pro'] }, traits)).toBe(true);
    expect(traitMatches({ key: 'seats', op: 'gt', value: 10 }, traits)).toBe(true);
    expect(traitMatches({ key: 'seats', op: 'lt', value: 10 }, traits)).toBe(false);
    expect(traitMatches({ key: 'beta', op: 'exists' }, traits)).toBe(true);
    expect(traitMatches({ key: 'nope', op: 'exists' }, traits)).toBe(false);
  });
  it('event-triggered surveys wait for track()', () => {
    const s = survey({ id: 'e' });
    s.targeting.events = ['checkout_done'];
    expect(targetingBlock(s, ctx)).toBe('event');
    expect(targetingBlock(s, { ...ctx, events: new Set(['checkout_done']) })).toBeNull();
  });
  it('device and locale', () => {
    const s = survey({ id: 'd' });
    s.targeting.devices = ['mobile'];
    expect(targetingBlock(s, ctx)).toBe('device');
    expect(targetingBlock(s, { ...ctx, device: 'mobile' })).toBeNull();
    s.targeting.devices = [];
    s.targeting.locales = ['fr'];
    expect(targetingBlock(s, ctx)).toBe('locale');
    expect(targetingBlock(s, { ...ctx, locale: 'fr-CA' })).toBeNull();
  });
  it('detects devices from the user agent and width', () => {
    expect(detectDevice('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0)', 390)).toBe('mobile');
    expect(detectDevice('Mozilla/5.0 (iPad; CPU OS 17_0)', 820)).toBe('tablet');
    expect(detectDevice('Mozilla/5.0 (X11; Linux x86_64) Chrome/120', 1280)).toBe('desktop');
  });
  it('sampling is stable per visitor and close to the percentage overall', () => {
    expect(samplingBucket('v1', 's')).toBe(samplingBucket('v1', 's'));
    const s = survey({ id: 'sample' });
    s.targeting.samplingPercent = 30;
    let shown = 0;
    for (let i = 0; i < 4000; i++) if (!targetingBlock(s, { ...ctx, visitorId: `visitor-${i}` })) shown++;
    expect(shown / 4000).toBeGreaterThan(0.26);
    expect(shown / 4000).toBeLessThan(0.34);
  });
  it('skipUrl lets an exit trigger through after the route changed', () => {
    const s = survey({ id: 'u' });
    s.targeting.urls.include = [{ match: 'prefix', value: '/checkout' }];
    expect(targetingBlock(s, ctx)).toBe('url');
    expect(targetingBlock(s, ctx, true)).toBeNull();
  });
});
