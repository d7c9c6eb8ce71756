// One component per question type. The scales are button groups with a roving
// tabindex: Tab enters the group once, arrows move (mirrored in RTL), Enter picks.
import { useRef, useState } from 'preact/hooks';
import type { Translate } from './strings.ts';

interface ScaleProps {
  values: number[];
  labelledBy: string;
  render(v: number): string;
  aria(v: number): string;
  rtl: boolean;
  cls: string;
  picked?: number;
  onPick(v: number): void;
}

export function Scale(p: ScaleProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState(p.picked ?? p.values[0]!);
  const move = (e: KeyboardEvent) => {
    const i = p.values.indexOf(focus);
    const fwd = p.rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = p.rtl ? 'ArrowRight' : 'ArrowLeft';
    const next =
      e.key === fwd || e.key === 'ArrowDown' ? Math.min(i + 1, p.values.length - 1)
      : e.key === back || e.key === 'ArrowUp' ? Math.max(i - 1, 0)
      : e.key === 'Home' ? 0
      : e.key === 'End' ? p.values.length - 1
      : -1;
    if (next < 0) return;
    e.preventDefault();
    setFocus(p.values[next]!);
    (ref.current?.querySelectorAll('button')[next] as HTMLButtonElement | undefined)?.focus();
  };
  return (
    <div ref={ref} class={p.cls} role="group" aria-labelledby={p.labelledBy} onKeyDown={move} part="scale">
      {p.values.map((v) => (
        <button
          type="button"
          key={v}
          tabIndex={v === focus ? 0 : -1}
          aria-label={p.aria(v)}
          aria-pressed={p.picked === v}
          onFocus={() => setFocus(v)}
          onClick={() => p.onPick(v)}
        >
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
            p.onChange(
              p.multiple ? (p.value.includes(o.id) ? p.value.filter((x) => x !== o.id) : [...p.value, o.id]) : [o.id],
            )
          }
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
