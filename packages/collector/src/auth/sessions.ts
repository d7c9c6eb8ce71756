import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from '../store/port.ts';
import type { Collection } from '../store/port.ts';
import type { Principal, TokensService } from './tokens.ts';
import { accountsSpec, authFailuresSpec, sessionsSpec, type SessionDoc } from './collections.ts';
import { AccountsService, DEFAULT_LOCKOUT, type LockoutOptions } from './users.ts';

// Cookie sessions of dashboard accounts. The cookie carries 32 random bytes; the store keeps
// only their SHA-256, the account id, a CSRF token and an expiry (TTL index on MongoDB,
// checked on every read on the embedded store).

export const SESSION_COOKIE = 'hark_session';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_TTL_MS = 12 * 3600_000;

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

export interface SessionPrincipal extends Principal {
  accountId: string;
  email: string;
  csrf: string;
  expiresAt: string;
}

export class SessionsService {
  constructor(
    private readonly sessions: Collection<SessionDoc>,
    private readonly accounts: AccountsService,
    private readonly ttlMs = SESSION_TTL_MS,
  ) {}

  async create(accountId: string): Promise<{ id: string; csrf: string; expiresAt: Date }> {
    const id = randomBytes(32).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    const expiresAt = new Date(Date.now() + this.ttlMs);
    await this.sessions.insertOne({ hash: sha256(id), accountId, csrf, createdAt: new Date().toISOString(), expiresAt });
    return { id, csrf, expiresAt };
  }

  /** The signed-in account for a cookie value, with its current role (role changes apply at once). */
  async verify(id: string): Promise<SessionPrincipal | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(id)) return null;
    const hash = sha256(id);
    const s = await this.sessions.findOne({ hash });
    if (!s || !timingSafeEqual(Buffer.from(s.hash), Buffer.from(hash))) return null;
    if (new Date(s.expiresAt).getTime() <= Date.now()) {
      await this.sessions.deleteMany({ hash });
      return null;
    }
    const a = await this.accounts.get(s.accountId);
    if (!a || a.disabled) return null;
    return {
      tokenId: a.id,
      accountId: a.id,
      name: a.name,
      email: a.email,
      role: a.role,
      csrf: s.csrf,
      expiresAt: new Date(s.expiresAt).toISOString(),
    };
  }

  async revoke(id: string): Promise<void> {
    await this.sessions.deleteMany({ hash: sha256(id) });
  }

  async revokeAccount(accountId: string): Promise<void> {
    await this.sessions.deleteMany({ accountId });
  }
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface AccountServices {
  accounts: AccountsService;
  sessions: SessionsService;
}

// The admin router's `authenticate(tokens)` finds the session service through the
// tokens service of the same app: no change to how services are wired.
const registry = new WeakMap<TokensService, Promise<AccountServices>>();

export function accountServices(store: Store, tokens: TokensService, lockout: LockoutOptions = DEFAULT_LOCKOUT): Promise<AccountServices> {
  let p = registry.get(tokens);
  if (!p) {
    p = (async () => {
      const [accounts, sessions, failures] = await Promise.all([
        store.collection(accountsSpec),
        store.collection(sessionsSpec),
        store.collection(authFailuresSpec),
      ]);
      const acc = new AccountsService(accounts, failures, lockout);
      return { accounts: acc, sessions: new SessionsService(sessions, acc) };
    })();
    registry.set(tokens, p);
  }
  return p;
}

export function sessionServicesFor(tokens: TokensService): Promise<AccountServices> | undefined {
  return registry.get(tokens);
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
