// One component per question type, stateless (no preact/hooks: it costs ~1.5 kB gz).
// The scales are button groups with a roving tabindex: Tab enters the group once,
// arrows move (mirrored in RTL), Enter or Space picks.
import { h } from 'preact';

function rove(e: KeyboardEvent, rtl: boolean) {
  const btns = [...(e.currentTarget as HTMLElement).querySelectorAll('button')];
  const i = btns.indexOf(e.target as HTMLButtonElement);
  const k = e.key;
  const n = btns.length - 1;
  const next =
    k === (rtl ? 'ArrowLeft' : 'ArrowRight') || k === 'ArrowDown'
      ? Math.min(i + 1, n)
      : k === (rtl ? 'ArrowRight' : 'ArrowLeft') || k === 'ArrowUp'
        ? Math.max(i - 1, 0)
        : k === 'Home'
          ? 0
          : k === 'End'
            ? n
            : -1;
  if (next >= 0 && i >= 0) {
    e.preventDefault();
    btns.forEach((b, j) => (b.tabIndex = j === next ? 0 : -1));
    btns[next]!.focus();
  }
}

export const Scale = (p: { values: number[]; label(v: number): string; aria(v: number): string; rtl: boolean; cls: string; onPick(v: number): void }) => (
  <div class={p.cls} role="group" aria-labelledby="hark-h" onKeyDown={(e) => rove(e, p.rtl)} part="scale">
    {p.values.map((v, i) => (
      <button type="button" tabIndex={i ? -1 : 0} aria-label={p.aria(v)} onClick={() => p.onPick(v)}>
        {p.label(v)}
      </button>
    ))}
  </div>
);

export const Choice = (p: { options: Array<{ id: string; label: string }>; multiple: boolean; value: string[]; onChange(v: string[]): void }) => (
  <div class="ch" role="group" aria-labelledby="hark-h">
    {p.options.map(({ id, label }) => {
      const on = p.value.includes(id);
      return (
        <button
          type="button"
          aria-pressed={on}
          onClick={() => p.onChange(!p.multiple ? [id] : on ? p.value.filter((x) => x !== id) : [...p.value, id])}
        >
          {label}
        </button>
      );
    })}
  </div>
);
