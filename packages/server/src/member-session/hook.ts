// Reads the member cookie on every /api/m/* request. Reads are open (a landing page is seen before signup);
// handlers that need a member call requireMember(). Writes must carry the header `x-qunyun-member: 1`: a form on
// another site cannot set it, so a cross-site POST never acts for the member (the cookie is SameSite=Lax too).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../http/errors.js';
import { MEMBER_COOKIE, type MemberContext, type MemberSessions } from './service.js';

export const MEMBER_WRITE_HEADER = 'x-qunyun-member';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    memberContext: MemberContext | null;
  }
}

export function installMemberHook(app: FastifyInstance, sessions: MemberSessions): void {
  app.decorateRequest('memberContext', null);
  app.addHook('onRequest', async (req) => {
    const route = req.routeOptions.url;
    if (!route?.startsWith('/api/m/')) return;
    if (!SAFE_METHODS.has(req.method) && req.headers[MEMBER_WRITE_HEADER] !== '1') {
      throw new AppError(403, 'member.write_header', `Writes need the header ${MEMBER_WRITE_HEADER}: 1`);
    }
    const cookie = req.cookies[MEMBER_COOKIE];
    req.memberContext = cookie ? await sessions.fromCookie(cookie) : null;
  });
}

/** The signed-in member, or a 401 the member pages answer by showing the sign-in step. */
export function requireMember(req: FastifyRequest): MemberContext {
  if (!req.memberContext) throw new AppError(401, 'member.signin_required', 'Sign in first (open the campaign link again)');
  return req.memberContext;
}

/** Sets the member cookie: HttpOnly, SameSite=Lax, for the whole site (the pages live under /m, the API under /api/m). */
export function memberCookieOptions(secure: boolean) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, maxAge: 60 * 24 * 3600 };
}
