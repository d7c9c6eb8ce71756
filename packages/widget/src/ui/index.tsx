// The UI chunk: mounts surveys and the feedback tab, each in its own shadow root.
import { Component, render } from 'preact';
import type { MountOptions, UiHandle, UiModule } from '../types.ts';
import { createHost } from './host.ts';
import { isRtl, translator } from './strings.ts';
import { Survey } from './survey.tsx';
import { pickElement } from './picker.ts';

function mountSurvey(o: MountOptions): UiHandle {
  const mode = o.anchor ? (o.survey.trigger?.anchor?.placement === 'inline' ? 'inline' : 'pop') : 'float';
  const rtl = isRtl(o.locale);
  const host = createHost(o.theme, o.nonce, rtl, mode === 'inline' ? o.anchor : undefined);
  const back = document.activeElement as HTMLElement | null;
  const { t, loc } = translator(o.survey, o.locale);
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    const hadFocus = document.activeElement === host.el;
    render(null, host.root); // unmounting closes the answer session (delivers, tells the loader)
    host.remove();
    // Focus goes back where it was, so keyboard users do not land at the top of the page.
    if (hadFocus && back?.isConnected) back.focus();
  };
  const pick = o.survey.kind === 'feedback_button' ? () => pickElement(host.root, t('picking')) : undefined;
  render(<Survey o={o} t={t} loc={loc} rtl={rtl} mode={mode} pick={pick} onClose={close} />, host.root);
  return { close };
}

interface TabProps {
  o: MountOptions;
  root: ShadowRoot;
  rtl: boolean;
}

class Tab extends Component<TabProps, { open?: boolean }> {
  render({ o, root, rtl }: TabProps, { open }: { open?: boolean }) {
    const { t, loc } = translator(o.survey, o.locale);
    if (open)
      return (
        <Survey
          o={o}
          t={t}
          loc={loc}
          rtl={rtl}
          mode="float"
          pick={() => pickElement(root, t('picking'))}
          onClose={() => {
            this.setState({ open: false });
            // Back to the tab that opened the panel once it has rendered again.
            setTimeout(() => root.querySelector<HTMLElement>('.tab')?.focus());
          }}
        />
      );
    return (
      <button
        type="button"
        class="tab"
        part="tab"
        aria-haspopup="dialog"
        onClick={() => {
          this.setState({ open: true });
          o.opened?.();
        }}
      >
        {t('tab')}
      </button>
    );
  }
}

function mountTab(o: MountOptions): UiHandle {
  const host = createHost(o.theme, o.nonce, isRtl(o.locale));
  render(<Tab o={o} root={host.root} rtl={isRtl(o.locale)} />, host.root);
  return {
    close() {
      render(null, host.root);
      host.remove();
    },
  };
}

export const ui: UiModule = { mountSurvey, mountTab };
