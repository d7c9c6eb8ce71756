// The scales are button groups with a roving tabindex: Tab enters the group once,
// arrows move (mirrored in RTL), Home/End jump, Enter or Space picks.
import { h } from './dom.ts';

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
  <div class={p.cls} role="group" aria-labelledby="hark-h" onKeyDown={(e: KeyboardEvent) => rove(e, p.rtl)} part="scale">
    {p.values.map((v, i) => (
      <button type="button" tabIndex={i ? -1 : 0} aria-label={p.aria(v)} onClick={() => p.onPick(v)}>
        {p.label(v)}
      </button>
    ))}
  </div>
);

/** Choice buttons toggle in place (aria-pressed); `value` is the live selection. */
export const Choice = (p: { options: Array<{ id: string; label: string }>; multiple: boolean; value: string[]; onChange(): void }) => (
  <div class="ch" role="group" aria-labelledby="hark-h">
    {p.options.map(({ id, label }) => (
      <button
        type="button"
        aria-pressed="false"
        onClick={(e: Event) => {
          const on = !p.value.includes(id);
          if (!p.multiple) p.value.length = 0;
          if (on) p.value.push(id);
          else p.value.splice(p.value.indexOf(id), 1);
          (e.currentTarget as Element).setAttribute('aria-pressed', String(on));
          p.onChange();
        }}
      >
        {label}
      </button>
    ))}
  </div>
);
