// Element picker for the feedback button. Listens in the capture phase so the host
// page's own handlers never see the picking click, draws the highlight inside our
// shadow root (no host styles touched), and Esc gives control back untouched.
import { readableLabel, stableSelector } from './element-ref.ts';

export function pickElement(root: ShadowRoot, tipText: string): Promise<{ element: string; selector: string } | null> {
  return new Promise((resolve) => {
    const hl = document.createElement('div');
    hl.className = 'hl';
    hl.setAttribute('part', 'highlight');
    const tip = document.createElement('div');
    tip.className = 'tip';
    tip.setAttribute('role', 'status');
    tip.textContent = tipText;
    root.append(hl, tip);
    let current: Element | null = null;
    const target = (e: MouseEvent) => {
      const el = document.elementFromPoint(e.clientX, e.clientY);
      return el && el.localName !== 'hark-widget' && el !== document.documentElement && el !== document.body ? el : null;
    };
    const move = (e: MouseEvent) => {
      current = target(e);
      if (!current) return void (hl.style.display = 'none');
      const r = current.getBoundingClientRect();
      Object.assign(hl.style, { display: 'block', top: `${r.top}px`, left: `${r.left}px`, width: `${r.width}px`, height: `${r.height}px` });
    };
    const swallow = (e: Event) => {
      if ((e.target as Element | null)?.localName === 'hark-widget') return;
      e.preventDefault();
      e.stopPropagation();
    };
    const click = (e: MouseEvent) => {
      const el = target(e);
      if (!el) return;
      swallow(e);
      done(el);
    };
    const key = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      // Stop it even when it comes from our own panel: there, Esc would close the whole survey.
      e.preventDefault();
      e.stopPropagation();
      done(null);
    };
    const opts = { capture: true };
    const evs: Array<[string, EventListener]> = [
      ['mousemove', move as EventListener],
      ['click', click as EventListener],
      ['mousedown', swallow],
      ['mouseup', swallow],
      ['pointerdown', swallow],
      ['pointerup', swallow],
      ['keydown', key as EventListener],
    ];
    evs.forEach(([t, f]) => document.addEventListener(t, f, opts));
    function done(el: Element | null) {
      evs.forEach(([t, f]) => document.removeEventListener(t, f, opts));
      hl.remove();
      tip.remove();
      resolve(el ? { element: readableLabel(el).slice(0, 500), selector: stableSelector(el).slice(0, 1000) } : null);
    }
  });
}
