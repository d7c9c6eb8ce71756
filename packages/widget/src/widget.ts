// The loader: decides whether, which and when a survey shows. It never imports the UI:
// the UI chunk (which also carries the delivery outbox and the exit-intent watchers) is
// fetched only when something is about to be shown, an exit-intent survey is armed, or
// unsent answers wait in localStorage, so pages where nobody is asked anything pay for
// this file alone (budget: 3 kB gzipped, so the code favours few,
// short paths, and every entry point is guarded once, at the API boundary).
import type { HarkEvent, HarkListener, InitOptions, MountArgs, OutboxHandle, PublicSurvey, SiteConfig, Traits, UiHandle, UiModule } from './types.ts';
import { detectDevice, targetingBlock, urlAllowed } from './targeting.ts';
import { fatigueBlock, type FatigueState } from './fatigue.ts';
import { isRouteExit, type ExitReason } from './exit-intent.ts';
import { load, save } from './storage.ts';
import { guard, report } from './report.ts';
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

/** Order from the issue: explicit init option, then the page's declared language, then the browser. */
const pickLocale = (explicit?: string) =>
  [explicit, document.documentElement.lang, navigator.language].find((c) => c && /^[a-z]{2,3}(-[a-z\d]+)*$/i.test(c)) ?? 'en';

export function createHark(loadUi: UiLoader): HarkApi {
  /** on() subscriptions; the UI chunk calls them (nothing is shown, answered or dismissed before it loads). */
  const ls = new Set<[HarkEvent, HarkListener]>();
  const events = new Set<string>();
  /** Armed prompts: why it would fire now ('' while waiting for exit intent), stop its exit watcher. */
  const armed = new Map<string, [string, () => void]>();
  const docked = new Set<string>(); // feedback tabs and inline feature blocks that should be on the page
  let user: { id?: string; traits?: Traits } = {};
  let o: InitOptions | undefined; // set between init() and destroy()
  let k: (s: string) => string;
  let base: string;
  let locale: string;
  let visitor: string;
  let t0: number;
  let config: SiteConfig | undefined;
  let active: { s: PublicSurvey; h?: UiHandle } | undefined;
  let url: string;
  let wanted: string | undefined; // show() before the config arrived
  let box: OutboxHandle | undefined;
  let iv: ReturnType<typeof setInterval>;
  const evs = ['scroll', 'popstate'];

  const ui = () => loadUi(o!.nonce).then((m) => ((box ??= m.outbox(base + 'responses', k('o'))), m));
  // Written by the UI chunk (shown, answered, dismissed), read here for every decision.
  const fatigue = () => load<Partial<FatigueState>>(k('f'), {});
  const targeted = (s: PublicSurvey, skipUrl?: boolean) =>
    targetingBlock(
      s,
      { url: location.href, events, traits: user.traits ?? {}, device: detectDevice(navigator.userAgent, innerWidth), locale, visitorId: visitor },
      skipUrl,
    );
  const block = (s: PublicSurvey, skipUrl?: boolean, budgetDays = config!.visitorBudget?.minDaysBetweenPrompts ?? 3) =>
    targeted(s, skipUrl) ?? fatigueBlock(fatigue(), s, budgetDays, Date.now());
  const anchorOf = (s: PublicSurvey) => findAnchor(s.trigger?.anchor);
  const hide = () => active?.h?.close();
  const byId = (id: string) => config!.surveys.find((v) => v.id === id);

  /** What the UI chunk mounts: a prompt, a tab or an inline block (it tells them apart and emits the events). */
  const args = (s: PublicSurvey, trigger: string, done: () => unknown, prompt?: 1): MountArgs =>
    [s, config!.theme, locale, trigger, o!.nonce, k('f'), user, box!.put, done, hide, ls, prompt];

  function open(s: PublicSurvey, trigger: string) {
    const mine: { s: PublicSurvey; h?: UiHandle } = { s };
    const run = o;
    if (active || !run) return;
    active = mine;
    const free = () => active === mine && (active = undefined);
    ui()
      .then((m) => {
        if (active === mine && o === run) mine.h = m.mount(args(s, trigger, free, 1));
      })
      .catch((err) => (free(), report(err)));
  }

  /** A trigger fired: it is spent even when the survey cannot show now (never two at once). */
  function fire(s: PublicSurvey, trigger: string) {
    disarm(s.id);
    if (!block(s, trigger.startsWith('exit'))) open(s, trigger);
  }

  /**
   * Every armed survey fires once delay, scroll depth, anchor presence and (for exit surveys) exit intent all
   * hold. Surveys are sorted by priority (apply()), so when several hold at once the first wins and the
   * others are spent. SPA route changes (history API, popstate, hash) are noticed here too, without patching
   * the host's history: leaving a targeted route is an exit; other surveys armed for the old route re-arm
   * with the new view if it matches again.
   */
  const check = guard(() => {
    const prev = url;
    const h = document.documentElement.scrollHeight;
    const depth = h <= innerHeight ? 100 : ((scrollY + innerHeight) / h) * 100;
    let won = 0;
    url = location.href;
    config?.surveys.forEach((s) => {
      const a = armed.get(s.id);
      const t = s.trigger ?? {};
      if (a && prev !== url) isRouteExit(s, prev, url) ? fire(s, 'exit:route') : urlAllowed(s.targeting, url) || disarm(s.id);
      else if (a?.[0] && Date.now() - t0 >= (t.delayMs ?? 0) && depth >= (t.scrollDepthPercent ?? 0) && (!t.anchor || anchorOf(s)))
        won++ ? disarm(s.id) : fire(s, a[0]);
    });
    if (prev !== url) evaluate();
  });

  function arm(s: PublicSurvey) {
    const t = s.trigger ?? {};
    const exit = s.kind === 'exit_intent' || !!t.exitIntent;
    const entry: [string, () => void] = [exit ? '' : t.delayMs ? 'delay' : t.scrollDepthPercent ? 'scroll' : 'load', () => {}];
    armed.set(s.id, entry);
    // Exit intent leaves no time for a network round trip: the UI chunk, which watches for it, loads now.
    if (exit)
      ui()
        .then((m) => {
          if (armed.get(s.id) === entry)
            // On pagehide the UI chunk notes the survey (key 'x') to ask on the next page view of this session.
            entry[1] = m.exit(
              t.exitIntent,
              guard((r: ExitReason) => ((entry[0] = r), check())),
              k('x'),
              s.id,
            );
        })
        .catch(report);
    check();
  }

  function disarm(id: string) {
    armed.get(id)?.[1]();
    armed.delete(id);
  }
  
  /** The feedback tab and inline feature blocks are part of the page, not prompts: no slot, no budget. */
  function dock(s: PublicSurvey) {
    const tab = s.kind === 'feedback_button';
    const on = !(tab ? targeted(s) : !anchorOf(s) || block(s, false, 0));
    if (on !== docked.has(s.id)) {
      on ? docked.add(s.id) : docked.delete(s.id);
      // Calls reach the UI chunk in order, each with the latest decision: it mounts the surface once, or closes it.
      // The tab's "opened" closes any automatic prompt: the visitor chose to talk to us.
      ui()
        .then((m) => m.dock(s.id, docked.has(s.id) && args(s, tab ? 'button' : 'inline', () => tab || docked.delete(s.id))))
        .catch(report);
    }
  }

  function evaluate() {
    if (config && o)
      for (const s of config.surveys)
        if (s.kind === 'feedback_button' || s.trigger?.anchor?.placement === 'inline') dock(s);
        else if (!armed.has(s.id) && active?.s.id !== s.id && !block(s)) arm(s);
  }

  function apply(c: SiteConfig | undefined) {
    if (!c || !o) return;
    config = c;
    c.surveys.sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0)); // stable: ties keep the collector's order
    armed.forEach((_, id) => disarm(id));
    evaluate();
    const s = byId(load(k('x'), '', true));
    save(k('x'), '', true);
    if (s) fire(s, 'exit:pagehide');
    if (wanted) api.show(wanted);
  }

  const api: HarkApi = {
    init(opts: InitOptions) {
      if (o) return report('init() twice');
      if (!opts?.site || !opts.collector) throw Error('init({ site, collector })');
      if (opts.user) user = { ...opts.user };
      o = opts;
      base = `${opts.collector.replace(/\/+$/, '')}/v1/sites/${encodeURIComponent(opts.site)}/`;
      k = (s) => `hark:${opts.site}:${s}`;
      locale = pickLocale(opts.locale);
      t0 = Date.now();
      url = location.href;
      save(k('v'), (visitor = load(k('v'), '') || Math.random().toString(36).slice(2)));
      const cached = load<{ e?: string | null; c?: SiteConfig }>(k('c'), {});
      // A slow poll covers the delay, anchors rendered later by the app and pushState route changes.
      iv = setInterval(check, 500);
      evs.forEach((e) => addEventListener(e, check, true));
      // Answers a past page view could not deliver: the outbox (in the UI chunk) sends them now.
      if (load<unknown[]>(k('o'), []).length) ui().catch(report);
      apply(cached.c);
      // The cached config decides at once; its ETag makes an unchanged config a bodiless 304.
      fetch(base + 'config', { headers: cached.e ? { 'If-None-Match': cached.e } : {}, credentials: 'omit' })
        .then(async (res) => {
          if (res.status === 304) return;
          if (!res.ok) throw Error('config ' + res.status);
          const c = (await res.json()) as SiteConfig;
          save(k('c'), { e: res.headers.get('ETag'), c });
          if (o === opts) apply(c);
        })
        .catch(report);
    },
    identify(id?: string, traits?: Traits) {
      user = { id: id ?? user.id, traits: { ...user.traits, ...traits } };
      evaluate();
    },
    track(event: string) {
      events.add(String(event));
      evaluate();
    },
    show(id: string) {
      wanted = config ? undefined : id;
      if (!config) return;
      const s = byId(id);
      if (!s) return report('unknown survey ' + id);
      hide();
      active = undefined;
      disarm(id);
      open(s, 'api');
    },
    hide,
    on(e, fn) {
      const l: [HarkEvent, HarkListener] = [e, fn];
      ls.add(l);
      return () => ls.delete(l);
    },
    destroy() {
      armed.forEach((_, id) => disarm(id));
      hide();
      docked.forEach((id) => loadUi(o!.nonce).then((m) => m.dock(id, false), report));
      docked.clear();
      clearInterval(iv);
      evs.forEach((e) => removeEventListener(e, check, true));
      box?.stop();
      o = config = active = box = wanted = undefined;
      events.clear();
    },
  };
  // One guard at the API boundary: nothing the page calls can throw into it.
  for (const m in api) api[m as keyof HarkApi] = guard(api[m as keyof HarkApi] as never) as never;
  return api;
}
