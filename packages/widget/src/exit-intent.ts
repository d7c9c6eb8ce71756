// Exit-intent heuristics. Desktop visitors reach for the tab bar or the close button,
// so the pointer leaves through the top edge. Touch visitors have no pointer: they
// flick up towards the address bar, press back, or switch away; for the last one the
// page is already going, so the question is asked on the next page view of the session.
import type { PublicSurvey } from './types.ts';
import { urlAllowed } from './targeting.ts';

type Rules = Partial<NonNullable<NonNullable<PublicSurvey['trigger']>['exitIntent']>>;
export type ExitReason = 'exit:top-edge' | 'exit:scroll-up' | 'exit:back' | 'exit:pagehide' | 'exit:route';

export interface ExitWatchOptions {
  touch: boolean;
  onExit(reason: ExitReason): void;
  now?: () => number;
}

export function watchExitIntent(rules: Rules | undefined, { touch, onExit, now = Date.now }: ExitWatchOptions): () => void {
  const doc = document;
  const start = now();
  const d: Partial<NonNullable<Rules['desktop']>> = rules?.desktop ?? {};
  const m: Partial<NonNullable<Rules['mobile']>> = rules?.mobile ?? {};
  const off: Array<() => void> = [];
  let fired: unknown;
  let lastY = scrollY;
  let lastT = start;
  const on = (t: EventTarget, type: string, fn: (e: any) => unknown) => {
    const h = (e: Event) => fired || fn(e);
    t.addEventListener(type, h, true);
    off.push(() => t.removeEventListener(type, h, true));
  };
  // Fires once, and only after the survey's minimum dwell time on the page.
  const fire = (r: ExitReason, min = (touch ? m : d).minDwellMs ?? 5000) => now() - start >= min && onExit((fired = r));

  if (!touch && d.enabled !== false)
    // relatedTarget null: the pointer left the document, not just moved between elements.
    on(doc, 'mouseout', (e: MouseEvent) => !e.relatedTarget && e.clientY <= (d.topThresholdPx ?? 10) && fire('exit:top-edge'));
  if (touch) {
    if (m.scrollUp !== false)
      on(window, 'scroll', () => {
        const y = scrollY;
        const t = now();
        const v = ((lastY - y) / Math.max(t - lastT, 1)) * 1000; // px/s, positive when going up
        lastY = y;
        lastT = t;
        v >= (m.minScrollVelocity ?? 1500) && y <= (m.nearTopPx ?? 600) && fire('exit:scroll-up');
      });
    // We listen for back presses only; pushing a guard history entry would hijack the host's navigation.
    if (m.backNavigation !== false) on(window, 'popstate', () => fire('exit:back'));
    if (m.pageHide !== false) {
      on(window, 'pagehide', () => fire('exit:pagehide'));
      on(doc, 'visibilitychange', () => doc.visibilityState === 'hidden' && fire('exit:pagehide'));
    }
  }
  return () => off.forEach((f) => f());
}

/** SPA: leaving a route the survey targets counts as leaving, if the survey allows it. */
export const isRouteExit = (s: PublicSurvey, prevUrl: string, nextUrl: string): boolean =>
  !!s.trigger?.exitIntent &&
  s.trigger.exitIntent.spaRouteChange !== false &&
  urlAllowed(s.targeting, prevUrl) &&
  !urlAllowed(s.targeting, nextUrl);

export const isTouchDevice = (): boolean =>
  matchMedia('(pointer: coarse)').matches || (navigator.maxTouchPoints > 0 && !matchMedia('(pointer: fine)').matches);
