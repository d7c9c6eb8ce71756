// Exit-intent heuristics. Desktop visitors reach for the tab bar or the close button,
// so the pointer leaves through the top edge. Touch visitors have no pointer: they
// flick up towards the address bar, press back, or switch away; for the last one the
// page is already going, so the question is asked on the next page view of the session.
import type { PublicSurvey } from './types.ts';
import { urlAllowed } from './targeting.ts';

type Rules = Partial<NonNullable<NonNullable<PublicSurvey["trigger"]>["exitIntent"]>>;
export type ExitReason = 'exit:top-edge' | 'exit:scroll-up' | 'exit:back' | 'exit:pagehide' | 'exit:route';

export interface ExitWatchOptions {
  touch: boolean;
  onExit(reason: ExitReason): void;
  now?: () => number;
  win?: Window;
}

export function watchExitIntent(rules: Rules | undefined, o: ExitWatchOptions): () => void {
  const win = o.win ?? window;
  const doc = win.document;
  const now = o.now ?? (() => Date.now());
  const start = now();
  const d: Partial<NonNullable<Rules['desktop']>> = rules?.desktop ?? {};
  const m: Partial<NonNullable<Rules['mobile']>> = rules?.mobile ?? {};
  const off: Array<() => void> = [];
  let fired = false;
  const on = <E extends Event>(t: EventTarget, type: string, fn: (e: E) => void) => {
    const h = (e: Event) => {
      if (!fired) fn(e as E);
    };
    t.addEventListener(type, h, { passive: true, capture: true });
    off.push(() => t.removeEventListener(type, h, { capture: true }));
  };
  const fire = (r: ExitReason) => {
    fired = true;
    o.onExit(r);
  };
  const dwelled = (min: number | undefined, dflt: number) => now() - start >= (min ?? dflt);

  if (!o.touch && d.enabled !== false) {
    on<MouseEvent>(doc, 'mouseout', (e) => {
      // relatedTarget null: the pointer left the document, not just moved between elements.
      if (!e.relatedTarget && e.clientY <= (d.topThresholdPx ?? 10) && dwelled(d.minDwellMs, 5000)) fire('exit:top-edge');
    });
  }
  if (o.touch) {
    if (m.scrollUp !== false) {
      let lastY = win.scrollY;
      let lastT = now();
      on(win, 'scroll', () => {
        const y = win.scrollY;
        const t = now();
        const dt = Math.max(t - lastT, 1);
        const v = ((lastY - y) / dt) * 1000; // px/s, positive when going up
        lastY = y;
        lastT = t;
        if (v >= (m.minScrollVelocity ?? 1500) && y <= (m.nearTopPx ?? 600) && dwelled(m.minDwellMs, 5000))
          fire('exit:scroll-up');
      });
    }
    if (m.backNavigation !== false) {
      // We listen for back presses only; pushing a guard history entry would hijack the host's navigation.
      on(win, 'popstate', () => dwelled(m.minDwellMs, 5000) && fire('exit:back'));
    }
    if (m.pageHide !== false) {
      const hidden = () => dwelled(m.minDwellMs, 5000) && fire('exit:pagehide');
      on(win, 'pagehide', hidden);
      on(doc, 'visibilitychange', () => doc.visibilityState === 'hidden' && hidden());
    }
  }
  return () => off.splice(0).forEach((f) => f());
}

/** SPA: leaving a route the survey targets counts as leaving, if the survey allows it. */
export function isRouteExit(s: PublicSurvey, prevUrl: string, nextUrl: string): boolean {
  const r = s.trigger?.exitIntent;
  if (!r || r.spaRouteChange === false || prevUrl === nextUrl) return false;
  return urlAllowed(s.targeting, prevUrl) && !urlAllowed(s.targeting, nextUrl);
}

export function isTouchDevice(win: Window = window): boolean {
  try {
    return win.matchMedia('(pointer: coarse)').matches || (win.navigator.maxTouchPoints > 0 && !win.matchMedia('(pointer: fine)').matches);
  } catch {
    return false;
  }
}
