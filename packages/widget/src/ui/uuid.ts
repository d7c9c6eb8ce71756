// The answer id is the collector's idempotency key, so it must be a real v4 uuid even on
// insecure origins where crypto.randomUUID is missing (getRandomValues is always there).
export const uuidv4 = (): string =>
  crypto.randomUUID?.() ??
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
    (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (+c / 4)))).toString(16),
  );
