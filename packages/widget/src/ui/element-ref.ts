// What the feedback button records about the element the visitor pointed at: a
// selector stable enough to find it again (ids and data attributes beat positions,
// and generated-looking ids are skipped) and a label a PM can read in the dashboard.
const GENERATED = /\d{3,}|[a-f0-9]{8,}|^(ember|react|ng|vue|radix|headlessui|mui)[-_:]/i;

function cssEscape(s: string): string {
  return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(s) : s.replace(/[^\w-]/g, (c) => '\\' + c);
}

function uniq(sel: string, doc: Document): boolean {
  try {
    return doc.querySelectorAll(sel).length === 1;
  } catch {
    return false;
  }
}

function own(el: Element): string | undefined {
  for (const a of ['data-hark-feature', 'data-testid', 'data-test', 'data-cy', 'name', 'aria-label']) {
    const v = el.getAttribute(a);
    if (v && v.length < 80) return `${el.localName}[${a}="${v.replace(/["\\]/g, '\\$&')}"]`;
  }
  if (el.id && !GENERATED.test(el.id)) return `#${cssEscape(el.id)}`;
  return undefined;
}

export function stableSelector(el: Element): string {
  const doc = el.ownerDocument;
  const parts: string[] = [];
  let cur: Element | null = el;
  while (cur && cur !== doc.documentElement && parts.length < 8) {
    let seg = own(cur);
    if (!seg || !uniq(seg, doc)) {
      const parent: Element | null = cur.parentElement;
      const same = parent ? Array.from(parent.children).filter((c) => c.localName === cur!.localName) : [];
      seg = (seg ?? cur.localName) + (same.length > 1 ? `:nth-of-type(${same.indexOf(cur) + 1})` : '');
    }
    parts.unshift(seg);
    const sel = parts.join(' > ');
    if (uniq(sel, doc)) return sel;
    cur = cur.parentElement;
  }
  return parts.join(' > ');
}

export function readableLabel(el: Element): string {
  const attr = (n: string) => el.getAttribute(n)?.trim();
  const text = (el as HTMLElement).innerText ?? el.textContent ?? '';
  const raw =
    attr('data-hark-feature') ||
    attr('aria-label') ||
    text.replace(/\s+/g, ' ').trim() ||
    attr('alt') ||
    attr('title') ||
    attr('placeholder') ||
    '';
  const role = attr('role') || el.localName;
  const label = raw.length > 60 ? raw.slice(0, 57) + '…' : raw;
  return label ? `${label} (${role})` : role;
}
