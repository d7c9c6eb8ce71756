// One component per question type, stateless (no preact/hooks: it costs ~1.5 kB gz).
// The scales are button groups with a roving tabindex: Tab enters the group once,
// arrows move (mirrored in RTL), Enter or Space picks.
import type { Translate } from './strings.ts';

interface ScaleProps {
  values: number[];
  labelledBy: string;
  render(v: number): string;
  aria(v: number): string;
  rtl: boolean;
  cls: string;
  onPick(v: number): void;
}

function rove(e: KeyboardEvent, rtl: boolean) {
  const btns = Array.from((e.currentTarget as HTMLElement).querySelectorAll('button'));
  const i = btns.indexOf(e.target as HTMLButtonElement);
  const k = e.key;
  const n = btns.length - 1;
  const next =
    k === (rtl ? 'ArrowLeft' : 'ArrowRight') || k === 'ArrowDown' ? Math.min(i + 1, n)
    : k === (rtl ? 'ArrowRight' : 'ArrowLeft') || k === 'ArrowUp' ? Math.max(i - 1, 0)
    : k === 'Home' ? 0
    : k === 'End' ? n
    : -1;
  if (next < 0 || i < 0) return;
  e.preventDefault();
  btns.forEach((b, j) => (b.tabIndex = j === next ? 0 : -1));
  btns[next]!.focus();
}

export function Scale(p: ScaleProps) {
  return (
    <div class={p.cls} role="group" aria-labelledby={p.labelledBy} onKeyDown={(e) => rove(e, p.rtl)} part="scale">
      {p.values.map((v, i) => (
        <button type="button" key={v} tabIndex={i ? -1 : 0} aria-label={p.aria(v)} onClick={() => p.onPick(v)}>
          {p.render(v)}
        </button>
      ))}
    </div>
  );
}

const EMOJI = ['😞', '🙁', '😐', '🙂', '😍'];

export function ratingScale(kind: 'stars' | 'emoji', t: Translate) {
  return {
    values: [1, 2, 3, 4, 5],
    render: (v: number) => (kind === 'emoji' ? EMOJI[v - 1]! : '★'),
    aria: (v: number) => t('outOf', { n: v }),
  };
}

export function Choice(p: {
  options: Array<{ id: string; label: string }>;
  multiple: boolean;
  labelledBy: string;
  value: string[];
  onChange(v: string[]): void;
}) {
  return (
    <div class="ch" role="group" aria-labelledby={p.labelledBy}>
      {p.options.map((o) => (
        <button
          type="button"
          key={o.id}
          aria-pressed={p.value.includes(o.id)}
          onClick={() =>
            p.onChange(p.multiple ? (p.value.includes(o.id) ? p.value.filter((x) => x !== o.id) : [...p.value, o.id]) : [o.id])
          }
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
