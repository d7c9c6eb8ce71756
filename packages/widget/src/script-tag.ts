// Script-tag entry (dist/hark.js, served as /widget.js). Reads its own data-*
// attributes, replaces the queue stub with the real API on window.Hark (the only
// global we create) and replays the calls made before it loaded.
import { createHark, type HarkApi } from './widget.ts';
import type { UiModule } from './types.ts';

type Stub = { q?: Array<[keyof HarkApi, unknown[]]> };
const w = window as unknown as { Hark?: HarkApi & Stub };
const me = document.currentScript as HTMLScriptElement | null;
const data = me?.dataset ?? {};

// A real API already here (tag included twice) wins; a stub (with its queue) is replaced.
if (!w.Hark || w.Hark.q) {
  const here = new URL(me?.src || location.href, location.href);
  // Served by the collector as /widget.js the chunk lives at /widget/hark-ui.js; anywhere else, beside us.
  const uiUrl = new URL(/\/widget\.js$/.test(here.pathname) ? 'widget/hark-ui.js' : 'hark-ui.js', here).href;
  const queued = w.Hark?.q ?? [];
  let ui: Promise<UiModule> | undefined;
  /**
   * The UI chunk is a classic script (no CORS needed, honours a CSP nonce) that hands its
   * module over with a DOM event instead of a global, so window.Hark stays the only one.
   */
  const api = (w.Hark = createHark(
    (nonce) =>
      (ui ??= new Promise<UiModule>((resolve, reject) => {
        document.addEventListener('hark:ui', (e) => resolve((e as CustomEvent<UiModule>).detail), { once: true });
        document.head.append(
          Object.assign(document.createElement('script'), {
            src: uiUrl,
            nonce: nonce ?? '',
            // Forget the failure so a later survey (the network may be back) tries again.
            onerror: () => {
              ui = undefined;
              reject(Error(uiUrl));
            },
          }),
        );
      })),
  ));
  if (data.site)
    api.init({
      site: data.site,
      collector: data.collector || here.origin,
      locale: data.locale,
      nonce: data.nonce || me?.nonce || undefined,
    });
  // API methods are guarded; a stub entry naming no method is ignored.
  for (const [m, args] of queued) (api[m] as ((...a: unknown[]) => unknown) | undefined)?.(...args);
}
