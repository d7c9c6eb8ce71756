import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role, TokenInfo } from '@hark/shared';
import { notFound } from '../http/errors.ts';
import type { Collection } from '../store/port.ts';
import type { TokenDoc } from '../store/collections.ts';

export interface Principal {
  tokenId: string;
  name: string;
  role: Role;
}

/**
 * Tokens are 32 random bytes, so a plain SHA-256 is enough to store them: unlike
 * passwords they cannot be guessed from a dictionary, and lookup by hash stays O(1).
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function generateToken(): string {
  return `hark_${randomBytes(32).toString('base64url')}`;
}

const VERIFY_CACHE_MS = 30_000;

export class TokensService {
  private cache = new Map<string, { principal: Principal | null; at: number }>();

  constructor(private readonly tokens: Collection<TokenDoc>) {}

  async create(name: string, role: Role): Promise<{ token: string; info: TokenInfo }> {
    const token = generateToken();
    const info: TokenInfo = { id: `tok_${randomBytes(6).toString('hex')}`, name, role, createdAt: new Date().toISOString() };
    await this.tokens.insertOne({ hash: hashToken(token), ...info });
    return { token, info };
  }

  async verify(token: string): Promise<Principal | null> {
    const hash = hashToken(token);
    const hit = this.cache.get(hash);
    if (hit && Date.now() - hit.at < VERIFY_CACHE_MS) return hit.principal;
    const doc = await this.tokens.findOne({ hash });
    // Compare again in constant time so a cache or index quirk can never match a different hash.
    const ok = doc && timingSafeEqual(Buffer.from(String(doc.hash)), Buffer.from(hash));
    const principal = ok ? { tokenId: String(doc.id), name: String(doc.name), role: doc.role as Role } : null;
    this.cache.set(hash, { principal, at: Date.now() });
    if (principal) void this.tokens.updateOne({ hash }, { $set: { lastUsedAt: new Date().toISOString() } }).catch(() => {});
    return principal;
  }

  async list(): Promise<TokenInfo[]> {
    const docs = await this.tokens.find({}, { sort: { createdAt: 1 }, projection: { hash: 0 } });
    return docs as unknown as TokenInfo[];
  }

  async revoke(id: string): Promise<void> {
    const n = await this.tokens.deleteMany({ id });
    if (n === 0) throw notFound(`token "${id}"`);
    this.cache.clear();
  }

  /**
   * HARK_ADMIN_TOKEN, when set, is registered as an admin token. Otherwise, when no
   * admin token exists yet, one is generated and returned so the caller prints it once.
   */
  async bootstrap(adminToken: string | undefined): Promise<string | null> {
    if (adminToken) {
      await this.tokens.updateOne(
        { hash: hashToken(adminToken) },
        { $setOnInsert: { id: 'tok_bootstrap', name: 'HARK_ADMIN_TOKEN', role: 'admin', createdAt: new Date().toISOString() } },
        { upsert: true },
      );
      return null;
    }
    if ((await this.tokens.count({ role: 'admin' })) > 0) return null;
    const { token } = await this.create('first admin', 'admin');
    return token;
  }
}
