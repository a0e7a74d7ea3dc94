// HTTP for deposit settlement: the settlement view, decisions, refund marks and the refund list download.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../http/access.js';
import { commonErrors, idParam } from '../http/schemas.js';
import type { Services } from '../services.js';
import { attachment } from './export.js';
import { decisionBody, decisionOut, exportQuery, refundBody, settlementOut, settlementRow } from './schema.js';

export function settlementRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['settlement'];

  r.get('/campaigns/:id/settlement', {
    schema: { tags, summary: 'Classes, decisions, refunds and the ledger of a campaign, with what each number means', params: idParam, response: { 200: settlementOut, ...commonErrors } },
  }, async (req) => {
    const ctx = access(req, 'campaigns.read');
    return services.settlement.settlement(ctx, req.params.id);
  });

  r.post('/campaigns/:id/settlement/decisions', {
    schema: { tags, summary: 'Decide refund or forfeit for listed enrollments or a whole class (once the campaign has ended)', params: idParam, body: decisionBody, response: { 200: decisionOut, ...commonErrors } },
  }, async (req) => {
    const ctx = access(req, 'settlement.manage');
    return services.settlement.decide(ctx, req.params.id, req.body);
  });

  r.post('/enrollments/:id/refund', {
    schema: { tags, summary: 'Mark an enrollment decided refund as refunded', params: idParam, body: refundBody, response: { 200: settlementRow, ...commonErrors } },
  }, async (req) => {
    const ctx = access(req, 'settlement.manage');
    return services.settlement.refund(ctx, req.params.id, req.body);
  });

  r.get('/campaigns/:id/settlement/refunds.xlsx', {
    schema: {
      tags, summary: 'The refund list for finance (XLSX, or CSV with ?format=csv)', params: idParam, querystring: exportQuery,
      response: { 200: z.any().describe('The file'), ...commonErrors },
    },
  }, async (req, reply) => {
    const ctx = access(req, 'campaigns.read');
    const file = await services.settlement.refundList(ctx, req.params.id, req.query.format);
    return reply.header('content-type', file.contentType).header('content-disposition', attachment(file))
      .header('cache-control', 'no-store').send(file.body);
  });
}
