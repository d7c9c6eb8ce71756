// localStorage throws in Safari private mode, in sandboxed iframes and when full;
// falling back to memory keeps the widget working for the current page view.
const memory = new Map<string, string>();

function area(session?: boolean): Storage | undefined {
  try {
    return session ? sessionStorage : localStorage;
  } catch {
    return undefined;
  }
}

export function load<T>(key: string, fallback: T, session?: boolean): T {
  try {
    const raw = area(session)?.getItem(key) ?? memory.get(key);
    return raw == null ? fallback : (JSON.parse(raw) as T);
  } catch {
    return fallback;
  }
}

export function save(key: string, value: unknown, session?: boolean): void {
  const raw = JSON.stringify(value);
  memory.set(key, raw);
  try {
    area(session)?.setItem(key, raw);
  } catch {
    /* quota or disabled: memory copy still serves this page view */
  }
}

export function remove(key: string, session?: boolean): void {
  memory.delete(key);
  try {
    area(session)?.removeItem(key);
  } catch {
    /* ignore */
  }
}
