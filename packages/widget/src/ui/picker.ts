// Element picker for the feedback button. Listens in the capture phase so the host
// page's own handlers never see the picking click or key, draws the highlight inside
// our shadow root (no host styles touched), and Esc gives control back untouched.
// Keyboard: Tab/arrows move the highlight between the page's focusable elements (and
// [data-hark-feature] ones), Enter picks; the tip (a live region) reads the current one.
import { readableLabel, stableSelector } from './element-ref.ts';

const FOCUSABLE = 'a[href],button,input,select,textarea,summary,[tabindex],[contenteditable],[data-hark-feature]';

export function pickElement(root: ShadowRoot, tipText: string): Promise<{ element: string; selector: string } | null> {
  return new Promise((resolve) => {
    const doc = document;
    const make = (cls: string) => root.appendChild(Object.assign(doc.createElement('div'), { className: cls }));
    const hl = make('hl');
    const tip = make('tip');
    hl.setAttribute('part', 'highlight');
    tip.setAttribute('role', 'status');
    tip.textContent = tipText;
    hl.hidden = true;
    let current: Element | null = null;
    const ok = (el: Element | null) => el && el.localName !== 'hark-widget' && el !== doc.documentElement && el !== doc.body && el;
    const show = (el: Element | null | false, kb?: boolean) => {
      current = el || null;
      hl.hidden = !el;
      if (!el) return;
      if (kb) {
        el.scrollIntoView({ block: 'nearest' });
        tip.textContent = readableLabel(el);
      }
      const r = el.getBoundingClientRect();
      Object.assign(hl.style, { top: r.top + 'px', left: r.left + 'px', width: r.width + 'px', height: r.height + 'px' });
    };
    const at = (e: MouseEvent) => ok(doc.elementFromPoint(e.clientX, e.clientY));
    const swallow = (e: Event) => {
      if ((e.target as Element | null)?.localName !== 'hark-widget') {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    const key = (e: KeyboardEvent) => {
      const k = e.key;
      const step = k === 'Tab' ? (e.shiftKey ? -1 : 1) : k === 'ArrowDown' || k === 'ArrowRight' ? 1 : k === 'ArrowUp' || k === 'ArrowLeft' ? -1 : 0;
      // Stop every key even when it comes from our own panel: there, Esc would close the whole survey.
      e.preventDefault();
      e.stopPropagation();
      if (k === 'Escape') done(null);
      else if (k === 'Enter' && current) done(current);
      else if (step) {
        const list = [...doc.querySelectorAll(FOCUSABLE)].filter((el) => ok(el) && (el as HTMLElement).offsetParent);
        const i = list.indexOf(current!);
        show(list[i < 0 ? (step > 0 ? 0 : list.length - 1) : (i + step + list.length) % list.length] ?? null, true);
      }
    };
    const evs: Array<[string, (e: any) => void]> = [
      ['mousemove', (e: MouseEvent) => show(at(e))],
      ['click', (e: MouseEvent) => at(e) && (swallow(e), done(at(e) as Element))],
      ['mousedown', swallow],
      ['mouseup', swallow],
      ['pointerdown', swallow],
      ['pointerup', swallow],
      ['keydown', key],
    ];
    evs.forEach(([t, f]) => doc.addEventListener(t, f, true));
    function done(el: Element | null) {
      evs.forEach(([t, f]) => doc.removeEventListener(t, f, true));
      hl.remove();
      tip.remove();
      resolve(el && { element: readableLabel(el).slice(0, 500), selector: stableSelector(el).slice(0, 1000) });
    }
  });
}
