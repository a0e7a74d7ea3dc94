// HTTP for reading the audit log.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../http/access.js';
import { commonErrors, page, pageQuery } from '../http/schemas.js';
import type { Services } from '../services.js';

export const auditEntryOut = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.object({ kind: z.string(), id: z.number().nullable(), name: z.string() }),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  memberId: z.number().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});

const auditQuery = z.strictObject({
  entity: z.string().max(40).optional(),
  entityId: z.string().max(40).optional(),
  actorStaffId: z.coerce.number().int().positive().optional(),
  ...pageQuery,
});

export function auditRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/audit', { schema: { tags: ['audit'], summary: 'The audit log, newest first', querystring: auditQuery, response: { 200: page(auditEntryOut), ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'audit.read');
    const { cursor, ...rest } = req.query;
    return services.audit(ctx, { ...rest, before: cursor ? Number(cursor) : undefined });
  });
}
