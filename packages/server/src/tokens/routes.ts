// HTTP for API tokens.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TOKEN_SCOPES } from '../auth/permissions.js';
import { access } from '../http/access.js';
import { commonErrors, idParam, text } from '../http/schemas.js';
import type { Services } from '../services.js';

const tokenOut = z.object({
  id: z.number(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdBy: z.object({ id: z.number(), displayName: z.string() }).nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

const createBody = z.strictObject({
  name: text(80),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1, 'choose at least one scope').max(TOKEN_SCOPES.length),
});

export function tokenRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['api tokens'];

  r.get('/api-tokens', { schema: { tags, summary: 'List API tokens (secrets are never shown again)', response: { 200: z.object({ items: z.array(tokenOut) }), ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'tokens.manage');
    return { items: await services.tokens.list(ctx) };
  });

  r.post('/api-tokens', { schema: { tags, summary: 'Create an API token; the response holds the secret, once', body: createBody, response: { 201: tokenOut.extend({ token: z.string() }), ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'tokens.manage');
    return reply.status(201).send(await services.tokens.create(ctx, req.body));
  });

  r.delete('/api-tokens/:id', { schema: { tags, summary: 'Revoke an API token', params: idParam, response: { 204: z.null(), ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'tokens.manage');
    await services.tokens.revoke(ctx, req.params.id);
    return reply.status(204).send(null);
  });
}
