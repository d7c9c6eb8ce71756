// Hand-drawn SVG charts: a few hundred bytes of code instead of a charting library, and
// each chart is an <svg role="img"> with <title>/<desc> plus a real <table> with the figures,
// so screen readers (and people who want the numbers) get them without guessing from pixels.
import { fmtNum, t } from './i18n.ts';

export interface BandPoint {
  label: string;
  value: number | null;
  low?: number | null;
  high?: number | null;
  n?: number;
  tooFew?: boolean;
}

const W = 640;
const H = 220;
const PAD = { l: 40, r: 12, t: 12, b: 28 };

export function BandChart({ id, title, desc, points, min = -100, max = 100 }: { id: string; title: string; desc: string; points: BandPoint[]; min?: number; max?: number }) {
  const iw = W - PAD.l - PAD.r;
  const ih = H - PAD.t - PAD.b;
  const x = (i: number) => PAD.l + (points.length <= 1 ? iw / 2 : (i * iw) / (points.length - 1));
  const y = (v: number) => PAD.t + ((max - v) / (max - min)) * ih;
  const valid = points.map((p, i) => ({ ...p, i })).filter((p) => p.value !== null);
  const line = valid.map((p, k) => `${k ? 'L' : 'M'}${x(p.i).toFixed(1)},${y(p.value!).toFixed(1)}`).join('');
  const banded = valid.filter((p) => p.low != null && p.high != null);
  const band = banded.length
    ? banded.map((p, k) => `${k ? 'L' : 'M'}${x(p.i).toFixed(1)},${y(p.high!).toFixed(1)}`).join('') +
      banded.slice().reverse().map((p) => `L${x(p.i).toFixed(1)},${y(p.low!).toFixed(1)}`).join('') + 'Z'
    : '';
  const ticks = [min, (min + max) / 2, max].map((v) => Math.round(v));
  if (min < 0 && max > 0) ticks.splice(1, 1, 0);
  const every = Math.max(1, Math.ceil(points.length / 8));
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`} preserveAspectRatio="xMidYMid meet">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{desc}</desc>
        {ticks.map((v) => (
          <g>
            <line x1={PAD.l} x2={W - PAD.r} y1={y(v)} y2={y(v)} class={v === 0 ? 'axis zero' : 'axis'} />
            <text x={PAD.l - 6} y={y(v) + 4} text-anchor="end" class="tick">{v}</text>
          </g>
        ))}
        {band ? <path d={band} class="band" /> : null}
        <path d={line} class="line" fill="none" />
        {valid.map((p) => <circle cx={x(p.i)} cy={y(p.value!)} r={p.tooFew ? 3 : 4} class={p.tooFew ? 'dot hollow' : 'dot'} />)}
        {points.map((p, i) => (i % every === 0 ? <text x={x(i)} y={H - 8} text-anchor="middle" class="tick">{p.label}</text> : null))}
      </svg>
      <details>
        <summary>{t('npsTableCaption')}</summary>
        <table>
          <caption class="sr">{title}</caption>
          <thead><tr><th scope="col">{t('period')}</th><th scope="col">{t('nps')}</th><th scope="col">{t('low')}</th><th scope="col">{t('high')}</th><th scope="col">n</th></tr></thead>
          <tbody>
            {points.map((p) => (
              <tr><th scope="row">{p.label}</th><td>{fmtNum(p.value)}</td><td>{fmtNum(p.low)}</td><td>{fmtNum(p.high)}</td><td>{p.n ?? ''}{p.tooFew ? ' *' : ''}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** Horizontal bars with their numbers written next to them (no legend to decode). */
export function Bars({ title, rows, tone }: { title: string; rows: { label: string; value: number; note?: string; tone?: string }[]; tone?: string }) {
  const max = Math.max(1, ...rows.map((r) => Math.abs(r.value)));
  return (
    <table class="bars">
      <caption>{title}</caption>
      <tbody>
        {rows.map((r) => (
          <tr>
            <th scope="row">{r.label}</th>
            <td>
              <span class={`bar ${r.tone ?? tone ?? ''}`} style={{ width: `${(Math.abs(r.value) / max) * 100}%` }} aria-hidden="true" />
              <span class="bar-num">{fmtNum(r.value, Number.isInteger(r.value) ? 0 : 1)}{r.note ? ` · ${r.note}` : ''}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Volume per period as columns (numbers in the table fallback). */
export function Columns({ id, title, rows }: { id: string; title: string; rows: { label: string; value: number }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const bw = (W - PAD.l - PAD.r) / Math.max(1, rows.length);
  const ih = 120;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${ih + 30}`} role="img" aria-labelledby={`${id}-t`}>
        <title id={`${id}-t`}>{`${title}: ${rows.map((r) => `${r.label} ${r.value}`).join(', ')}`}</title>
        {rows.map((r, i) => {
          const h = (r.value / max) * ih;
          return <rect x={PAD.l + i * bw + 2} y={ih - h + 4} width={Math.max(1, bw - 4)} height={h} class="col" />;
        })}
        <text x={PAD.l - 6} y={14} text-anchor="end" class="tick">{max}</text>
        {rows.map((r, i) => (i % Math.max(1, Math.ceil(rows.length / 8)) === 0 ? <text x={PAD.l + i * bw + bw / 2} y={ih + 22} text-anchor="middle" class="tick">{r.label}</text> : null))}
      </svg>
    </figure>
  );
}
