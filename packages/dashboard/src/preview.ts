// Live survey preview: the widget's own UI chunk, fed the survey being edited by the
// dashboard (same origin, postMessage). Answers are not sent anywhere.
interface Ui { mountSurvey(o: unknown): { close(): void }; mountTab(o: unknown): { close(): void } }
let ui: Ui | undefined;
let handle: { close(): void } | undefined;
let last: { survey: any; theme: any; locale: string } | undefined;
const DEFAULT_THEME = { brandColor: '#4f46e5', position: 'bottom-right', colorScheme: 'light' };

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
  const opts = {
    survey,
    theme: { ...DEFAULT_THEME, ...(last.theme ?? {}), position: 'center' },
    locale: last.locale,
    trigger: 'preview',
    put() {},
    done() {
      setTimeout(mount, 800); // show it again so the preview stays visible
    },
    opened() {},
  };
  handle = s.kind === 'feedback_button' ? ui.mountTab(opts) : ui.mountSurvey(opts);
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
