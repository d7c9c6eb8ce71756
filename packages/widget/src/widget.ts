// The loader: decides whether, which and when a survey shows, and delivers answers.
// It never imports the UI: the Preact chunk is fetched only when something is about
// to be shown, so pages where nobody is asked anything pay for this file alone.
import type {
  AnswerPatch, HarkEvent, HarkEventDetail, HarkListener, InitOptions, PublicSurvey, ResponseInput, SiteConfig, Traits,
  UiHandle, UiModule,
} from './types.ts';
import { targetingBlock, detectDevice, urlAllowed, type TargetingContext } from './targeting.ts';
import { byPriority, emptyFatigue, fatigueBlock, recordOutcome, recordShown, type FatigueState } from './fatigue.ts';
import { isRouteExit, isTouchDevice, watchExitIntent } from './exit-intent.ts';
import { createOutbox } from './outbox.ts';
import { cachedConfig, refreshConfig } from './config.ts';
import { load, remove, save } from './storage.ts';
import { guard, report } from './report.ts';
import { uuidv4 } from './uuid.ts';
import { pickLocale } from './locale.ts';
import { watchRoutes } from './route.ts';
import { findAnchor } from './anchor.ts';

export type UiLoader = (collector: string, nonce?: string) => Promise<UiModule>;

export interface HarkApi {
  init(o: InitOptions): void;
  identify(userId?: string, traits?: Traits): void;
  track(event: string, props?: Record<string, unknown>): void;
  show(surveyId: string): void;
  hide(): void;
  on(event: HarkEvent, fn: HarkListener): () => void;
  destroy(): void;
}

interface Shown {
  s: PublicSurvey;
  h?: UiHandle;
}

export function createHark(loadUi: UiLoader): HarkApi {
  const listeners: Record<string, HarkListener[]> = {};
  let user: { id?: string; traits?: Traits } = {};
  const events = new Set<string>();
  // Filled by init(); every public method is a no-op until then (or after destroy).
  let run: ReturnType<typeof start> | undefined;

  function emit(e: HarkEvent, d: HarkEventDetail) {
    for (const fn of listeners[e] ?? []) guard(fn)(d);
  }

  function start(o: InitOptions) {
    const base = o.collector.replace(/\/+$/, '');
    const site = encodeURIComponent(o.site);
    const k = (s: string) => `hark:${o.site}:${s}`;
    const locale = pickLocale(o.locale);
    const pageStart = Date.now();
    const touch = isTouchDevice();
    let visitor = load<string>(k('v'), '');
    if (!visitor) save(k('v'), (visitor = uuidv4()));
    let config: SiteConfig | undefined;
    let fatigue = load<FatigueState>(k('f'), emptyFatigue());
    let active: Shown | undefined;
    let url = location.href;
    let ready: Array<[PublicSurvey, string]> = [];
    let pickTimer: ReturnType<typeof setTimeout> | undefined;
    const armed = new Map<string, () => void>();
    const docked = new Map<string, UiHandle>(); // feedback tabs and inline feature blocks
    const cleanups: Array<() => void> = [];
    const listen = (t: EventTarget, type: string, fn: () => void) => {
      const h = guard(fn);
      t.addEventListener(type, h);
      cleanups.push(() => t.removeEventListener(type, h));
    };

    const outbox = createOutbox(`${base}/v1/sites/${site}/responses`, k('o'), {
      fetch: (...a) => fetch(...a),
      now: Date.now,
      random: Math.random,
      setTimeout: (f, ms) => setTimeout(guard(f), ms),
      clearTimeout: (t) => clearTimeout(t as number),
      beacon: (u, b) => navigator.sendBeacon?.(u, b) ?? false,
      online: () => navigator.onLine !== false,
    });

    const ctx = (): TargetingContext => ({
      url: location.href,
      events,
      traits: user.traits ?? {},
      device: detectDevice(navigator.userAgent, innerWidth),
      locale,
      visitorId: visitor,
    });

    const setFatigue = (f: FatigueState) => save(k('f'), (fatigue = f));
    const blocked = (s: PublicSurvey, skipUrl = false) =>
      targetingBlock(s, ctx(), skipUrl) ?? fatigueBlock(fatigue, s, config?.visitorBudget?.minDaysBetweenPrompts ?? 3, Date.now());

    function ui() {
      return loadUi(base, o.nonce);
    }

    /** One answer session: a uuid minted at the first answer, updated as more steps are answered. */
    function answering(s: PublicSurvey, trigger: string, anchor: Element | null | undefined) {
      let r: ResponseInput | undefined;
      let finished = false;
      const finish = () => {
        if (!r || finished) return;
        finished = true;
        outbox.release(r.id);
        setFatigue(recordOutcome(fatigue, s.id, true, Date.now()));
        emit('answered', { surveyId: s.id, kind: s.kind, trigger, response: r });
      };
      return {
        onAnswer(p: AnswerPatch, done: boolean) {
          if (finished) return;
          const { element, selector, ...rest } = p;
          r ??= {
            id: uuidv4(),
            surveyId: s.id,
            type: s.kind,
            locale,
            answeredAt: new Date().toISOString(),
            context: {
              url: location.href.slice(0, 2048),
              title: document.title.slice(0, 500) || undefined,
              referrer: document.referrer.slice(0, 2048) || undefined,
              trigger,
              viewport: { w: innerWidth, h: innerHeight },
              feature: s.trigger?.anchor?.feature ?? anchor?.getAttribute('data-hark-feature') ?? undefined,
            },
            ...(user.id || user.traits ? { user: { id: user.id, traits: user.traits } } : {}),
          };
          Object.assign(r, rest);
          if (element) r.context.element = element.slice(0, 500);
          if (selector) r.context.selector = selector.slice(0, 1000);
          outbox.put(r, !done);
          if (done) finish();
        },
        /** Closing after a partial answer still delivers what was given. */
        onClose() {
          if (r) finish();
          else setFatigue(recordOutcome(fatigue, s.id, false, Date.now()));
          if (!r) emit('dismissed', { surveyId: s.id, kind: s.kind, trigger });
          return !!r;
        },
        flushHeld: finish,
      };
    }

    let held: (() => void) | undefined;

    async function open(s: PublicSurvey, trigger: string): Promise<void> {
      if (active || !run) return;
      const anchor = s.trigger?.anchor ? findAnchor(s.trigger.anchor) : undefined;
      if (s.kind === 'feature_feedback' && s.trigger?.anchor && !anchor && !trigger.startsWith('api')) return;
      active = { s };
      const mine = active;
      try {
        const m = await ui();
        if (active !== mine || !run) return;
        setFatigue(recordShown(fatigue, s, Date.now()));
        const a = answering(s, trigger, anchor);
        held = a.flushHeld;
        mine.h = m.mountSurvey({
          survey: s,
          theme: config!.theme,
          locale,
          trigger,
          nonce: o.nonce,
          anchor,
          onAnswer: guard(a.onAnswer),
          onClose: guard(() => {
            a.onClose();
            if (active === mine) active = undefined;
            held = undefined;
            schedulePick();
          }),
          onError: report,
        });
        emit('shown', { surveyId: s.id, kind: s.kind, trigger });
      } catch (err) {
        if (active === mine) active = undefined;
        report(err);
      }
    }

    function schedulePick() {
      if (pickTimer !== undefined) return;
      // A tick of grace so triggers firing together compete on priority, not on timing.
      pickTimer = setTimeout(
        guard(() => {
          pickTimer = undefined;
          if (active) return;
          const cands = ready.filter(([s, t]) => !blocked(s, t.startsWith('exit')));
          ready = [];
          const best = byPriority(cands.map(([s]) => s));
          const hit = cands.find(([s]) => s === best);
          if (hit) void open(hit[0], hit[1]);
        }),
        0,
      );
    }

    function candidate(s: PublicSurvey, trigger: string) {
      if (active) return; // never two at once; a trigger that fires meanwhile is spent
      ready.push([s, trigger]);
      schedulePick();
    }

    /** Arms the triggers of one eligible survey; all of delay, scroll depth and (if any) exit intent must hold. */
    function arm(s: PublicSurvey) {
      const t = s.trigger ?? {};
      const isExit = s.kind === 'exit_intent' || !!t.exitIntent;
      let exitReason = isExit ? '' : 'x';
      const offs: Array<() => void> = [];
      const check = guard(() => {
        const delayLeft = (t.delayMs ?? 0) - (Date.now() - pageStart);
        if (delayLeft > 0 || !exitReason) return;
        if (scrolledPercent() < (t.scrollDepthPercent ?? 0)) return;
        if (s.kind === 'feature_feedback' && t.anchor && !findAnchor(t.anchor)) return;
        disarm(s.id);
        candidate(s, isExit ? exitReason : t.delayMs ? 'delay' : t.scrollDepthPercent ? 'scroll' : 'load');
      });
      if (isExit) {
        offs.push(
          watchExitIntent(t.exitIntent, {
            touch,
            onExit: guard((r) => {
              if (r === 'exit:pagehide') {
                // The page is leaving: ask on the next page view of this session.
                save(k('x'), s.id, true);
                return;
              }
              exitReason = r;
              check();
            }),
          }),
        );
      }
      const scroll = () => check();
      if (t.scrollDepthPercent) {
        addEventListener('scroll', scroll, { passive: true });
        offs.push(() => removeEventListener('scroll', scroll));
      }
      // One slow poll covers the delay and anchors that appear later (lazy-rendered apps).
      const iv = setInterval(check, 500);
      offs.push(() => clearInterval(iv));
      armed.set(s.id, () => offs.forEach((f) => f()));
      check();
    }

    function disarm(id: string) {
      armed.get(id)?.();
      armed.delete(id);
    }

    function evaluate() {
      if (!config || !run) return;
      for (const s of config.surveys) {
        const anc = s.trigger?.anchor;
        if (s.kind === 'feedback_button' || (s.kind === 'feature_feedback' && anc?.placement === 'inline')) {
          dock(s);
          continue;
        }
        if (armed.has(s.id) || active?.s === s || blocked(s)) continue;
        arm(s);
      }
    }

    /** Visitor-initiated surfaces (the feedback tab, inline feature blocks) are part of the page, not prompts. */
    function dock(s: PublicSurvey) {
      const want = !targetingBlock(s, ctx()) && (s.kind === 'feedback_button' || !fatigueBlock(fatigue, s, 0, Date.now()));
      const anchor = s.trigger?.anchor ? findAnchor(s.trigger.anchor) : undefined;
      const has = docked.get(s.id);
      if (!want || (s.kind !== 'feedback_button' && !anchor)) {
        has?.close();
        docked.delete(s.id);
        return;
      }
      if (has) return;
      const placeholder: UiHandle = { close() {} };
      docked.set(s.id, placeholder);
      ui()
        .then((m) => {
          if (docked.get(s.id) !== placeholder || !run) return;
          let a = answering(s, s.kind === 'feedback_button' ? 'button' : 'inline', anchor);
          const opts = {
            survey: s,
            theme: config!.theme,
            locale,
            trigger: s.kind === 'feedback_button' ? 'button' : 'inline',
            nonce: o.nonce,
            anchor,
            onAnswer: guard((p: AnswerPatch, d: boolean) => a.onAnswer(p, d)),
            onClose: guard(() => {
              a.onClose();
              a = answering(s, 'button', anchor); // the tab stays: next opening is a new answer
            }),
            onError: report,
          };
          docked.set(
            s.id,
            s.kind === 'feedback_button'
              ? m.mountTab({
                  ...opts,
                  onOpen: guard(() => {
                    // The visitor chose to talk to us: step any automatic prompt aside.
                    active?.h?.close();
                    emit('shown', { surveyId: s.id, kind: s.kind, trigger: 'button' });
                  }),
                })
              : m.mountSurvey(opts),
          );
        })
        .catch(report);
    }

    function scrolledPercent() {
      const h = document.documentElement.scrollHeight;
      return h <= innerHeight ? 100 : ((scrollY + innerHeight) / h) * 100;
    }

    function onRoute() {
      const prev = url;
      url = location.href;
      if (prev === url || !config) return;
      for (const s of config.surveys) {
        if (armed.has(s.id) && isRouteExit(s, prev, url)) {
          disarm(s.id);
          candidate(s, 'exit:route');
        }
      }
      // Surveys armed for the old route no longer apply; delays restart with the new view.
      for (const id of [...armed.keys()]) {
        const s = config.surveys.find((x) => x.id === id);
        if (s && !urlAllowed(s.targeting, url)) disarm(id);
      }
      evaluate();
    }

    function apply(c: SiteConfig | undefined) {
      if (!c || !run) return;
      config = c;
      for (const id of [...armed.keys()]) disarm(id);
      evaluate();
      const pendingExit = load<string>(k('x'), '', true);
      const s = pendingExit && c.surveys.find((x) => x.id === pendingExit);
      if (s) {
        remove(k('x'), true);
        disarm(s.id);
        if (!blocked(s, true)) candidate(s, 'exit:pagehide');
      }
    }

    cleanups.push(watchRoutes(guard(onRoute)));
    listen(window, 'online', () => outbox.wake());
    listen(window, 'pagehide', () => {
      held?.();
      outbox.beacon();
    });

    return {
      o,
      boot() {
        apply(cachedConfig(k('c')));
        refreshConfig(`${base}/v1/sites/${site}/config`, k('c'), (...a) => fetch(...a))
          .then(apply)
          .catch(report);
        void outbox.flush();
      },
      evaluate,
      show(id: string) {
        const s = config?.surveys.find((x) => x.id === id);
        if (!s) return report(new Error(`unknown survey "${id}"`));
        if (active) active.h?.close();
        active = undefined;
        disarm(id);
        void open(s, 'api');
      },
      hide() {
        active?.h?.close();
      },
      stop() {
        for (const id of [...armed.keys()]) disarm(id);
        active?.h?.close();
        docked.forEach((h) => h.close());
        clearTimeout(pickTimer);
        cleanups.forEach((f) => f());
        outbox.stop();
      },
      config: () => config,
    };
  }

  const api: HarkApi = {
    init: guard((o: InitOptions) => {
      if (run) return report(new Error('init() called twice; call destroy() first'));
      if (!o?.site || !o.collector) throw new Error('init() needs { site, collector }');
      if (o.user) user = { ...o.user };
      run = start(o);
      run.boot();
    }),
    identify: guard((id?: string, traits?: Traits) => {
      user = { id: id ?? user.id, traits: { ...user.traits, ...traits } };
      run?.evaluate();
    }),
    track: guard((event: string) => {
      events.add(String(event));
      run?.evaluate();
    }),
    show: guard((id: string) => {
      if (!run) return;
      if (run.config()) run.show(id);
      else {
        // Config still loading: show as soon as it is there.
        const r = run;
        const iv = setInterval(() => {
          if (run !== r) return clearInterval(iv);
          if (r.config()) {
            clearInterval(iv);
            r.show(id);
          }
        }, 50);
        setTimeout(() => clearInterval(iv), 10_000);
      }
    }),
    hide: guard(() => run?.hide()),
    on: (e: HarkEvent, fn: HarkListener) => {
      (listeners[e] ??= []).push(fn);
      return () => {
        listeners[e] = (listeners[e] ?? []).filter((f) => f !== fn);
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
