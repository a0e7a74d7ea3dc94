// HTTP (member API, /api/m) for the landing page of a channel link and signup: who is signed in, signing in through
// an identity provider and enrolling, signing out. The member cookie is set only when signup succeeded.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { commonErrors, errorBody } from '../http/schemas.js';
import { memberCookieOptions } from '../member-session/hook.js';
import { MEMBER_COOKIE } from '../member-session/service.js';
import type { Services } from '../services.js';
import { landingOut, landingParams, signupBody, signupOut } from './schema.js';

export function signupRoutes(app: FastifyInstance, services: Services, options: { secureCookies: boolean }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['member pages'];

  r.get('/api/m/landing/:code', { schema: { tags, summary: 'The campaign behind a channel link, the providers to sign in with, and who is signed in (if anyone)', params: landingParams, response: { 200: landingOut, ...commonErrors } } }, async (req) => {
    return services.signup.landing(req.params.code, req.memberContext);
  });

  r.post('/api/m/signup', {
    schema: {
      tags, body: signupBody, response: { 200: signupOut, 201: signupOut, ...commonErrors, 502: errorBody },
      summary: 'Sign in through a provider (or as the member signed in already) and enroll: 201 enrolled now, 200 enrolled before; 403 signup.blocked, 409 signup.closed / signup.full write nothing',
    },
  }, async (req, reply) => {
    const { token, ...result } = await services.signup.signup(req.body, req.memberContext, req.id);
    if (token) reply.setCookie(MEMBER_COOKIE, token, memberCookieOptions(options.secureCookies));
    return reply.status(result.created ? 201 : 200).send(result);
  });

  r.post('/api/m/logout', { schema: { tags, summary: 'End the member session on this device (signed out already: nothing to do)', response: { 204: z.null(), ...commonErrors } } }, async (req, reply) => {
    if (req.memberContext) await services.memberSessions.end(req.memberContext.sessionId);
    reply.clearCookie(MEMBER_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });
}
