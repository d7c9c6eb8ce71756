import { issuePath } from './errors.ts';

const POISON = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 12;

/**
 * Walks a parsed JSON body before any validation: keys that reach an object's
 * prototype or read as MongoDB operators are refused, and so is nesting deeper
 * than any Hark payload needs. Zod alone cannot see a "__proto__" key: by the
 * time its output object is built, assigning that key has already been swallowed.
 */
export function findUnsafeKey(value: unknown, path: PropertyKey[] = []): { path: string; message: string } | null {
  if (path.length > MAX_DEPTH) return { path: issuePath(path), message: `nested deeper than ${MAX_DEPTH} levels` };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = findUnsafeKey(value[i], [...path, i]);
      if (bad) return bad;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (POISON.has(key)) return { path: issuePath([...path, key]), message: 'this key is not allowed' };
      if (key.startsWith('$')) return { path: issuePath([...path, key]), message: 'keys starting with "$" are not allowed' };
      const bad = findUnsafeKey((value as Record<string, unknown>)[key], [...path, key]);
      if (bad) return bad;
    }
  }
  return null;
}
