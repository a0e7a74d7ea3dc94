// HTTP (member API, /api/m) for a signed-in member's own enrollments: the list, the assigned group's QR image
// (re-routed when it expired), and the page events the member pages send.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ingestOut } from '../events/schema.js';
import { commonErrors } from '../http/schemas.js';
import { requireMember } from '../member-session/hook.js';
import type { Services } from '../services.js';
import { memberAccess } from './member-access.js';
import { campaignKeyParam, meOut, memberEventsBody } from './schema.js';

export function memberEnrollmentRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['member pages'];

  r.get('/api/m/me', { schema: { tags, summary: 'The signed-in member and their enrollments, newest first', response: { 200: meOut, ...commonErrors } } }, async (req) => {
    return services.enrollments.me(requireMember(req));
  });

  r.get('/api/m/campaigns/:key/group-qr', {
    schema: {
      tags, params: campaignKeyParam, response: { 200: z.any().describe('the image bytes'), ...commonErrors },
      summary: "The QR image of the member's group in this campaign; when it closed or its QR expired the live code routes again (404 group.unavailable when no group can take the member)",
    },
  }, async (req, reply) => {
    const image = await services.enrollments.groupQr(requireMember(req), req.params.key);
    return reply.header('content-type', image.mime).header('x-content-type-options', 'nosniff').header('content-disposition', 'inline')
      .header('content-security-policy', "default-src 'none'").header('cache-control', 'private, no-cache').send(image.bytes);
  });

  r.post('/api/m/events', { schema: { tags, summary: 'Page views and dwell times of the member pages (at most 50 per call), stored as events of the signed-in member', body: memberEventsBody, response: { 200: ingestOut, ...commonErrors } } }, async (req) => {
    const member = requireMember(req);
    return services.events.ingestFromMember(memberAccess(member, req.id), member.memberNo, req.body.events);
  });
}
