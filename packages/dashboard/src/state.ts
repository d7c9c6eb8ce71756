import { api, type Me } from './api.ts';
import { signal } from './signal.ts';

export const me = signal<Me | null | undefined>(undefined);
export const siteKey = signal<string>(localStorage.getItem('hark:site') ?? '');
export const sites = signal<{ key: string; name: string; allowedOrigins: string[] }[]>([]);

export function setSite(k: string): void {
  localStorage.setItem('hark:site', k);
  siteKey.set(k);
}

export async function loadSites(): Promise<void> {
  const r = await api<{ items: { key: string; name: string; allowedOrigins: string[] }[] }>('/v1/admin/sites');
  sites.set(r.items);
  if (!r.items.some((s) => s.key === siteKey.get()) && r.items[0]) setSite(r.items[0].key);
}

export const can = (...roles: string[]) => {
  const r = me.get()?.role;
  return r === 'admin' || (!!r && roles.includes(r));
};
