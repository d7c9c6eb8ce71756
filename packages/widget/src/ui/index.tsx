// The UI chunk: mounts surveys and the feedback tab, each in its own shadow root, and
// carries the delivery outbox (the loader asks for it when there is something to send).
import type { MountOptions, UiHandle, UiModule } from '../types.ts';
import { createHost } from './host.ts';
import { isRtl, translator } from './strings.ts';
import { survey } from './survey.tsx';
import { pickElement } from './picker.ts';
import { h } from './dom.ts';
import { createOutbox } from '../outbox.ts';
import { guard } from '../report.ts';
import { isTouchDevice, watchExitIntent } from '../exit-intent.ts';

function mount(o: MountOptions, tab?: boolean): UiHandle {
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
        o.opened?.();
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
  return { close };
}

export const ui: UiModule = {
  mountSurvey: (o) => mount(o),
  /** Feedback button: a side tab that opens the survey (and the element picker) on demand. */
  mountTab: (o) => mount(o, true),
  exit: (rules, onExit) => watchExitIntent(rules, { touch: isTouchDevice(), onExit }),
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
