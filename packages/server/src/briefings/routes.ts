// HTTP for the briefings: the daily report (日报), the morning board (早会看板) and campaign retrospectives (复盘).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../http/access.js';
import { commonErrors, idParam } from '../http/schemas.js';
import type { Services } from '../services.js';
import { dailyOut, dailyQuery, morningOut, morningQuery, retrospectiveBody, retrospectiveListOut, retrospectiveOut, retrospectivesQuery } from './schema.js';

export function briefingRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['briefings'];
  const { briefings } = services;
  const retro = { 200: retrospectiveOut, ...commonErrors };

  r.get('/briefings/daily', { schema: { tags, summary: "A staff member's daily report (default: me, yesterday); leads read their team's, owners and admins anyone's", querystring: dailyQuery, response: { 200: dailyOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return briefings.daily(ctx, req.query);
  });

  r.get('/briefings/morning', { schema: { tags, summary: "The morning board of a day (default today, about yesterday), for one team or all", querystring: morningQuery, response: { 200: morningOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return briefings.morning(ctx, req.query);
  });

  r.get('/retrospectives', { schema: { tags, summary: 'Every campaign and whether it has a retrospective (written=true|false to filter)', querystring: retrospectivesQuery, response: { 200: retrospectiveListOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return briefings.retrospectives(ctx, { written: req.query.written === undefined ? undefined : req.query.written === 'true' });
  });

  r.get('/campaigns/:id/retrospective', { schema: { tags, summary: "A campaign's retrospective: its numbers against target and the previous edition, and the typed GRAI parts", params: idParam, response: retro } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return briefings.retrospective(ctx, req.params.id);
  });

  r.put('/campaigns/:id/retrospective', { schema: { tags, summary: 'Write the typed parts of the retrospective (goal, result, analysis, insight, actions); parts left out are emptied', params: idParam, body: retrospectiveBody, response: retro } }, async (req) => {
    const ctx = access(req, 'retros.write');
    return briefings.saveRetrospective(ctx, req.params.id, req.body);
  });
}
