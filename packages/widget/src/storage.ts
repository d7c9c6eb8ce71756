// localStorage throws in Safari private mode, in sandboxed iframes and when full;
// falling back to memory keeps the widget working for the current page view.
const memory: Record<string, string> = {};

const area = (session?: boolean): Storage | undefined => (session ? sessionStorage : localStorage);

export function load<T>(key: string, fallback: T, session?: boolean): T {
  try {
    return JSON.parse(area(session)!.getItem(key) ?? memory[key]!) ?? fallback;
  } catch {
    return memory[key] ? JSON.parse(memory[key]) : fallback;
  }
}

export function save(key: string, value: unknown, session?: boolean): void {
  memory[key] = JSON.stringify(value);
  try {
    area(session)!.setItem(key, memory[key]);
  } catch {
    /* quota or disabled: memory copy still serves this page view */
  }
}
