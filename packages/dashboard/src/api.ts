// The dashboard talks to the admin API of the collector that serves it (same origin).
// Two ways in: a session cookie (HttpOnly, set by /v1/auth/login) with its CSRF token echoed
// on every change, or an admin-API token kept in sessionStorage and sent as a bearer token.

export interface Me {
  kind: 'session' | 'token';
  role: 'admin' | 'pm' | 'po' | 'viewer';
  name: string;
  account?: { id: string; email: string; name: string; role: string };
  csrfToken?: string;
}

const TOKEN_KEY = 'hark:token';
let token: string | null = sessionStorage.getItem(TOKEN_KEY);
let csrf = '';
let onSignedOut: () => void = () => {};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function setSignedOutHandler(fn: () => void): void {
  onSignedOut = fn;
}

export async function api<T = any>(path: string, init: { method?: string; body?: unknown; raw?: boolean } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  else if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, { method, headers, credentials: 'same-origin', body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  if (res.status === 401 && !path.startsWith('/v1/auth/')) onSignedOut();
  if (!res.ok) {
    let code = 'http_' + res.status;
    let message = res.statusText;
    try {
      const b = await res.json();
      code = b.error?.code ?? code;
      message = b.error?.message ?? message;
    } catch {
      /* not JSON */
    }
    throw new ApiError(res.status, code, message);
  }
  if (init.raw) return (await res.text()) as T;
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export async function whoAmI(): Promise<Me | null> {
  try {
    const me = await api<Me>('/v1/auth/me');
    if (me.csrfToken) csrf = me.csrfToken;
    return me;
  } catch (e) {
    if (token && e instanceof ApiError && e.status === 401) signOutLocal();
    return null;
  }
}

export async function signInWithPassword(email: string, password: string): Promise<Me> {
  token = null;
  sessionStorage.removeItem(TOKEN_KEY);
  const me = await api<Me>('/v1/auth/login', { method: 'POST', body: { email, password } });
  csrf = me.csrfToken ?? '';
  return me;
}

export async function signInWithToken(t: string): Promise<Me> {
  token = t.trim();
  const me = await api<Me>('/v1/auth/me').catch((e) => {
    token = null;
    throw e;
  });
  sessionStorage.setItem(TOKEN_KEY, token);
  return me;
}

function signOutLocal(): void {
  token = null;
  csrf = '';
  sessionStorage.removeItem(TOKEN_KEY);
}

export async function signOut(): Promise<void> {
  if (!token) await api('/v1/auth/logout', { method: 'POST' }).catch(() => {});
  signOutLocal();
}

/** Paths (and methods) of the OpenAPI document: pages whose API has not landed say so. */
let routes: Promise<Record<string, Record<string, unknown>>> | undefined;
export function apiRoutes(): Promise<Record<string, Record<string, unknown>>> {
  routes ??= fetch('/v1/openapi.json')
    .then((r) => r.json())
    .then((d) => d.paths ?? {})
    .catch(() => ({}));
  return routes;
}

export function qs(params: Record<string, string | number | undefined | null | false>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '' && v !== false) p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Download a text answer (exports) as a file. */
export async function download(path: string, filename: string): Promise<string> {
  const text = await api<string>(path, { raw: true });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  return text;
}
