// localStorage throws in Safari private mode, in sandboxed iframes and when full;
// falling back to memory keeps the widget working for the current page view.
import { attempt } from './report.ts';

const memory: Record<string, string> = {};

const area = (session?: boolean): Storage => (session ? sessionStorage : localStorage);

/** The stored value, else this page view's memory copy, else `fallback` (also for unreadable JSON). */
export const load = <T>(key: string, fallback: T, session?: boolean): T =>
  attempt(() => JSON.parse(attempt(() => area(session).getItem(key)) ?? memory[key]!) ?? fallback, () => fallback);

export function save(key: string, value: unknown, session?: boolean): void {
  memory[key] = JSON.stringify(value);
  attempt(() => area(session).setItem(key, memory[key]!)); // quota or disabled: the memory copy still serves this page view
}
