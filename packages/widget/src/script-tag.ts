// Script-tag entry (dist/hark.js, served as /widget.js). Reads its own data-*
// attributes, replaces the queue stub with the real API on window.Hark (the only
// global we create) and replays the calls made before it loaded.
import { createHark, type HarkApi } from './widget.ts';
import type { UiModule } from './types.ts';
import { report } from './report.ts';

type Stub = { q?: Array<[keyof HarkApi, unknown[]]> };
const w = window as unknown as { Hark?: HarkApi & Stub };

let uiPromise: Promise<UiModule> | undefined;

/**
 * The UI chunk is a classic script (no CORS needed, honours a CSP nonce) that hands its
 * module over with a DOM event instead of a global, so window.Hark stays the only one.
 */
function loadUi(uiUrl: string) {
  return (nonce?: string) =>
    (uiPromise ??= new Promise<UiModule>((resolve, reject) => {
      const s = document.createElement('script');
      const onUi = (e: Event) => resolve((e as CustomEvent<UiModule>).detail);
      document.addEventListener('hark:ui', onUi, { once: true });
      s.src = uiUrl;
      s.async = true;
      if (nonce) s.nonce = nonce;
      s.onerror = () => {
        uiPromise = undefined;
        document.removeEventListener('hark:ui', onUi);
        reject(new Error(`could not load ${uiUrl}`));
      };
      document.head.appendChild(s);
    }));
}

const me = document.currentScript as HTMLScriptElement | null;
// A real API already here (tag included twice) wins; a stub (with its queue) is replaced.
if (!w.Hark || w.Hark.q) {
  const src = me?.src || '';
  const here = new URL(src || location.href, location.href);
  // Served by the collector as /widget.js the chunk lives at /widget/hark-ui.js; anywhere else, beside us.
  const uiUrl = /\/widget\.js$/.test(here.pathname) ? new URL('widget/hark-ui.js', here).href : new URL('hark-ui.js', here).href;
  const queued = w.Hark?.q ?? [];
  const api = createHark(loadUi(uiUrl));
  w.Hark = api;
  const site = me?.dataset.site;
  if (site) {
    api.init({
      site,
      collector: me?.dataset.collector || here.origin,
      locale: me?.dataset.locale,
      nonce: me?.dataset.nonce || me?.nonce || undefined,
    });
  }
  for (const [m, args] of queued) {
    try {
      (api[m] as (...a: unknown[]) => unknown)(...args);
    } catch (err) {
      report(err);
    }
  }
}
