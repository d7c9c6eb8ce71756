// Live survey preview: the widget's own UI chunk, fed the survey being edited by the
// dashboard (same origin, postMessage). Answers are not sent anywhere.
// The chunk's mount() takes its options positionally (see MountArgs in packages/widget/src/types.ts):
// survey, theme, locale, trigger, nonce, fatigue key, user, put, done, opened, listeners.
interface Ui { mount(args: unknown[]): { close(): void } }
let ui: Ui | undefined;
let handle: { close(): void } | undefined;
let last: { survey: any; theme: any; locale: string } | undefined;
const DEFAULT_THEME = { brandColor: '#4f46e5', position: 'bottom-right', colorScheme: 'light' };

// The widget focuses its prompt when it opens, as it should on a visitor's page. Here it is
// re-mounted on every edit of the survey form, and a same-origin frame's focus() takes the focus
// away from the parent: the field being typed in lost it, and the next keystrokes went nowhere
// (a filled-in field left empty or at its default, Save blocked by an empty required name).
// So the preview may move the focus only inside itself, once the user is working in it.
const focusEl = HTMLElement.prototype.focus;
HTMLElement.prototype.focus = function (this: HTMLElement, options?: FocusOptions) {
  if (document.hasFocus()) focusEl.call(this, options);
};

function mount() {
  if (!ui || !last) return;
  handle?.close();
  const s = last.survey;
  const survey = {
    targeting: { urls: { include: [], exclude: [] }, events: [], traits: [], devices: [], locales: [], samplingPercent: 100 },
    fatigue: { recontactDays: 30, showAgainAfterAnswer: false, showAgainAfterDismiss: false },
    ...s,
    trigger: { delayMs: 0, scrollDepthPercent: 0, ...s.trigger },
  };
  const theme = { ...DEFAULT_THEME, ...(last.theme ?? {}), position: 'center' };
  const put = () => {};
  // Show it again once answered or closed, so the preview stays visible.
  const done = () => setTimeout(mount, 800);
  handle = ui.mount([survey, theme, last.locale, 'preview', undefined, 'hark-preview:f', undefined, put, done, () => {}, new Set()]);
  document.body.dataset.previewed = s.id + ':' + JSON.stringify(s.questions?.[0]?.text ?? {});
}

document.addEventListener('hark:ui', (e) => {
  ui = (e as CustomEvent<Ui>).detail;
  mount();
}, { once: true });
window.addEventListener('message', (e) => {
  if (e.origin !== location.origin || e.data?.type !== 'hark-preview') return;
  last = e.data;
  mount();
});
const s = document.createElement('script');
s.src = '/widget/hark-ui.js';
document.head.appendChild(s);
parent.postMessage({ type: 'hark-preview-ready' }, location.origin);
