import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { type Harness, startTestHark, get } from '../support/harness.ts';
import { accountsSpec, sessionsSpec } from '../../src/auth/collections.ts';

let h: Harness;
const PW = 'correct horse battery';

async function createAccount(email: string, role = 'pm', password = PW) {
  const res = await h.admin('/v1/admin/accounts', { method: 'POST', body: JSON.stringify({ email, role, password }) });
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json();
}

async function login(email: string, password = PW, headers: Record<string, string> = {}) {
  const res = await get(`${h.url}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ email, password }) });
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = /hark_session=([^;]*)/.exec(setCookie)?.[1] ?? '';
  return { res, setCookie, cookie: `hark_session=${cookie}`, body: res.status === 200 ? await res.json() : await res.json().catch(() => null) };
}

beforeAll(async () => {
  h = await startTestHark();
});
afterAll(async () => {
  await h?.close();
});

describe('dashboard accounts and sessions', () => {
  it('creates an account without ever returning its password hash; the hash is scrypt with a salt', async () => {
    const a = await createAccount('Ana@Example.com', 'pm');
    expect(a).toMatchObject({ email: 'ana@example.com', role: 'pm' });
    expect(JSON.stringify(a)).not.toMatch(/scrypt|password/i);
    const list = await (await h.admin('/v1/admin/accounts')).json();
    expect(JSON.stringify(list)).not.toMatch(/scrypt|passwordHash/);
    const docs = await (await h.services.store.collection(accountsSpec)).find({ email: 'ana@example.com' });
    expect(docs[0]!.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]{20,}\$/);
    // duplicate e-mail
    const dup = await h.admin('/v1/admin/accounts', { method: 'POST', body: JSON.stringify({ email: 'ana@example.com', role: 'po', password: PW }) });
    expect(dup.status).toBe(409);
    const weak = await h.admin('/v1/admin/accounts', { method: 'POST', body: JSON.stringify({ email: 'b@example.com', role: 'po', password: 'short' }) });
    expect(weak.status).toBe(400);
  });

  it('signs in: HttpOnly, SameSite=Lax, Secure (loopback) cookie; the store keeps only the hash of the session id', async () => {
    await createAccount('bob@example.com', 'po');
    const { res, setCookie, cookie, body } = await login('BOB@example.com');
    expect(res.status).toBe(200);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/Path=\//);
    expect(body).toMatchObject({ kind: 'session', role: 'po', account: { email: 'bob@example.com' } });
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const id = cookie.split('=')[1]!;
    const sessions = await (await h.services.store.collection(sessionsSpec)).find({});
    expect(JSON.stringify(sessions)).not.toContain(id);
    expect(sessions.some((s) => s.hash === createHash('sha256').update(id).digest('hex'))).toBe(true);

    const me = await (await get(`${h.url}/v1/auth/me`, { headers: { cookie } })).json();
    expect(me).toMatchObject({ kind: 'session', role: 'po', csrfToken: body.csrfToken });
  });

  it('omits Secure on plain http to a non-loopback host, keeps it when HARK_PUBLIC_URL is https', async () => {
    await createAccount('host@example.com', 'viewer');
    // fetch() cannot change the Host header: use node:http.
    const viaHost = () =>
      new Promise<string>((resolve, reject) => {
        const body = JSON.stringify({ email: 'host@example.com', password: PW });
        const req = request(`${h.url}/v1/auth/login`, { method: 'POST', headers: { host: 'hark.internal:4600', 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
          res.resume();
          res.on('end', () => resolve(String(res.headers['set-cookie'] ?? '')));
        });
        req.on('error', reject);
        req.end(body);
      });
    expect(await viaHost()).toMatch(/HttpOnly/);
    expect(await viaHost()).not.toMatch(/Secure/);
    process.env.HARK_PUBLIC_URL = 'https://hark.example.com';
    try {
      expect(await viaHost()).toMatch(/Secure/);
    } finally {
      delete process.env.HARK_PUBLIC_URL;
    }
  });

  it('a session cookie reads freely but changes only with the CSRF token', async () => {
    await createAccount('carl@example.com', 'pm');
    const { cookie, body } = await login('carl@example.com');
    expect((await get(`${h.url}/v1/admin/sites`, { headers: { cookie } })).status).toBe(200);
    const survey = { name: 'From the dashboard', kind: 'nps' };
    const post = (headers: Record<string, string>) =>
      get(`${h.url}/v1/admin/sites/demo/surveys`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', ...headers }, body: JSON.stringify(survey) });
    const noCsrf = await post({});
    expect(noCsrf.status).toBe(403);
    expect((await noCsrf.json()).error.message).toMatch(/CSRF/);
    expect((await post({ 'x-csrf-token': 'wrong-token-wrong-token-wrong' })).status).toBe(403);
    expect((await post({ 'x-csrf-token': body.csrfToken })).status).toBe(201);
    // the role of the account applies: a pm is not an admin
    expect((await get(`${h.url}/v1/admin/tokens`, { headers: { cookie } })).status).toBe(403);
  });

  it('bearer tokens work exactly as before, cookie or not; a bad bearer is not rescued by a good cookie', async () => {
    const { cookie } = await login('carl@example.com');
    expect((await h.admin('/v1/admin/tokens', { headers: { cookie } })).status).toBe(200);
    expect((await h.admin('/v1/admin/sites', { token: 'hark_nope', headers: { cookie } })).status).toBe(401);
    const me = await (await h.admin('/v1/auth/me')).json();
    expect(me).toMatchObject({ kind: 'token', role: 'admin' });
    expect(me.csrfToken).toBeUndefined();
  });

  it('logout ends the session and clears the cookie', async () => {
    const { cookie, body } = await login('carl@example.com');
    const noCsrf = await get(`${h.url}/v1/auth/logout`, { method: 'POST', headers: { cookie } });
    expect(noCsrf.status).toBe(403);
    const out = await get(`${h.url}/v1/auth/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': body.csrfToken } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/hark_session=;.*Max-Age=0/);
    expect((await get(`${h.url}/v1/admin/sites`, { headers: { cookie } })).status).toBe(401);
    expect((await get(`${h.url}/v1/auth/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('locks an account for 15 minutes after 5 failures, even for the right password', async () => {
    await createAccount('dora@example.com', 'pm');
    for (let i = 0; i < 5; i++) {
      const r = await login('dora@example.com', 'wrong password!', { 'x-forwarded-for': '10.0.0.1' });
      expect(r.res.status).toBe(401);
      expect(r.body.error.message).toBe('wrong e-mail or password');
    }
    const locked = await login('dora@example.com');
    expect(locked.res.status).toBe(429);
    expect(Number(locked.res.headers.get('retry-after'))).toBeGreaterThan(800);
    // other accounts are unaffected
    expect((await login('carl@example.com')).res.status).toBe(200);
  });

  it('unknown e-mails fail like wrong passwords', async () => {
    const r = await login('nobody@example.com');
    expect(r.res.status).toBe(401);
    expect(r.body.error.message).toBe('wrong e-mail or password');
  });

  it('changing the password or disabling an account ends its sessions; a role change applies at once', async () => {
    const a = await createAccount('eve@example.com', 'viewer');
    const { cookie } = await login('eve@example.com');
    await h.admin(`/v1/admin/accounts/${a.id}`, { method: 'PATCH', body: JSON.stringify({ role: 'po' }) });
    expect((await (await get(`${h.url}/v1/auth/me`, { headers: { cookie } })).json()).role).toBe('po');
    const p = await h.admin(`/v1/admin/accounts/${a.id}`, { method: 'PATCH', body: JSON.stringify({ password: 'another long password' }) });
    expect(p.status).toBe(200);
    expect((await get(`${h.url}/v1/auth/me`, { headers: { cookie } })).status).toBe(401);
    expect((await login('eve@example.com', 'another long password')).res.status).toBe(200);
    expect((await h.admin(`/v1/admin/accounts/${a.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await login('eve@example.com', 'another long password')).res.status).toBe(401);
  });

  it('account management is admin-only, and refuses without credentials', async () => {
    const viewer = (await (await h.admin('/v1/admin/tokens', { method: 'POST', body: JSON.stringify({ name: 'v', role: 'viewer' }) })).json()).token;
    const routes: [string, string][] = [
      ['GET', '/v1/admin/accounts'],
      ['POST', '/v1/admin/accounts'],
      ['PATCH', '/v1/admin/accounts/acct_x'],
      ['DELETE', '/v1/admin/accounts/acct_x'],
    ];
    for (const [method, path] of routes) {
      const body = method === 'POST' || method === 'PATCH' ? '{}' : undefined;
      const none = await get(h.url + path, { method, headers: { 'content-type': 'application/json' }, body });
      expect(none.status, `${method} ${path}`).toBe(401);
      const v = await get(h.url + path, { method, headers: { authorization: `Bearer ${viewer}`, 'content-type': 'application/json' }, body });
      expect(v.status, `${method} ${path}`).toBe(403);
    }
  });

  it('documents every auth and account route in the OpenAPI document', async () => {
    const doc = await (await get(`${h.url}/v1/openapi.json`)).json();
    for (const [p, m] of [
      ['/v1/auth/login', 'post'],
      ['/v1/auth/logout', 'post'],
      ['/v1/auth/me', 'get'],
      ['/v1/admin/accounts', 'get'],
      ['/v1/admin/accounts', 'post'],
      ['/v1/admin/accounts/{id}', 'patch'],
      ['/v1/admin/accounts/{id}', 'delete'],
    ] as const) {
      expect(doc.paths[p]?.[m], `${m} ${p}`).toBeDefined();
    }
  });
});

describe('per-IP lockout', () => {
  let h2: Harness;
  beforeAll(async () => {
    h2 = await startTestHark({ trustProxy: 'true' });
  });
  afterAll(async () => {
    await h2?.close();
  });
  it('locks an address after 20 failures across accounts', async () => {
    const post = (email: string, password: string, ip: string) =>
      get(`${h2.url}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify({ email, password }) });
    await h2.admin('/v1/admin/accounts', { method: 'POST', body: JSON.stringify({ email: 'real@example.com', role: 'pm', password: PW }) });
    for (let i = 0; i < 20; i++) expect((await post(`x${i}@example.com`, 'nope nope nope', '203.0.113.9')).status).toBe(401);
    expect((await post('real@example.com', PW, '203.0.113.9')).status).toBe(429);
    expect((await post('real@example.com', PW, '203.0.113.10')).status).toBe(200);
  });
});
