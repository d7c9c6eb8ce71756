// Shared by the loader (is the anchor on the page yet?) and the UI chunk (where to place the survey).
import { attempt } from './report.ts';

type Anchor = { feature?: string; selector?: string };

// An invalid selector from the config finds nothing.
const q = (sel: string) => attempt(() => document.querySelector(sel));

/**
 * Feature feedback attaches to `[data-hark-feature="Name"]` (stable across redesigns, owned by
 * the product team) or to a CSS selector when the markup cannot be changed.
 */
export const findAnchor = (a: Anchor = {}): Element | null | undefined =>
  (a.feature && q(`[data-hark-feature="${CSS.escape(a.feature)}"]`)) || (a.selector ? q(a.selector) : null);
