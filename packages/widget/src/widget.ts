// The loader: decides whether, which and when a survey shows, and delivers answers.
// It never imports the UI: the Preact chunk is fetched only when something is about
// to be shown, so pages where nobody is asked anything pay for this file alone
// (budget: 3 kB gzipped, so the code favours few, short paths).
import type { HarkEvent, HarkEventDetail, HarkListener, InitOptions, PublicSurvey, SiteConfig, Traits, UiHandle, UiModule } from './types.ts';
import { detectDevice, targetingBlock, urlAllowed } from './targeting.ts';
import { byPriority, fatigueBlock, recordOutcome, recordShown, type FatigueState } from './fatigue.ts';
import { isRouteExit, isTouchDevice, watchExitIntent, type ExitReason } from './exit-intent.ts';
import { createOutbox } from './outbox.ts';
import { cachedConfig, refreshConfig } from './config.ts';
import { load, save } from './storage.ts';
import { guard, report } from './report.ts';
import { pickLocale } from './locale.ts';
import { watchRoutes } from './route.ts';
import { findAnchor } from './anchor.ts';

export type UiLoader = (nonce?: string) => Promise<UiModule>;

export interface HarkApi {
  init(o: InitOptions): void;
  identify(userId?: string, traits?: Traits): void;
  track(event: string, props?: Record<string, unknown>): void;
  show(surveyId: string): void;
  hide(): void;
  on(event: HarkEvent, fn: HarkListener): () => void;
  destroy(): void;
}

export function createHark(loadUi: UiLoader): HarkApi {
  const listeners: Partial<Record<HarkEvent, HarkListener[]>> = {};
  const events = new Set<string>();
  let user: { id?: string; traits?: Traits } = {};
  let run: ReturnType<typeof start> | undefined;

  const emit = (e: HarkEvent, d: HarkEventDetail) => listeners[e]?.forEach((fn) => guard(fn)(d));

  function start(o: InitOptions) {
    const base = `${o.collector.replace(/\/+$/, '')}/v1/sites/${encodeURIComponent(o.site)}/`;
    const k = (s: string) => `hark:${o.site}:${s}`;
    const locale = pickLocale(o.locale);
    const t0 = Date.now();
    const touch = isTouchDevice();
    let visitor = load(k('v'), '');
    if (!visitor) save(k('v'), (visitor = Math.random().toString(36).slice(2) + t0.toString(36)));
    let config: SiteConfig | undefined;
    let fatigue = load<FatigueState>(k('f'), { bySurvey: {} });
    let active: { s: PublicSurvey; h?: UiHandle } | undefined;
    let url = location.href;
    let ready: Array<[PublicSurvey, string]> = [];
    let wanted: string | undefined; // show() before the config arrived
    const armed = new Map<string, () => void>();
    const docked = new Map<string, UiHandle | 0>(); // feedback tabs and inline feature blocks
    const offs: Array<() => void> = [];
    const on = (t: EventTarget, type: string, fn: () => void) => {
      const h = guard(fn);
      t.addEventListener(type, h);
      offs.push(() => t.removeEventListener(type, h));
    };
    const outbox = createOutbox(base + 'responses', k('o'), {
      fetch: (u, i) => fetch(u, i),
      now: Date.now,
      random: Math.random,
      setTimeout: (f, ms) => setTimeout(guard(f), ms),
      clearTimeout: (t) => clearTimeout(t as number),
      beacon: (u, b) => !!navigator.sendBeacon?.(u, b),
      online: () => navigator.onLine !== false,
    });

    const setFatigue = (f: FatigueState) => save(k('f'), (fatigue = f));
    const targeted = (s: PublicSurvey, skipUrl?: boolean) =>
      targetingBlock(
        s,
        { url: location.href, events, traits: user.traits ?? {}, device: detectDevice(navigator.userAgent, innerWidth), locale, visitorId: visitor },
        skipUrl,
      );
    const block = (s: PublicSurvey, skipUrl?: boolean) =>
      targeted(s, skipUrl) ?? fatigueBlock(fatigue, s, config?.visitorBudget?.minDaysBetweenPrompts ?? 3, Date.now());

    /** Mount options shared by prompts, tabs and inline blocks. */
    const mountOpts = (s: PublicSurvey, trigger: string, anchor: Element | null | undefined, closed: () => void) => ({
      survey: s,
      theme: config!.theme,
      locale,
      trigger,
      nonce: o.nonce,
      anchor,
      user: user.id || user.traits ? user : undefined,
      put: guard(outbox.put),
      done: guard((r?: Parameters<typeof outbox.put>[0]) => {
        setFatigue(recordOutcome(fatigue, s.id, !!r, Date.now()));
        emit(r ? 'answered' : 'dismissed', { surveyId: s.id, kind: s.kind, trigger, response: r });
        closed();
      }),
    });

    async function open(s: PublicSurvey, trigger: string) {
      const anchor = s.trigger?.anchor && findAnchor(s.trigger.anchor);
      if (active || !run) return;
      const mine: { s: PublicSurvey; h?: UiHandle } = { s };
      active = mine;
      try {
        const m = await loadUi(o.nonce);
        if (active !== mine || !run) return;
        setFatigue(recordShown(fatigue, s, Date.now()));
        mine.h = m.mountSurvey(
          mountOpts(s, trigger, anchor, () => {
            if (active === mine) active = undefined;
            pick();
          }),
        );
        emit('shown', { surveyId: s.id, kind: s.kind, trigger });
      } catch (err) {
        if (active === mine) active = undefined;
        report(err);
      }
    }

    // Triggers that fire within the same tick compete on priority, not on timing.
    let picking = 0;
    function pick() {
      if (picking++) return;
      setTimeout(
        guard(() => {
          picking = 0;
          const c = ready.filter(([s, t]) => !block(s, t.startsWith('exit')));
          ready = [];
          const best = byPriority(c.map(([s]) => s));
          const hit = c.find(([s]) => s === best);
          if (hit && !active) void open(...hit);
        }),
      );
    }

    function fire(s: PublicSurvey, trigger: string) {
      disarm(s.id);
      if (active) return; // never two at once: a trigger firing meanwhile is spent
      ready.push([s, trigger]);
      pick();
    }

    /** All of delay, scroll depth, anchor presence and (for exit surveys) exit intent must hold. */
    function arm(s: PublicSurvey) {
      const t = s.trigger ?? {};
      const exit = s.kind === 'exit_intent' || !!t.exitIntent;
      let why = exit ? '' : t.delayMs ? 'delay' : t.scrollDepthPercent ? 'scroll' : 'load';
      const check = guard(() => {
        const h = document.documentElement.scrollHeight;
        const depth = h <= innerHeight ? 100 : ((scrollY + innerHeight) / h) * 100;
        if (why && Date.now() - t0 >= (t.delayMs ?? 0) && depth >= (t.scrollDepthPercent ?? 0) && (!t.anchor || findAnchor(t.anchor)))
          fire(s, why);
      });
      // A slow poll covers the delay and anchors rendered later by the app; scroll is checked as it happens.
      const iv = setInterval(check, 500);
      addEventListener('scroll', check, { passive: true });
      const stopExit = exit
        ? watchExitIntent(t.exitIntent, {
            touch,
            onExit: guard((r: ExitReason) => {
              // The page is leaving: ask on the next page view of this session.
              if (r === 'exit:pagehide') save(k('x'), s.id, true);
              else (why = r), check();
            }),
          })
        : () => {};
      armed.set(s.id, () => {
        clearInterval(iv);
        removeEventListener('scroll', check);
        stopExit();
      });
      check();
    }

    function disarm(id: string) {
      armed.get(id)?.();
      armed.delete(id);
    }

    /** The feedback tab and inline feature blocks are part of the page, not prompts: no slot, no budget. */
    function dock(s: PublicSurvey) {
      const anchor = s.trigger?.anchor && findAnchor(s.trigger.anchor);
      const tab = s.kind === 'feedback_button';
      const want = !targeted(s) && (tab || (anchor && !fatigueBlock(fatigue, s, 0, Date.now())));
      const has = docked.get(s.id);
      if (!want) {
        if (has) has.close();
        docked.delete(s.id);
      } else if (has === undefined) {
        docked.set(s.id, 0);
        loadUi(o.nonce)
          .then((m) => {
            if (docked.get(s.id) !== 0 || !run) return;
            const opts = mountOpts(s, tab ? 'button' : 'inline', anchor, () => tab || docked.delete(s.id));
            docked.set(
              s.id,
              tab
                ? m.mountTab({
                    ...opts,
                    // The visitor chose to talk to us: any automatic prompt steps aside.
                    opened: () => (active?.h?.close(), emit('shown', { surveyId: s.id, kind: s.kind, trigger: 'button' })),
                  })
                : m.mountSurvey(opts),
            );
          })
          .catch(report);
      }
    }

    function evaluate() {
      if (!config || !run) return;
      for (const s of config.surveys) {
        if (s.kind === 'feedback_button' || s.trigger?.anchor?.placement === 'inline') dock(s);
        else if (!armed.has(s.id) && active?.s.id !== s.id && !block(s)) arm(s);
      }
    }

    function apply(c: SiteConfig | undefined) {
      if (!c || !run) return;
      config = c;
      for (const id of [...armed.keys()]) disarm(id);
      evaluate();
      const x = load(k('x'), '', true);
      const s = x && c.surveys.find((v) => v.id === x);
      save(k('x'), '', true);
      if (s && !block(s, true)) fire(s, 'exit:pagehide');
      if (wanted) api.show(wanted);
    }

    offs.push(
      watchRoutes(
        guard(() => {
          const prev = url;
          url = location.href;
          if (prev === url || !config) return;
          for (const s of config.surveys) {
            if (armed.has(s.id) && isRouteExit(s, prev, url)) fire(s, 'exit:route');
            // Armed for the old route only: delays restart with the new view if it matches again.
            else if (!urlAllowed(s.targeting, url)) disarm(s.id);
          }
          evaluate();
        }),
      ),
    );
    on(window, 'online', outbox.wake);
    on(window, 'pagehide', outbox.beacon);
    apply(cachedConfig(k('c')));
    refreshConfig(base + 'config', k('c'), (u, i) => fetch(u, i))
      .then(apply, report);
    void outbox.flush();

    return {
      evaluate,
      show(id: string) {
        const s = config?.surveys.find((v) => v.id === id);
        wanted = config ? undefined : id;
        if (!config) return;
        if (!s) return report(new Error(`unknown survey "${id}"`));
        active?.h?.close();
        active = undefined;
        disarm(id);
        void open(s, 'api');
      },
      hide: () => active?.h?.close(),
      stop() {
        for (const id of [...armed.keys()]) disarm(id);
        active?.h?.close();
        docked.forEach((h) => h && h.close());
        offs.forEach((f) => f());
        outbox.stop();
      },
    };
  }

  const api: HarkApi = {
    init: guard((o: InitOptions) => {
      if (run) return report(new Error('init() called twice; call destroy() first'));
      if (!o?.site || !o.collector) throw new Error('init() needs { site, collector }');
      if (o.user) user = { ...o.user };
      run = {} as never; // start() checks `run` while it boots
      run = start(o);
    }),
    identify: guard((id?: string, traits?: Traits) => {
      user = { id: id ?? user.id, traits: { ...user.traits, ...traits } };
      run?.evaluate();
    }),
    track: guard((event: string) => {
      events.add(String(event));
      run?.evaluate();
    }),
    show: guard((id: string) => run?.show(id)),
    hide: guard(() => run?.hide()),
    on: (e, fn) => {
      (listeners[e] ??= []).push(fn);
      return () => {
        listeners[e] = listeners[e]!.filter((f) => f !== fn);
      };
    },
    destroy: guard(() => {
      run?.stop();
      run = undefined;
      events.clear();
    }),
  };
  return api;
}
