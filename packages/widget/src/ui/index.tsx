// The UI chunk: mounts surveys and the feedback tab, each in its own shadow root.
import { render } from 'preact';
import { useState } from 'preact/hooks';
import type { MountOptions, UiHandle, UiModule } from '../types.ts';
import { createHost } from './host.ts';
import { isRtl, translator } from './strings.ts';
import { Survey } from './survey.tsx';
import { pickElement } from './picker.ts';

function mountSurvey(o: MountOptions): UiHandle {
  const placement = o.survey.trigger?.anchor?.placement;
  const mode = o.anchor ? (placement === 'inline' ? 'inline' : 'pop') : 'float';
  const rtl = isRtl(o.locale);
  const host = createHost(o.theme, o.nonce, rtl, mode === 'inline' ? o.anchor : undefined);
  const back = document.activeElement as HTMLElement | null;
  const { t, loc } = translator(o.survey, o.locale);
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    const hadFocus = document.activeElement === host.el;
    render(null, host.root);
    host.remove();
    // Focus goes back where it was, so keyboard users do not land at the top of the page.
    if (hadFocus && back?.isConnected) back.focus();
    o.onClose(false);
  };
  const pick = o.survey.kind === 'feedback_button' ? () => pickElement(host.root, t('picking')) : undefined;
  try {
    render(<Survey o={o} t={t} loc={loc} rtl={rtl} mode={mode} pick={pick} onClose={close} />, host.root);
  } catch (err) {
    host.remove();
    throw err;
  }
  return { close };
}

function Tab(p: { o: MountOptions & { onOpen(): void }; root: ShadowRoot; rtl: boolean }) {
  const { o, root, rtl } = p;
  const [open, setOpen] = useState(false);
  const { t, loc } = translator(o.survey, o.locale);
  const close = () => {
    setOpen(false);
    o.onClose(false);
    // Back to the tab that opened the panel (it renders again on the next frame).
    setTimeout(() => root.querySelector<HTMLElement>('.tab')?.focus(), 0);
  };
  if (open)
    return <Survey o={o} t={t} loc={loc} rtl={rtl} mode="float" pick={() => pickElement(root, t('picking'))} onClose={close} />;
  return (
    <button
      type="button"
      class="tab"
      part="tab"
      aria-haspopup="dialog"
      onClick={() => {
        setOpen(true);
        o.onOpen();
      }}
    >
      {t('tab')}
    </button>
  );
}

function mountTab(o: MountOptions & { onOpen(): void }): UiHandle {
  const rtl = isRtl(o.locale);
  const host = createHost(o.theme, o.nonce, rtl);
  render(<Tab o={o} root={host.root} rtl={rtl} />, host.root);
  return {
    close() {
      render(null, host.root);
      host.remove();
    },
  };
}

export const ui: UiModule = { mountSurvey, mountTab };
