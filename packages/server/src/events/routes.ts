// HTTP for events: the batch intake (POST /events) and a member's timeline.
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../http/access.js';
import { AppError } from '../http/errors.js';
import { commonErrors, page } from '../http/schemas.js';
import { memberNoParam } from '../members/schema.js';
import type { Services } from '../services.js';
import { eventBatchBody, eventOut, ingestOut, MAX_BODY_BYTES, memberEventsQuery } from './schema.js';

export function eventRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['events'];

  r.post('/events', {
    bodyLimit: MAX_BODY_BYTES,
    schema: { tags, summary: 'Record a batch of up to 1,000 events; bad ones are reported by index, good ones stored once per id', body: eventBatchBody, response: { 200: ingestOut, ...commonErrors } },
    // An oversized batch is a fault in the body like any other: 400 naming it, not the generic 413.
    errorHandler: (error: FastifyError, req, reply) => {
      const tooLarge = error.statusCode === 413 && error.code === 'FST_ERR_CTP_BODY_TOO_LARGE';
      const given = tooLarge ? new AppError(400, 'validation.failed', 'Invalid body: at most 2 MB per batch', { '(body)': 'must be at most 2 MB' }) : error;
      return app.errorHandler(given as FastifyError, req, reply);
    },
  }, async (req) => {
    const ctx = access(req, 'events.write');
    return services.events.ingest(ctx, req.body.events);
  });

  r.get('/members/:memberNo/events', { schema: { tags, summary: "A member's events, newest first", params: memberNoParam, querystring: memberEventsQuery, response: { 200: page(eventOut), ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'members.read');
    return services.events.list(ctx, req.params.memberNo, req.query);
  });
}
