// A widget must never break its host page: every entry point runs through guard(),
// and each distinct problem is logged once so a failing collector cannot flood the console.
const seen = new Set<string>();

export function report(err: unknown): void {
  const msg = err instanceof Error ? err.message : String(err);
  if (seen.has(msg)) return;
  seen.add(msg);
  try {
    console.error('[hark]', err);
  } catch {
    /* console may be stubbed out by the host */
  }
}

export function guard<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R | undefined {
  return (...args: A) => {
    try {
      return fn(...args);
    } catch (err) {
      report(err);
      return undefined;
    }
  };
}
