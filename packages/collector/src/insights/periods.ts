// Calendar buckets in UTC. Pipelines group by day ("YYYY-MM-DD", which $dateToString
// gives on both adapters); days are folded here into ISO weeks (starting Monday) or months.
import type { Interval } from '@hark/shared';

const DAY = 86_400_000;

function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`);
}

/** Label of the period holding `day`: the day itself, the Monday of its ISO week, or "YYYY-MM". */
export function periodOf(day: string, interval: Interval): string {
  if (interval === 'day') return day;
  if (interval === 'month') return day.slice(0, 7);
  const t = dayStart(day);
  const weekday = (new Date(t).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(t - weekday * DAY).toISOString().slice(0, 10);
}

export function periodBounds(period: string, interval: Interval): { start: Date; end: Date } {
  if (interval === 'month') {
    const [y, m] = period.split('-').map(Number) as [number, number];
    return { start: new Date(Date.UTC(y, m - 1, 1)), end: new Date(Date.UTC(y, m, 1)) };
  }
  const start = dayStart(period);
  return { start: new Date(start), end: new Date(start + (interval === 'week' ? 7 : 1) * DAY) };
}

/** Every period from the first to the last (inclusive), so charts show gaps as empty points. */
export function periodRange(first: string, last: string, interval: Interval, max = 5000): string[] {
  const out: string[] = [];
  let p = first;
  while (p <= last && out.length < max) {
    out.push(p);
    p = periodOf(periodBounds(p, interval).end.toISOString().slice(0, 10), interval);
  }
  return out;
}
