// One shadow host per surface. Styles go in through a constructable stylesheet
// (adoptedStyleSheets): CSP `style-src` does not govern it, so no nonce and no
// 'unsafe-inline' are needed. Older browsers get a <style> carrying the nonce, and
// theme.stylesheetUrl adds a <link> for sites that want their own CSS inside.
import type { Theme } from '../types.ts';
import { css } from './styles.ts';

let sheet: CSSStyleSheet | undefined;

function onBrand(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  const ch = [n >> 16, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const lum = 0.2126 * ch[0]! + 0.7152 * ch[1]! + 0.0722 * ch[2]!;
  // Pick whichever of white or near-black has more contrast on the brand colour (WCAG AA for any brand).
  return (1.05 / (lum + 0.05) >= (lum + 0.05) / 0.0625 ? '#fff' : '#111827');
}

export interface Host {
  el: HTMLElement;
  root: ShadowRoot;
  remove(): void;
}

export function createHost(theme: Theme, nonce: string | undefined, rtl: boolean, after?: Element | null): Host {
  const el = document.createElement('hark-widget');
  const root = el.attachShadow({ mode: 'open' });
  const brand = /^#[0-9a-f]{6}$/i.test(theme.brandColor ?? '') ? theme.brandColor! : '#4f46e5';
  el.style.setProperty('--hark-brand', brand);
  el.style.setProperty('--hark-on-brand', onBrand(brand));
  el.dataset.scheme = theme.colorScheme ?? 'auto';
  el.dataset.pos = theme.position ?? 'bottom-right';
  if (rtl) el.dir = 'rtl';
  try {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    root.adoptedStyleSheets = [sheet];
  } catch {
    const st = document.createElement('style');
    if (nonce) st.nonce = nonce;
    st.textContent = css;
    root.append(st);
  }
  if (theme.stylesheetUrl) {
    const l = document.createElement('link');
    l.rel = 'stylesheet';
    l.href = theme.stylesheetUrl;
    if (nonce) l.nonce = nonce;
    root.append(l);
  }
  if (after) after.after(el);
  else document.body.append(el);
  return { el, root, remove: () => el.remove() };
}
