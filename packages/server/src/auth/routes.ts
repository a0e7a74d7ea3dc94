// HTTP for signing in and out and for "who am I".
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../http/access.js';
import { AppError } from '../http/errors.js';
import { commonErrors, errorBody } from '../http/schemas.js';
import type { Services } from '../services.js';
import { role } from '../staff/schema.js';
import { SESSION_COOKIE } from './hook.js';
import { PERMISSIONS } from './permissions.js';

const sessionOut = z.object({
  staff: z.object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    role,
    teamId: z.number().nullable(),
    permissions: z.array(z.enum(PERMISSIONS)),
  }),
  workspace: z.object({ id: z.number(), key: z.string(), name: z.string(), timezone: z.string() }),
  csrfToken: z.string(),
});

const loginBody = z.strictObject({
  workspace: z.string().trim().min(1, 'must not be empty').max(60),
  username: z.string().trim().min(1, 'must not be empty').max(60),
  password: z.string().min(1, 'must not be empty').max(200),
});

export function authRoutes(app: FastifyInstance, services: Services, options: { secureCookies: boolean }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  async function sessionBody(workspaceId: number, staffId: number, csrfToken: string) {
    const ws = await services.workspaces.get(workspaceId);
    const staff = await services.staff.get({ workspaceId }, staffId);
    return {
      staff: { id: staff.id, username: staff.username, displayName: staff.displayName, role: staff.role, teamId: staff.teamId,
        permissions: [...services.permissionsOf(staff.role)] },
      workspace: { id: ws.id, key: ws.key, name: ws.name, timezone: ws.timezone },
      csrfToken,
    };
  }

  r.post('/auth/login', { schema: { tags, summary: 'Sign in; sets the session cookie', body: loginBody, response: { 200: sessionOut, 400: errorBody, 401: errorBody, 429: errorBody } } }, async (req, reply) => {
    const { token, sessionId } = await services.auth.login({ ...req.body, ip: req.ip });
    const resolved = await services.auth.fromSessionCookie(token, req.id);
    if (!resolved) throw new AppError(401, 'auth.invalid_credentials', 'Sign-in failed');
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: options.secureCookies, maxAge: 7 * 86400 });
    req.sessionId = sessionId;
    return sessionBody(resolved.ctx.workspaceId, resolved.ctx.staffId!, resolved.csrfToken);
  });

  r.post('/auth/logout', { schema: { tags, summary: 'Sign out', response: { 204: z.null(), ...commonErrors } } }, async (req, reply) => {
    access(req);
    if (req.sessionId) await services.auth.logout(req.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  r.get('/auth/me', { schema: { tags, summary: 'The signed-in staff member, workspace and CSRF token', response: { 200: sessionOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req);
    if (ctx.staffId === null || !req.csrfToken) throw new AppError(403, 'auth.session_required', 'This endpoint needs a staff session');
    return sessionBody(ctx.workspaceId, ctx.staffId, req.csrfToken);
  });
}
