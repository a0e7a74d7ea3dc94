// HTTP for goals decomposed to the day: the metric catalogue, goals with their standing, the per team × day
// progress, the plan's changes and the values typed in for manual metrics.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../http/access.js';
import { commonErrors, idParam } from '../http/schemas.js';
import type { Services } from '../services.js';
import { actualBody, createGoalBody, goalOut, listGoalsQuery, metricOut, progressOut, updateGoalBody } from './schema.js';

export function goalRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['goals'];
  const { goals } = services;
  const one = { 200: goalOut, ...commonErrors };

  r.get('/goal-metrics', { schema: { tags, summary: 'The metrics a goal can measure, with their kind, unit, scopes and definitions (zh-CN and en)', querystring: z.strictObject({}), response: { 200: z.object({ items: z.array(metricOut) }), ...commonErrors } } }, async (req) => {
    access(req, 'operations.read');
    return { items: goals.metrics().map((m) => ({ ...m, scopes: [...m.scopes] })) };
  });

  r.get('/goals', { schema: { tags, summary: 'Goals (status=active: not archived, the default; archived), newest first, each with its standing now', querystring: listGoalsQuery, response: { 200: z.object({ items: z.array(goalOut) }), ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return { items: await goals.list(ctx, req.query.status) };
  });

  r.post('/goals', { schema: { tags, summary: 'Create a goal and split it into daily targets per team', body: createGoalBody, response: { 201: goalOut, ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'goals.manage');
    return reply.status(201).send(await goals.create(ctx, req.body));
  });

  r.get('/goals/:id', { schema: { tags, summary: 'A goal with its teams and standing', params: idParam, response: one } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return goals.get(ctx, req.params.id);
  });

  r.patch('/goals/:id', { schema: { tags, summary: 'Rename a goal, or change its target, dates, teams or split (re-splits the original plan)', params: idParam, body: updateGoalBody, response: one } }, async (req) => {
    const ctx = access(req, 'goals.manage');
    return goals.update(ctx, req.params.id, req.body);
  });

  r.post('/goals/:id/archive', { schema: { tags, summary: 'Archive a goal (already archived: returned as it is)', params: idParam, body: z.strictObject({}), response: one } }, async (req) => {
    const ctx = access(req, 'goals.manage');
    return goals.archive(ctx, req.params.id);
  });

  r.get('/goals/:id/progress', { schema: { tags, summary: 'Per team × day: planned, re-planned, actual, cumulative, completion and time elapsed, with the definition of every number', params: idParam, response: { 200: progressOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return goals.progress(ctx, req.params.id);
  });

  r.put('/goals/:id/actuals', { schema: { tags, summary: "Type in a team's value of a day (manual metric; value null removes it); returns the progress", params: idParam, body: actualBody, response: { 200: progressOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'goals.manage');
    return goals.setActual(ctx, req.params.id, req.body);
  });
}
