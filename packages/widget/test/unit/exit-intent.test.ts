// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isRouteExit, watchExitIntent, type ExitReason } from '../../src/exit-intent.ts';
import { survey } from './fixtures.ts';

let clock = 0;
const now = () => clock;
let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  clock = 0;
});

function watch(touch: boolean, rules: Parameters<typeof watchExitIntent>[0] = undefined) {
  const fired: ExitReason[] = [];
  stop = watchExitIntent(rules, { touch, now, onExit: (r) => fired.push(r) });
  return fired;
}

const leaveTop = (clientY: number, relatedTarget: EventTarget | null = null) =>
  document.dispatchEvent(new MouseEvent('mouseout', { clientY, relatedTarget, bubbles: true }));

function scrollTo(y: number, atMs: number) {
  clock = atMs;
  Object.defineProperty(window, 'scrollY', { value: y, configurable: true });
  window.dispatchEvent(new Event('scroll'));
}

describe('desktop: pointer leaves through the top edge', () => {
  it('fires after the dwell time only, once', () => {
    const fired = watch(false, { desktop: { enabled: true, minDwellMs: 5000, topThresholdPx: 10 } } as never);
    clock = 1000;
    leaveTop(0);
    expect(fired).toEqual([]);
    clock = 6000;
    leaveTop(0);
    leaveTop(0);
    expect(fired).toEqual(['exit:top-edge']);
  });
  it('ignores leaving through the sides or bottom and moves between elements', () => {
    const fired = watch(false);
    clock = 10_000;
    leaveTop(400);
    leaveTop(0, document.body);
    expect(fired).toEqual([]);
  });
  it('can be disabled per survey, and is not used on touch devices', () => {
    const off = watch(false, { desktop: { enabled: false } } as never);
    clock = 10_000;
    leaveTop(0);
    expect(off).toEqual([]);
    stop?.();
    const touch = watch(true);
    leaveTop(0);
    expect(touch).toEqual([]);
  });
});

describe('mobile heuristics', () => {
  it('fast upward scroll near the top fires', () => {
    Object.defineProperty(window, 'scrollY', { value: 2000, configurable: true });
    const fired = watch(true, { mobile: { scrollUp: true, minScrollVelocity: 1500, nearTopPx: 600, minDwellMs: 1000 } } as never);
    scrollTo(1800, 2000); // slow, far from the top
    scrollTo(900, 2400); // fast, still far from the top
    expect(fired).toEqual([]);
    scrollTo(300, 2600); // 600 px in 200 ms = 3000 px/s, near the top
    expect(fired).toEqual(['exit:scroll-up']);
  });
  it('slow upward scroll near the top does not fire', () => {
    Object.defineProperty(window, 'scrollY', { value: 500, configurable: true });
    const fired = watch(true, { mobile: { minDwellMs: 0 } } as never);
    scrollTo(450, 1000);
    expect(fired).toEqual([]);
  });
  it('back navigation (popstate) fires after the dwell', () => {
    const fired = watch(true, { mobile: { minDwellMs: 3000 } } as never);
    clock = 1000;
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(fired).toEqual([]);
    clock = 4000;
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(fired).toEqual(['exit:back']);
  });
  it('pagehide and tab hidden report exit:pagehide (the loader asks on the next page view)', () => {
    const fired = watch(true, { mobile: { minDwellMs: 0 } } as never);
    window.dispatchEvent(new Event('pagehide'));
    expect(fired).toEqual(['exit:pagehide']);
    stop?.();
    const fired2 = watch(true, { mobile: { minDwellMs: 0 } } as never);
    const vis = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    vis.mockRestore();
    expect(fired2).toEqual(['exit:pagehide']);
  });
  it('each mobile heuristic can be switched off', () => {
    const fired = watch(true, { mobile: { scrollUp: false, backNavigation: false, pageHide: false, minDwellMs: 0 } } as never);
    window.dispatchEvent(new PopStateEvent('popstate'));
    window.dispatchEvent(new Event('pagehide'));
    scrollTo(0, 10);
    expect(fired).toEqual([]);
  });
});

describe('SPA route change away from a targeted route', () => {
  const s = survey({ id: 'x', kind: 'exit_intent', trigger: { delayMs: 0, scrollDepthPercent: 0, exitIntent: { spaRouteChange: true } as never } });
  s.targeting.urls.include = [{ match: 'prefix', value: '/checkout' }];
  it('leaving the targeted route counts, moving within it does not', () => {
    expect(isRouteExit(s, 'https://a.test/checkout/cart', 'https://a.test/home')).toBe(true);
    expect(isRouteExit(s, 'https://a.test/checkout/cart', 'https://a.test/checkout/pay')).toBe(false);
    expect(isRouteExit(s, 'https://a.test/home', 'https://a.test/about')).toBe(false);
  });
  it('can be switched off', () => {
    const off = { ...s, trigger: { ...s.trigger, exitIntent: { spaRouteChange: false } as never } };
    expect(isRouteExit(off, 'https://a.test/checkout', 'https://a.test/home')).toBe(false);
  });
});
