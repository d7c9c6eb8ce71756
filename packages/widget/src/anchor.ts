// Feature feedback attaches to `[data-hark-feature="Name"]` (stable across redesigns,
// owned by the product team) or to a CSS selector when the markup cannot be changed.
export function findAnchor(a: { feature?: string; selector?: string }): Element | null {
  try {
    if (a.feature) {
      const el = document.querySelector(`[data-hark-feature="${a.feature.replace(/["\\]/g, '\\$&')}"]`);
      if (el) return el;
    }
    return a.selector ? document.querySelector(a.selector) : null;
  } catch {
    return null; // invalid selector from the config
  }
}
