import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Services } from '../../services.ts';
import { authenticate, requireRole } from '../auth.ts';
import { jsonBody } from '../body.ts';
import { HttpError, parseOr400 } from '../errors.ts';
import { error, json, ref } from '../../openapi/fragments.ts';
import { accountServices, readCookie, SESSION_COOKIE, type SessionPrincipal } from '../../auth/sessions.ts';
import { AccountCreate, AccountInfo, AccountPatch, LoginBody } from '../../auth/users.ts';

/**
 * `Secure` is set when the request came over https, when HARK_PUBLIC_URL is https, or when the
 * host is loopback (browsers treat http://127.0.0.1 and http://localhost as secure contexts and keep
 * Secure cookies there). On plain http to any other host a Secure cookie would be dropped by the
 * browser, so it is left out there: put the collector behind https in production.
 */
export function cookieIsSecure(req: Request): boolean {
  if (req.secure || /^https:/i.test(process.env.HARK_PUBLIC_URL ?? '')) return true;
  return /^(localhost|127(\.\d+){3}|\[::1\])(:\d+)?$/i.test(req.get('host') ?? '');
}

function setSessionCookie(req: Request, res: Response, value: string, maxAgeS: number): void {
  const parts = [`${SESSION_COOKIE}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeS}`];
  if (cookieIsSecure(req)) parts.push('Secure');
  res.append('Set-Cookie', parts.join('; '));
}

/**
 * Dashboard sign-in (/v1/auth/*) and account management (/v1/admin/accounts*, admin only).
 * Mounted in app.ts before the admin router.
 */
export function sessionAuthRoutes(services: Services, bodyLimitKb: number): Router {
  const r = Router();
  const body = jsonBody(bodyLimitKb, false);
  const auth = accountServices(services.store, services.tokens);
  const who = authenticate(services.tokens);
  const noStore = (_req: Request, res: Response, next: () => void) => {
    res.set('Cache-Control', 'no-store');
    next();
  };

  r.post('/v1/auth/login', noStore, ...body, async (req, res) => {
    const { accounts, sessions } = await auth;
    const { email, password } = parseOr400(LoginBody, req.body);
    const account = await accounts.authenticate(email, password, req.ip ?? 'unknown');
    const old = readCookie(req.get('cookie'), SESSION_COOKIE);
    if (old) await sessions.revoke(old); // no session fixation: a new id at every sign-in
    const s = await sessions.create(account.id);
    setSessionCookie(req, res, s.id, Math.floor((s.expiresAt.getTime() - Date.now()) / 1000));
    res.json({
      kind: 'session',
      account: { id: account.id, email: account.email, name: account.name, role: account.role },
      role: account.role,
      name: account.name,
      csrfToken: s.csrf,
      expiresAt: s.expiresAt.toISOString(),
    });
  });

  r.post('/v1/auth/logout', noStore, who, async (req, res) => {
    const { sessions } = await auth;
    const cookie = readCookie(req.get('cookie'), SESSION_COOKIE);
    if (cookie && !req.get('authorization')) await sessions.revoke(cookie);
    setSessionCookie(req, res, '', 0);
    res.status(204).end();
  });

  r.get('/v1/auth/me', noStore, who, (req, res) => {
    const p = req.principal as SessionPrincipal;
    if (p.accountId) {
      res.json({
        kind: 'session',
        account: { id: p.accountId, email: p.email, name: p.name, role: p.role },
        role: p.role,
        name: p.name,
        csrfToken: p.csrf,
        expiresAt: p.expiresAt,
      });
    } else res.json({ kind: 'token', role: p.role, name: p.name, tokenId: p.tokenId });
  });

  // ---- accounts (admin)
  const admin = [noStore, who, requireRole()];
  const idParam = (v: unknown) => parseOr400(z.string().min(1).max(100), v, 'path parameter id');
  r.get('/v1/admin/accounts', ...admin, async (_req, res) => {
    res.json({ items: await (await auth).accounts.list() });
  });
  r.post('/v1/admin/accounts', ...admin, ...body, async (req, res) => {
    res.status(201).json(await (await auth).accounts.create(parseOr400(AccountCreate, req.body)));
  });
  r.patch('/v1/admin/accounts/:id', ...admin, ...body, async (req, res) => {
    const { accounts, sessions } = await auth;
    const patch = parseOr400(AccountPatch, req.body);
    const id = idParam(req.params.id);
    const updated = await accounts.patch(id, patch);
    // A new password or a disabled account ends the account's sessions.
    if (patch.password || patch.disabled) await sessions.revokeAccount(id);
    res.json(updated);
  });
  r.delete('/v1/admin/accounts/:id', ...admin, async (req, res) => {
    const { accounts, sessions } = await auth;
    const id = idParam(req.params.id);
    const p = req.principal as SessionPrincipal;
    if (p.accountId === id) throw new HttpError(409, 'conflict', 'you cannot delete the account you are signed in with');
    await accounts.delete(id);
    await sessions.revokeAccount(id);
    res.status(204).end();
  });
  return r;
}

// ---- OpenAPI
const j = json;
const err = error;
const errs = { '400': err('Invalid input'), '401': err('Not signed in'), '403': err('Not an admin, or missing X-CSRF-Token with a session cookie'), '404': err('Not found') };
const sec = [{ bearer: [] }, { session: [] }];
// AccountInfo, AccountCreate, AccountPatch and LoginBody carry .meta({ id }): the document
// generator puts them in components.schemas, so paths only reference them.
void [AccountInfo, AccountCreate, AccountPatch, LoginBody];
const acct = ref('AccountInfo');
const create = ref('AccountCreate');
const patch = ref('AccountPatch');
const login = ref('LoginBody');
const me = {
  type: 'object',
  properties: {
    kind: { enum: ['session', 'token'] },
    role: { enum: ['admin', 'pm', 'po', 'viewer'] },
    name: { type: 'string' },
    account: { type: 'object' },
    csrfToken: { type: 'string', description: 'Send it as X-CSRF-Token with every POST/PATCH/PUT/DELETE made with the session cookie' },
    expiresAt: { type: 'string' },
  },
};
const idP = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

export const sessionAuthPaths: Record<string, unknown> = {
  '/v1/auth/login': {
    post: {
      summary: 'Sign in with e-mail and password: sets the session cookie (HttpOnly; SameSite=Lax; Secure on https/loopback) and returns the CSRF token',
      description: 'After 5 failed attempts for one account (20 from one IP) within 15 minutes, sign-in is refused for 15 minutes (429 + Retry-After).',
      requestBody: { required: true, content: { 'application/json': { schema: login } } },
      responses: { '200': j(me), '400': errs['400'], '401': err('Wrong e-mail or password'), '429': err('Locked out: see Retry-After') },
    },
  },
  '/v1/auth/logout': {
    post: { summary: 'Sign out: ends the session and clears the cookie (X-CSRF-Token required with a cookie)', security: sec, responses: { '204': { description: 'Signed out' }, '401': errs['401'], '403': errs['403'] } },
  },
  '/v1/auth/me': {
    get: { summary: 'Who is signed in (session cookie or bearer token), with the role and, for a session, the CSRF token', security: sec, responses: { '200': j(me), '401': errs['401'] } },
  },
  '/v1/admin/accounts': {
    get: { summary: 'Dashboard accounts (admin)', security: sec, responses: { '200': j({ type: 'object', properties: { items: { type: 'array', items: acct } } }), ...errs } },
    post: { summary: 'Create a dashboard account (admin); the password is stored as scrypt with a per-account salt', security: sec, requestBody: { required: true, content: { 'application/json': { schema: create } } }, responses: { '201': j(acct), '409': err('E-mail taken'), ...errs } },
  },
  '/v1/admin/accounts/{id}': {
    patch: { summary: 'Change name, role, password or disable an account (admin); a new password or disabling ends its sessions', security: sec, parameters: [idP], requestBody: { required: true, content: { 'application/json': { schema: patch } } }, responses: { '200': j(acct), '409': err('Last admin account'), ...errs } },
    delete: { summary: 'Delete an account (admin) and its sessions', security: sec, parameters: [idP], responses: { '204': { description: 'Deleted' }, '409': err('Own or last admin account'), ...errs } },
  },
};
