// What the console needs to know about the rules: roles and their permissions, identity kinds, token scopes.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES, TOKEN_SCOPES } from '../auth/permissions.js';
import { access } from '../http/access.js';
import { commonErrors } from '../http/schemas.js';
import { IDENTITY_KINDS, SERVICE_RECORD_KINDS } from '../members/schema.js';

const metaOut = z.object({
  roles: z.array(z.object({ role: z.string(), permissions: z.array(z.string()) })),
  permissions: z.array(z.string()),
  identityKinds: z.array(z.string()),
  serviceRecordKinds: z.array(z.string()),
  tokenScopes: z.array(z.string()),
});

export function metaRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/meta', { schema: { tags: ['meta'], summary: 'Roles, permission matrix, identity kinds, token scopes', response: { 200: metaOut, ...commonErrors } } }, async (req) => {
    access(req);
    return {
      roles: ROLES.map((role) => ({ role, permissions: PERMISSIONS.filter((p) => ROLE_PERMISSIONS[role].has(p)) })),
      permissions: [...PERMISSIONS],
      identityKinds: [...IDENTITY_KINDS],
      serviceRecordKinds: [...SERVICE_RECORD_KINDS],
      tokenScopes: [...TOKEN_SCOPES],
    };
  });
}
