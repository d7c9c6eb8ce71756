import type { ErrorCode, ErrorIssue } from '@hark/shared';
import { z } from 'zod';

/** An error meant for the client: it carries the HTTP status and a stable code. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} not found`);

/** "[2].context.url" for batches, "context.url" for single bodies. */
export function issuePath(path: PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(root)';
}

export function validationError(error: z.ZodError, prefix: PropertyKey[] = [], what = 'request body'): HttpError {
  const issues = error.issues.slice(0, 50).map((i) => ({ path: issuePath([...prefix, ...i.path]), message: i.message }));
  const first = issues[0];
  const message = first ? `Invalid ${what}: ${first.path}: ${first.message}` : `Invalid ${what}`;
  return new HttpError(400, 'validation_failed', message, issues);
}

/** Parses with zod and throws a 400 naming the fields on failure. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, what = 'request body'): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw validationError(r.error, [], what);
  return r.data;
}
