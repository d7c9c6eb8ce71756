// A widget must never break its host page: every entry point runs through guard(),
// and each distinct problem is logged once so a failing collector cannot flood the console.
const seen: Record<string, 1> = {};

export function report(err: unknown): void {
  const msg = String(err);
  if (!seen[msg]) {
    seen[msg] = 1;
    try {
      console.error('[hark]', err);
    } catch {
      /* console may be stubbed out by the host */
    }
  }
}

export const guard =
  <A extends unknown[], R>(fn: (...args: A) => R) =>
  (...args: A): R | undefined => {
    try {
      return fn(...args);
    } catch (err) {
      report(err);
    }
  };
