import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { Role } from '@hark/shared';
import { z } from 'zod';
import { HttpError, notFound } from '../http/errors.ts';
import type { Collection } from '../store/port.ts';
import type { AccountDoc, AuthFailureDoc } from './collections.ts';

// Dashboard accounts: e-mail + password (scrypt, per-user salt), a role, managed by admins.

const scrypt = (pw: string, salt: Buffer, keylen: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(pw, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))));

const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, KEYLEN, { N, r: R, p: P, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, saltB64, keyB64] = stored.split('$');
  if (alg !== 'scrypt' || !saltB64 || !keyB64) return false;
  const expected = Buffer.from(keyB64, 'base64');
  const key = await scrypt(password.normalize('NFC'), Buffer.from(saltB64, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Compared against when the e-mail is unknown, so timing does not tell which accounts exist. */
let dummyHash: Promise<string> | undefined;

export const Email = z.email().max(254).transform((e) => e.trim().toLowerCase());
export const Password = z.string().min(10, 'at least 10 characters').max(200);

export const AccountCreate = z
  .strictObject({ email: Email, name: z.string().min(1).max(100).optional(), role: Role, password: Password })
  .meta({ id: 'AccountCreate' });
export const AccountPatch = z
  .strictObject({ name: z.string().min(1).max(100).optional(), role: Role.optional(), password: Password.optional(), disabled: z.boolean().optional() })
  .meta({ id: 'AccountPatch' });
export const AccountInfo = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: Role,
    disabled: z.boolean().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
    lastLoginAt: z.string().optional(),
  })
  .meta({ id: 'AccountInfo' });
export type AccountInfo = z.infer<typeof AccountInfo>;
export const LoginBody = z.strictObject({ email: z.string().max(254), password: z.string().max(200) }).meta({ id: 'LoginBody' });

export function publicAccount(d: AccountDoc): AccountInfo {
  const { passwordHash: _h, _id: _i, ...rest } = d as AccountDoc & { _id?: unknown };
  return rest as AccountInfo;
}

export interface LockoutOptions {
  maxPerAccount: number;
  maxPerIp: number;
  windowMs: number;
  lockMs: number;
}
export const DEFAULT_LOCKOUT: LockoutOptions = { maxPerAccount: 5, maxPerIp: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export class AccountsService {
  constructor(
    readonly accounts: Collection<AccountDoc>,
    private readonly failures: Collection<AuthFailureDoc>,
    private readonly lockout: LockoutOptions = DEFAULT_LOCKOUT,
  ) {}

  async list(): Promise<AccountInfo[]> {
    return (await this.accounts.find({}, { sort: { createdAt: 1 } })).map(publicAccount);
  }

  async get(id: string): Promise<AccountDoc | null> {
    return this.accounts.findOne({ id });
  }

  async create(input: z.output<typeof AccountCreate>): Promise<AccountInfo> {
    if (await this.accounts.findOne({ email: input.email })) throw new HttpError(409, 'conflict', `an account with e-mail "${input.email}" exists`);
    const now = new Date().toISOString();
    const doc: AccountDoc = {
      id: `acct_${randomBytes(6).toString('hex')}`,
      email: input.email,
      name: input.name ?? input.email.split('@')[0]!,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      createdAt: now,
      updatedAt: now,
    };
    await this.accounts.insertOne(doc);
    return publicAccount(doc);
  }

  async patch(id: string, p: z.output<typeof AccountPatch>): Promise<AccountInfo> {
    const set: Record<string, unknown> = { updatedAt: new Date().toISOString() };
    if (p.name !== undefined) set.name = p.name;
    if (p.role !== undefined) set.role = p.role;
    if (p.disabled !== undefined) set.disabled = p.disabled;
    if (p.password !== undefined) set.passwordHash = await hashPassword(p.password);
    if ((p.role !== undefined && p.role !== 'admin') || p.disabled) await this.keepOneAdmin(id);
    const doc = await this.accounts.findOneAndUpdate({ id }, { $set: set });
    if (!doc) throw notFound(`account "${id}"`);
    return publicAccount(doc);
  }

  async delete(id: string): Promise<void> {
    await this.keepOneAdmin(id);
    if ((await this.accounts.deleteMany({ id })) === 0) throw notFound(`account "${id}"`);
  }

  /** Accounts are not the only way in (admin tokens exist), but never remove the last admin account silently. */
  private async keepOneAdmin(id: string): Promise<void> {
    const doc = await this.accounts.findOne({ id });
    if (doc?.role !== 'admin') return;
    const admins = await this.accounts.count({ role: 'admin', disabled: { $ne: true } });
    if (admins <= 1) throw new HttpError(409, 'conflict', 'this is the last admin account: make another admin first');
  }

  /** Seconds until the key may try again, or 0. */
  private async lockedFor(key: string): Promise<number> {
    const f = await this.failures.findOne({ key });
    const until = f?.lockedUntil ? new Date(f.lockedUntil).getTime() : 0;
    return until > Date.now() ? Math.ceil((until - Date.now()) / 1000) : 0;
  }

  private async fail(key: string, max: number): Promise<void> {
    const now = Date.now();
    const doc = await this.failures.findOneAndUpdate(
      { key },
      { $inc: { count: 1 }, $setOnInsert: { expiresAt: new Date(now + this.lockout.windowMs) } },
      { upsert: true },
    );
    if (doc && new Date(doc.expiresAt).getTime() < now) {
      // An old window (the embedded store purges lazily): start over.
      await this.failures.updateOne({ key }, { $set: { count: 1, expiresAt: new Date(now + this.lockout.windowMs) }, $unset: { lockedUntil: '' } });
      return;
    }
    if (doc && doc.count >= max) {
      const until = new Date(now + this.lockout.lockMs);
      await this.failures.updateOne({ key }, { $set: { lockedUntil: until, expiresAt: until, count: 0 } });
    }
  }

  /**
   * Checks an e-mail and password. Locked accounts and addresses are refused before the
   * password is looked at (429 with Retry-After), so a lockout cannot be probed for the right password.
   */
  async authenticate(emailRaw: string, password: string, ip: string): Promise<AccountDoc> {
    const email = emailRaw.trim().toLowerCase();
    const acctKey = `acct:${email}`;
    const ipKey = `ip:${ip}`;
    const wait = Math.max(await this.lockedFor(acctKey), await this.lockedFor(ipKey));
    if (wait > 0) {
      throw new HttpError(429, 'rate_limited', `too many failed sign-ins: try again in ${Math.ceil(wait / 60)} min`, undefined, { 'Retry-After': String(wait) });
    }
    const doc = await this.accounts.findOne({ email });
    const ok = doc && !doc.disabled ? await verifyPassword(password, doc.passwordHash) : await verifyPassword(password, await (dummyHash ??= hashPassword('not a real password')));
    if (!doc || doc.disabled || !ok) {
      await this.fail(acctKey, this.lockout.maxPerAccount);
      await this.fail(ipKey, this.lockout.maxPerIp);
      throw new HttpError(401, 'unauthorized', 'wrong e-mail or password');
    }
    await this.failures.deleteMany({ key: acctKey });
    await this.accounts.updateOne({ id: doc.id }, { $set: { lastLoginAt: new Date().toISOString() } });
    return doc;
  }
}
