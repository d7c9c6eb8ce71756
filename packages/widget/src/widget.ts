// The loader: decides whether, which and when a survey shows. It never imports the UI:
// the Preact chunk (which also carries the delivery outbox) is fetched only when something
// is about to be shown or unsent answers wait in localStorage, so pages where nobody is
// asked anything pay for this file alone (budget: 3 kB gzipped, so the code favours few,
// short paths, and every entry point is guarded once, at the API boundary).
import type { HarkEvent, HarkEventDetail, HarkListener, InitOptions, OutboxHandle, PublicSurvey, SiteConfig, Traits, UiHandle, UiModule } from './types.ts';
import { detectDevice, targetingBlock, urlAllowed } from './targeting.ts';
import { byPriority, fatigueBlock, recordOutcome, recordShown, type FatigueState } from './fatigue.ts';
import { isRouteExit, isTouchDevice, watchExitIntent, type ExitReason } from './exit-intent.ts';
import { load, save } from './storage.ts';
import { guard, report } from './report.ts';
import { watchRoutes } from './route.ts';

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

type Anchor = { feature?: string; selector?: string };

/**
 * Feature feedback attaches to `[data-hark-feature="Name"]` (stable across redesigns, owned by
 * the product team) or to a CSS selector when the markup cannot be changed.
 */
export function findAnchor(a: Anchor): Element | null {
  const q = (sel: string) => {
    try {
      return document.querySelector(sel);
    } catch {
      return null; // invalid selector from the config
    }
  };
  return (a.feature && q(`[data-hark-feature="${a.feature.replace(/["\\]/g, '\\$&')}"]`)) || (a.selector ? q(a.selector) : null);
}

/** Order from the issue: explicit init option, then the page's declared language, then the browser. */
const pickLocale = (explicit?: string) =>
  [explicit, document.documentElement.lang, navigator.language].find((c) => c && /^[a-z]{2,3}(-[a-z\d]{1,8})*$/i.test(c)) ?? 'en';

export function createHark(loadUi: UiLoader): HarkApi {
  const listeners: Partial<Record<HarkEvent, HarkListener[]>> = {};
  const events = new Set<string>();
  let user: { id?: string; traits?: Traits } = {};
  let run: ReturnType<typeof start> | undefined;

  const emit = (e: HarkEvent, s: PublicSurvey, trigger: string, response?: HarkEventDetail['response']) =>
    listeners[e]?.forEach((fn) => guard(fn)({ surveyId: s.id, kind: s.kind, trigger, response }));

  function start(o: InitOptions) {
    const base = `${o.collector.replace(/\/+$/, '')}/v1/sites/${encodeURIComponent(o.site)}/`;
    const k = (s: string) => `hark:${o.site}:${s}`;
    const locale = pickLocale(o.locale);
    const t0 = Date.now();
    const touch = isTouchDevice();
    const visitor = load(k('v'), '') || Math.random().toString(36).slice(2) + t0.toString(36);
    save(k('v'), visitor);
    const cached = load<{ e?: string; c?: SiteConfig }>(k('c'), {});
    let config: SiteConfig | undefined;
    let fatigue = load<FatigueState>(k('f'), { bySurvey: {} });
    let active: { s: PublicSurvey; h?: UiHandle } | undefined;
    let url = location.href;
    let ready: Array<[PublicSurvey, string]> = [];
    let wanted: string | undefined; // show() before the config arrived
    let picking: unknown;
    let box: OutboxHandle | undefined;
    /** Armed prompts: survey, why it would fire now ('' while waiting for exit intent), stop its exit watcher. */
    const armed = new Map<string, [PublicSurvey, string, () => void]>();
    const docked = new Map<string, UiHandle | 0>(); // feedback tabs and inline feature blocks

    const ui = () => loadUi(o.nonce).then((m) => ((box ??= m.outbox(base + 'responses', k('o'))), m));
    const setFatigue = (f: FatigueState) => save(k('f'), (fatigue = f));
    const targeted = (s: PublicSurvey, skipUrl?: boolean) =>
      targetingBlock(
        s,
        { url: location.href, events, traits: user.traits ?? {}, device: detectDevice(navigator.userAgent, innerWidth), locale, visitorId: visitor },
        skipUrl,
      );
    const block = (s: PublicSurvey, skipUrl?: boolean) =>
      targeted(s, skipUrl) ?? fatigueBlock(fatigue, s, config!.visitorBudget?.minDaysBetweenPrompts ?? 3, Date.now());
    const anchorOf = (s: PublicSurvey) => s.trigger?.anchor && findAnchor(s.trigger.anchor);

    /** Mount options shared by prompts, tabs and inline blocks. */
    const mountOpts = (s: PublicSurvey, trigger: string, closed: () => unknown) => ({
      survey: s,
      theme: config!.theme,
      locale,
      trigger,
      nonce: o.nonce,
      anchor: anchorOf(s),
      user: user.id || user.traits ? user : undefined,
      put: guard((r: Parameters<OutboxHandle['put']>[0], hold: boolean) => box!.put(r, hold)),
      done: guard((r?: Parameters<OutboxHandle['put']>[0]) => {
        setFatigue(recordOutcome(fatigue, s.id, !!r, Date.now()));
        emit(r ? 'answered' : 'dismissed', s, trigger, r);
        closed();
      }),
    });

    function open(s: PublicSurvey, trigger: string) {
      const mine: { s: PublicSurvey; h?: UiHandle } = { s };
      if (active || !run) return;
      active = mine;
      ui()
        .then((m) => {
          if (active !== mine || !run) return;
          setFatigue(recordShown(fatigue, s, Date.now()));
          mine.h = m.mountSurvey(
            mountOpts(s, trigger, () => {
              if (active === mine) active = undefined;
              pick();
            }),
          );
          emit('shown', s, trigger);
        })
        .catch((err) => {
          if (active === mine) active = undefined;
          report(err);
        });
    }

    // Triggers that fire within the same tick compete on priority, not on timing.
    function pick() {
      picking ??= setTimeout(
        guard(() => {
          picking = undefined;
          const best = byPriority(ready.filter(([s, t]) => !block(s, t.startsWith('exit'))).map(([s]) => s));
          const hit = ready.find(([s]) => s === best);
          ready = [];
          if (hit) open(...hit);
        }),
      );
    }

    function fire(s: PublicSurvey, trigger: string) {
      disarm(s.id);
      if (active) return; // never two at once: a trigger firing meanwhile is spent
      ready.push([s, trigger]);
      pick();
    }

    /** Every armed survey fires once delay, scroll depth, anchor presence and (for exit surveys) exit intent all hold. */
    const check = guard(() => {
      const h = document.documentElement.scrollHeight;
      const depth = h <= innerHeight ? 100 : ((scrollY + innerHeight) / h) * 100;
      armed.forEach(([s, why]) => {
        const t = s.trigger ?? {};
        if (why && Date.now() - t0 >= (t.delayMs ?? 0) && depth >= (t.scrollDepthPercent ?? 0) && (!t.anchor || anchorOf(s))) fire(s, why);
      });
    });

    function arm(s: PublicSurvey) {
      const t = s.trigger ?? {};
      const exit = s.kind === 'exit_intent' || !!t.exitIntent;
      const entry: [PublicSurvey, string, () => void] = [s, exit ? '' : t.delayMs ? 'delay' : t.scrollDepthPercent ? 'scroll' : 'load', () => {}];
      armed.set(s.id, entry);
      if (exit)
        entry[2] = watchExitIntent(t.exitIntent, {
          touch,
          onExit: guard((r: ExitReason) => {
            // The page is leaving: ask on the next page view of this session.
            if (r === 'exit:pagehide') save(k('x'), s.id, true);
            else (entry[1] = r), check();
          }),
        });
      check();
    }

    function disarm(id: string) {
      armed.get(id)?.[2]();
      armed.delete(id);
    }
    const disarmAll = () => armed.forEach((_, id) => disarm(id));

    /** The feedback tab and inline feature blocks are part of the page, not prompts: no slot, no budget. */
    function dock(s: PublicSurvey) {
      const tab = s.kind === 'feedback_button';
      const has = docked.get(s.id);
      if (targeted(s) || !(tab || (anchorOf(s) && !fatigueBlock(fatigue, s, 0, Date.now())))) {
        if (has) has.close();
        docked.delete(s.id);
      } else if (has === undefined) {
        docked.set(s.id, 0);
        ui()
          .then((m) => {
            if (docked.get(s.id) !== 0 || !run) return;
            const opts = mountOpts(s, tab ? 'button' : 'inline', () => tab || docked.delete(s.id));
            docked.set(
              s.id,
              tab
                ? m.mountTab({
                    ...opts,
                    // The visitor chose to talk to us: any automatic prompt steps aside.
                    opened: () => (active?.h?.close(), emit('shown', s, 'button')),
                  })
                : m.mountSurvey(opts),
            );
          })
          .catch(report);
      }
    }

    function evaluate() {
      if (config && run)
        for (const s of config.surveys)
          if (s.kind === 'feedback_button' || s.trigger?.anchor?.placement === 'inline') dock(s);
          else if (!armed.has(s.id) && active?.s.id !== s.id && !block(s)) arm(s);
    }

    function apply(c: SiteConfig | undefined) {
      if (!c || !run) return;
      config = c;
      disarmAll();
      evaluate();
      const x = load(k('x'), '', true);
      const s = x && c.surveys.find((v) => v.id === x);
      save(k('x'), '', true);
      if (s && !block(s, true)) fire(s, 'exit:pagehide');
      if (wanted) api.show(wanted);
    }

    const iv = setInterval(check, 500); // the delay, and anchors rendered later by the app
    addEventListener('scroll', check, { passive: true });
    const unroute = watchRoutes(
      guard(() => {
        const prev = url;
        url = location.href;
        if (prev === url || !config) return;
        for (const s of config.surveys)
          if (armed.has(s.id) && isRouteExit(s, prev, url)) fire(s, 'exit:route');
          // Armed for the old route only: delays restart with the new view if it matches again.
          else if (!urlAllowed(s.targeting, url)) disarm(s.id);
        evaluate();
      }),
    );
    // Answers a past page view could not deliver: the outbox (in the UI chunk) sends them now.
    if (load<unknown[]>(k('o'), []).length) ui().catch(report);
    run = {} as never; // apply() checks `run` while we boot
    apply(cached.c);
    // The cached config decides at once; its ETag makes an unchanged config a bodiless 304.
    fetch(base + 'config', { headers: cached.e ? { 'If-None-Match': cached.e } : {}, credentials: 'omit' })
      .then(async (res) => {
        if (res.status === 304) return;
        if (!res.ok) throw Error(`config HTTP ${res.status}`);
        const c = (await res.json()) as SiteConfig;
        save(k('c'), { e: res.headers.get('ETag') ?? undefined, c });
        apply(c);
      })
      .catch(report);

    return {
      evaluate,
      show(id: string) {
        wanted = config ? undefined : id;
        if (!config) return;
        const s = config.surveys.find((v) => v.id === id);
        if (!s) return report(`unknown survey "${id}"`);
        active?.h?.close();
        active = undefined;
        disarm(id);
        open(s, 'api');
      },
      hide: () => active?.h?.close(),
      stop() {
        disarmAll();
        active?.h?.close();
        docked.forEach((h) => h && h.close());
        clearInterval(iv);
        removeEventListener('scroll', check);
        unroute();
        box?.stop();
      },
    };
  }

  const api: HarkApi = {
    init: guard((o: InitOptions) => {
      if (run) return report('init() called twice; call destroy() first');
      if (!o?.site || !o.collector) throw Error('init() needs { site, collector }');
      if (o.user) user = { ...o.user };
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
