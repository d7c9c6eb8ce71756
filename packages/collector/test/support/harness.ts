import { randomUUID } from 'node:crypto';
import type { ResponseInput } from '@hark/shared';
import { startHark, type RunningHark, type StartOptions } from '../../src/server.ts';

export const ADMIN = 'test-admin-token-0123456789';

/** A fetch Response whose json() is loosely typed: tests assert on the shape themselves. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TestResponse = Omit<Response, 'json'> & { json(): Promise<any> };

export interface Harness extends RunningHark {
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  admin(path: string, init?: RequestInit & { token?: string }): Promise<TestResponse>;
}

/** fetch() for tests, with the same loosely typed json(). */
export const get = (url: string, init?: RequestInit): Promise<TestResponse> => fetch(url, init);

export async function startTestHark(opts: StartOptions = {}): Promise<Harness> {
  const h = await startHark({ seedDemo: true, adminToken: ADMIN, ...opts });
  return Object.assign(h, {
    post: (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(h.url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    admin: (path: string, init: RequestInit & { token?: string } = {}) =>
      fetch(h.url + path, {
        ...init,
        headers: {
          authorization: `Bearer ${init.token ?? ADMIN}`,
          ...(init.body ? { 'content-type': 'application/json' } : {}),
          ...(init.headers as Record<string, string> | undefined),
        },
      }),
  });
}

export function npsResponse(over: Partial<ResponseInput> = {}): ResponseInput {
  return {
    id: randomUUID(),
    surveyId: 'demo-nps',
    type: 'nps',
    score: 8,
    comment: 'Works well, the export could be faster.',
    locale: 'en',
    context: { url: 'https://shop.example.com/account' },
    ...over,
  };
}

export async function listAll(h: Harness, query: string): Promise<{ id: string; [k: string]: unknown }[]> {
  const out: { id: string }[] = [];
  let cursor: string | null = null;
  do {
    const res = await h.admin(`/v1/admin/responses?${query}&limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    const body = (await res.json()) as { items: { id: string }[]; nextCursor: string | null };
    out.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return out;
}
