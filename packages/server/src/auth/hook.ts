// Reads the caller's credentials on every API request: a bearer token for integrations, or the session cookie
// (with its CSRF header on writes) for the console.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../http/errors.js';
import type { AuthService } from './service.js';

export const SESSION_COOKIE = 'qy_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    csrfToken: string | null;
  }
}

export function installAuthHook(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('accessContext', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (req) => {
    // Decided by the matched route, not the raw URL: unknown paths fall through to the 404 handler, and
    // sign-in is the one API route open to anyone.
    const route = req.routeOptions.url;
    if (!route?.startsWith('/api/v1/') || route === '/api/v1/auth/login') return;
    const authorization = req.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/.exec(authorization);
      const ctx = match ? await auth.fromBearerToken(match[1]!, req.id) : null;
      if (!ctx) throw new AppError(401, 'auth.invalid_token', 'The API token is unknown or revoked');
      req.accessContext = ctx;
      return;
    }
    // Every API route but sign-in needs a caller; refusing here answers 401 before any body validation.
    const cookie = req.cookies[SESSION_COOKIE];
    const session = cookie ? await auth.fromSessionCookie(cookie, req.id) : null;
    if (!session) throw new AppError(401, 'auth.required', cookie ? 'Your session has ended; sign in again' : 'Sign in or send an API token');
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== session.csrfToken) {
      throw new AppError(403, 'auth.csrf', 'Missing or wrong x-csrf-token header');
    }
    req.accessContext = session.ctx;
    req.sessionId = session.sessionId;
    req.csrfToken = session.csrfToken;
  });
}
