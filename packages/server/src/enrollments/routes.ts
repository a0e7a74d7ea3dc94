// HTTP (staff, /api/v1) for enrollments and payments: the campaign's enrollment list, enrolling and cancelling,
// recording payments one by one or from a file, and the secret that signs payment notices.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readUpload } from '../groups/upload.js';
import { access } from '../http/access.js';
import { commonErrors, errorBody, idParam, page } from '../http/schemas.js';
import type { Services } from '../services.js';
import {
  cancelBody, createEnrollmentBody, enrollmentOut, importResultOut, listEnrollmentsQuery, paymentBody, paymentResultOut, webhookSecretOut,
} from './schema.js';

export function enrollmentRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['enrollments'];
  const { enrollments, payments } = services;
  const created = z.object({ enrollment: enrollmentOut, created: z.boolean() });

  r.get('/campaigns/:id/enrollments', {
    schema: {
      tags, params: idParam, querystring: listEnrollmentsQuery, response: { 200: page(enrollmentOut), ...commonErrors },
      summary: 'Enrollments of a campaign, newest first, with member, channel, group, payment and progress (q: member number, name or phone fragment)',
    },
  }, async (req) => {
    const ctx = access(req, 'campaigns.read');
    return enrollments.list(ctx, req.params.id, req.query);
  });

  r.post('/campaigns/:id/enrollments', {
    schema: {
      tags, params: idParam, body: createEnrollmentBody, response: { 200: created, 201: created, ...commonErrors },
      summary: 'Enroll a member (a merged number enrolls the survivor): takes a place (409 enrollment.full), routes to a group; an enrolled member answers 200 unchanged',
    },
  }, async (req, reply) => {
    const ctx = access(req, 'enrollments.manage');
    const result = await enrollments.enroll(ctx, req.params.id, req.body);
    return reply.status(result.created ? 201 : 200).send(result);
  });

  r.post('/enrollments/:id/cancel', { schema: { tags, summary: 'Cancel an enrollment (reason required); its place is given back, its payments stay', params: idParam, body: cancelBody, response: { 200: enrollmentOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'enrollments.manage');
    return enrollments.cancel(ctx, req.params.id, req.body.reason);
  });

  r.post('/enrollments/:id/payments', {
    schema: {
      tags: ['payments'], params: idParam, body: paymentBody, response: { 200: paymentResultOut, 201: paymentResultOut, ...commonErrors },
      summary: 'Record a payment (cents > 0, the total at most the amount due); a known reference answers 200 duplicate and changes nothing',
    },
  }, async (req, reply) => {
    const ctx = access(req, 'payments.manage');
    const result = await payments.record(ctx, req.params.id, req.body);
    return reply.status(result.status === 'applied' ? 201 : 200).send(result);
  });

  r.post('/campaigns/:id/payments/import', {
    schema: {
      tags: ['payments'], params: idParam, consumes: ['multipart/form-data'],
      response: { 200: importResultOut, ...commonErrors, 413: errorBody },
      summary: 'Payments from a CSV/XLSX file (multipart "file"): columns 学号/member number or 手机/phone, 金额/amount (yuan), 支付时间/paid at (optional), 流水号/reference. Bad rows are reported (row, field, reason), good ones applied in one transaction, known references skipped.',
    },
  }, async (req) => {
    const ctx = access(req, 'payments.manage');
    await services.campaigns.requireCampaign(ctx, req.params.id);
    const upload = await readUpload(req);
    return services.paymentImport.run(ctx, req.params.id, upload.file);
  });

  r.post('/payments/webhook-secret', {
    schema: {
      tags: ['payments'], body: z.strictObject({}).optional(), response: { 200: webhookSecretOut, ...commonErrors },
      summary: 'Create or rotate the secret that signs payment notices (POST /api/hooks/payments/<workspace>); shown once, the old one stops working',
    },
  }, async (req) => {
    const ctx = access(req, 'payments.manage');
    return payments.rotateSecret(ctx);
  });
}
