import type { CollectionSpec, Doc } from '../store/port.ts';

// Collections of dashboard sign-in: accounts (people), their sessions, and failed
// sign-in counters for the lockout. Kept apart from store/collections.ts on purpose.

export interface AccountDoc extends Doc {
  id: string;
  /** Lower-cased. */
  email: string;
  name: string;
  role: 'admin' | 'pm' | 'po' | 'viewer';
  /** "scrypt$N$r$p$saltB64$hashB64" */
  passwordHash: string;
  disabled?: boolean;
  createdAt: string;
  updatedAt: string;
  lastLoginAt?: string;
}

export interface SessionDoc extends Doc {
  /** SHA-256 of the session id: the cookie value is never stored. */
  hash: string;
  accountId: string;
  csrf: string;
  createdAt: string;
  expiresAt: Date;
}

export interface AuthFailureDoc extends Doc {
  key: string;
  count: number;
  lockedUntil?: Date;
  expiresAt: Date;
}

export const accountsSpec: CollectionSpec<AccountDoc> = {
  name: 'accounts',
  key: (d) => d.id,
  indexes: [{ fields: { id: 1 }, unique: true }, { fields: { email: 1 } }],
};

export const sessionsSpec: CollectionSpec<SessionDoc> = {
  name: 'sessions',
  key: (d) => d.hash,
  indexes: [{ fields: { accountId: 1 } }, { fields: { expiresAt: 1 }, expireAfterSeconds: 0 }],
};

export const authFailuresSpec: CollectionSpec<AuthFailureDoc> = {
  name: 'auth_failures',
  key: (d) => d.key,
  indexes: [{ fields: { expiresAt: 1 }, expireAfterSeconds: 0 }],
};
