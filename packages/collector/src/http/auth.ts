import type { Role } from '@hark/shared';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Principal, TokensService } from '../auth/tokens.ts';
import { CSRF_HEADER, SESSION_COOKIE, csrfMatches, readCookie, sessionServicesFor } from '../auth/sessions.ts';
import { HttpError } from './errors.ts';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every /v1/admin route passes here first: no token, no entry. An Authorization header is
 * checked as a bearer token exactly as always; without one, a dashboard session cookie is
 * accepted, and then state-changing methods must echo the session's CSRF token in X-CSRF-Token.
 */
export function authenticate(tokens: TokensService): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    try {
      const header = req.get('authorization') ?? '';
      const cookie = header ? undefined : readCookie(req.get('cookie'), SESSION_COOKIE);
      const sessions = cookie ? sessionServicesFor(tokens) : undefined;
      if (cookie && sessions) {
        const principal = await (await sessions).sessions.verify(cookie);
        if (!principal) throw new HttpError(401, 'unauthorized', 'session expired or signed out: sign in again');
        if (!SAFE_METHODS.has(req.method) && !csrfMatches(principal.csrf, req.get(CSRF_HEADER))) {
          throw new HttpError(403, 'forbidden', 'missing or wrong X-CSRF-Token header (sent with every change made with a session cookie)');
        }
        req.principal = principal;
        return next();
      }
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      if (!m) throw new HttpError(401, 'unauthorized', 'missing bearer token: send "Authorization: Bearer <token>"', undefined, { 'WWW-Authenticate': 'Bearer' });
      const principal = await tokens.verify(m[1]!);
      if (!principal) throw new HttpError(401, 'unauthorized', 'invalid or revoked token', undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
      req.principal = principal;
      next();
    } catch (err) {
      next(err);
    }
  };
}

/** Reading is open to every role; each writing route names the roles that may call it (admin always may). */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    const role = req.principal?.role;
    if (!role) return next(new HttpError(401, 'unauthorized', 'not authenticated'));
    if (role === 'admin' || roles.includes(role)) return next();
    next(new HttpError(403, 'forbidden', `role "${role}" may not do this; needs ${['admin', ...roles].join(' or ')}`));
  };
}
