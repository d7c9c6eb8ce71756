import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { apiRoutes } from './api.ts';
import { signal, useSignal } from './signal.ts';
import { t } from './i18n.ts';

/** Runs an async loader; reload() runs it again. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): { data: T | undefined; error: string | undefined; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  const [n, setN] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (e: Error) => live && setState({ error: e.message, loading: false }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, n]);
  const reload = useCallback(() => setN((x) => x + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** Whether the collector serves a path (OpenAPI), so pages can say "not available yet". */
export function useHasApi(path: string, method = 'get'): boolean | undefined {
  const [has, setHas] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    void apiRoutes().then((p) => setHas(!!p[path]?.[method]));
  }, [path, method]);
  return has;
}

export function NotAvailable({ path }: { path: string }) {
  return (
    <div class="notice" role="status" data-testid="not-available">
      <h2>{t('notAvailable')}</h2>
      <p>{t('notAvailableText', { path })}</p>
    </div>
  );
}

export function Loading() {
  return <p class="muted" role="status">{t('loading')}</p>;
}

export function ErrorText({ error }: { error?: string }) {
  return error ? <p class="error" role="alert">{t('error')}: {error}</p> : null;
}

const toastSignal = signal<string>('');
let toastTimer: ReturnType<typeof setTimeout> | undefined;
export function toast(msg: string): void {
  toastSignal.set(msg);
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => toastSignal.set(''), 4000);
}
export function Toast() {
  const msg = useSignal(toastSignal);
  return <div class="toast" role="status" aria-live="polite">{msg}</div>;
}

export function Field({ label, children, hint }: { label: string; children: ComponentChildren; hint?: string }) {
  return (
    <label class="field">
      <span>{label}</span>
      {children}
      {hint ? <small class="muted">{hint}</small> : null}
    </label>
  );
}

export function Chip({ children, tone }: { children: ComponentChildren; tone?: string }) {
  return <span class={`chip${tone ? ' ' + tone : ''}`}>{children}</span>;
}

export function PageHeader({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="page-head">
      <h1 id="page-title" tabIndex={-1}>{title}</h1>
      <div class="actions">{children}</div>
    </div>
  );
}

export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const ta = document.createElement('textarea');
    ta.value = text;
    document.body.appendChild(ta);
    ta.select();
    document.execCommand('copy');
    ta.remove();
  }
  toast(t('copied'));
}

export const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);
export const commas = (s: string) => s.split(',').map((l) => l.trim()).filter(Boolean);
