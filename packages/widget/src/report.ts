// A widget must never break its host page: every entry point runs through guard(),
// and each distinct problem is logged once so a failing collector cannot flood the console.
const seen: Record<string, 1> = {};

/**
 * The one try/catch of the loader: storage, selectors and URL rules from the config may throw (`caught` gives the
 * fallback), and so may the page's listeners and API calls (guard() reports).
 */
export function attempt<T>(f: () => T): T | undefined;
export function attempt<T, F>(f: () => T, caught: (err: unknown) => F): T | F;
export function attempt<T, F>(f: () => T, caught?: (err: unknown) => F): T | F | undefined {
  try {
    return f();
  } catch (err) {
    return caught?.(err);
  }
}

export function report(err: unknown): void {
  const msg = String(err);
  if (!seen[msg]) {
    seen[msg] = 1;
    attempt(() => console.error('[hark]', err)); // console may be stubbed out by the host
  }
}

export const guard =
  <A extends unknown[], R>(fn: (...args: A) => R) =>
  (...args: A): R | undefined =>
    attempt(() => fn(...args), report) as R | undefined;
