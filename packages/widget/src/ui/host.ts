// One shadow host per surface. Styles go in through a constructable stylesheet
// (adoptedStyleSheets): CSP `style-src` does not govern it, so no nonce and no
// 'unsafe-inline' are needed. Older browsers get a <style> carrying the nonce, and
// theme.stylesheetUrl adds a <link> for sites that want their own CSS inside.
import type { Theme } from '../types.ts';
import { css } from './styles.ts';

let sheet: CSSStyleSheet | undefined;

/** Text on the brand colour: white or near-black, whichever has more contrast (WCAG AA for any brand). */
function onBrand(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  const lum = [n >> 16, n >> 8, n]
    .map((c) => ((c & 255) / 255 <= 0.03928 ? (c & 255) / 255 / 12.92 : (((c & 255) / 255 + 0.055) / 1.055) ** 2.4))
    .reduce((a, c, i) => a + c * [0.2126, 0.7152, 0.0722][i]!, 0);
  return 1.05 / (lum + 0.05) >= (lum + 0.05) / 0.0625 ? '#fff' : '#111827';
}

export function createHost(theme: Theme, nonce: string | undefined, rtl: boolean, after?: Element | null) {
  const el = document.createElement('hark-widget');
  const root = el.attachShadow({ mode: 'open' });
  const add = (tag: string, props: object) => root.append(Object.assign(document.createElement(tag), { nonce: nonce ?? '' }, props));
  const brand = /^#[\da-f]{6}$/i.test(theme.brandColor ?? '') ? theme.brandColor! : '#4f46e5';
  // Defaults from the config; `hark-widget { --hark-brand: … }` in the host page still wins.
  el.style.cssText = `--c:${brand};--o:${onBrand(brand)}`;
  el.dataset.scheme = theme.colorScheme ?? 'auto';
  el.dataset.pos = theme.position ?? 'bottom-right';
  if (rtl) el.dir = 'rtl';
  try {
    if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    add('style', { textContent: css });
  }
  if (theme.stylesheetUrl) add('link', { rel: 'stylesheet', href: theme.stylesheetUrl });
  if (after) after.after(el);
  else document.body.append(el);
  return { el, root };
}
