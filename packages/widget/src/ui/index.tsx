// The UI chunk: mounts surveys and the feedback tab, each in its own shadow root, and
// carries the delivery outbox (the loader asks for it when there is something to send).
import type { HarkEvent, MountOptions, ResponseInput, UiHandle, UiModule } from '../types.ts';
import { createHost } from './host.ts';
import { isRtl, translator } from './strings.ts';
import { survey } from './survey.tsx';
import { pickElement } from './picker.ts';
import { h } from './dom.ts';
import { createOutbox } from '../outbox.ts';
import { guard } from '../report.ts';
import { isTouchDevice, watchExitIntent } from '../exit-intent.ts';
import { findAnchor } from '../anchor.ts';
import { save } from '../storage.ts';

/**
 * Mounts a prompt, an inline block or (feedback button) a side tab. The page's `on()` listeners are
 * called from here: the loader only keeps the subscriptions.
 */
function mount(o: MountOptions): UiHandle {
  const s = o.survey;
  const tab = s.kind === 'feedback_button';
  const emit = (e: HarkEvent, response?: ResponseInput) =>
    [...o.ls].forEach(([n, fn]) => n === e && guard(fn)({ surveyId: s.id, kind: s.kind, trigger: o.trigger, response }));
  const done = o.done;
  o.done = guard((r?: ResponseInput) => {
    emit(r ? 'answered' : 'dismissed', r);
    done(r);
  });
  o.anchor = findAnchor(s.trigger?.anchor);
  const mode = o.anchor && !tab ? (o.survey.trigger?.anchor?.placement === 'inline' ? 'inline' : 'pop') : 'float';
  const rtl = isRtl(o.locale);
  const { el, root } = createHost(o.theme, o.nonce, rtl, mode === 'inline' ? o.anchor : null);
  const back = document.activeElement as HTMLElement | null;
  const { t, loc } = translator(o.survey, o.locale);
  let panel: ReturnType<typeof survey> | undefined;
  const open = () => {
    panel = survey({
      o,
      t,
      loc,
      rtl,
      mode,
      pick: o.survey.kind === 'feedback_button' ? () => pickElement(root, t('picking')) : undefined,
      // The tab comes back (and gets the focus) once the panel closes.
      onClose: tab ? () => (panel!.el.replaceWith(btn), btn.focus()) : close,
    });
    root.append(panel.el);
    panel.shown();
  };
  const btn: HTMLElement = tab && (
    <button
      type="button"
      class="tab"
      part="tab"
      aria-haspopup="dialog"
      onClick={() => {
        btn.remove();
        open();
        // The visitor chose to talk to us: any automatic prompt steps aside.
        o.opened();
        emit('shown');
      }}
    >
      {t('tab')}
    </button>
  );
  const close = () => {
    if (el.isConnected) {
      const hadFocus = document.activeElement === el;
      el.remove();
      panel?.close(); // ends the answer session: delivers, tells the loader
      // Focus goes back where it was, so keyboard users do not land at the top of the page.
      if (hadFocus) back?.focus();
    }
  };
  if (tab) root.append(btn);
  else open();
  // After the loader has the handle, so a 'shown' listener may already call hide().
  if (o.prompt) Promise.resolve().then(() => emit('shown'));
  return { close };
}

const docked = new Map<string, UiHandle>();

export const ui: UiModule = {
  mount: ([survey, theme, locale, trigger, nonce, fk, user, put, done, opened, ls, prompt]) =>
    mount({ survey, theme, locale, trigger, nonce, fk, user, put, done, opened, ls, prompt }),
  dock(id, args) {
    const h = docked.get(id);
    if (!args) {
      docked.delete(id);
      h?.close();
    } else if (!h) {
      const done = args[8];
      args[8] = (r) => (args[0].kind === 'feedback_button' || docked.delete(id), done(r));
      docked.set(id, ui.mount(args));
    }
  },
  exit: (rules, onExit, key, id) =>
    watchExitIntent(rules, { touch: isTouchDevice(), onExit: (r) => (r === 'exit:pagehide' ? save(key, id, true) : onExit(r)) }),
  outbox(endpoint, key) {
    const ob = createOutbox(endpoint, key, {
      fetch: (u, i) => fetch(u, i),
      now: Date.now,
      random: Math.random,
      setTimeout: (f, ms) => setTimeout(guard(f), ms),
      clearTimeout: (t) => clearTimeout(t as number),
      beacon: (u, b) => navigator.sendBeacon(u, b),
      online: () => navigator.onLine,
    });
    const evs = [
      ['online', guard(ob.wake)],
      ['pagehide', guard(ob.beacon)],
    ] as const;
    evs.forEach(([e, f]) => addEventListener(e, f));
    void ob.flush();
    return {
      put: ob.put,
      stop() {
        ob.stop();
        evs.forEach(([e, f]) => removeEventListener(e, f));
      },
    };
  },
};
