// HTTP for work planning: work items (/work-items) and the teams' key focus of the week (/weekly-focus,
// /teams/:id/focus/:weekStart).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../http/access.js';
import { commonErrors, idParam } from '../http/schemas.js';
import type { Services } from '../services.js';
import {
  countsOut, countsQuery, createItemBody, focusBody, focusOut, focusParams, focusQuery, itemListOut, itemOut, listItemsQuery,
  myFocusOut, updateItemBody, weekFocusOut,
} from './schema.js';

export function workPlanRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['work-plan'];
  const { workPlan } = services;
  const one = { 200: itemOut, ...commonErrors };

  r.get('/work-items', { schema: { tags, summary: 'Work items, planning before routine before transactional (sort=due: by due date); default the caller\'s own', querystring: listItemsQuery, response: { 200: itemListOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return workPlan.list(ctx, req.query);
  });

  r.post('/work-items', { schema: { tags, summary: 'Create a work item (for yourself; for others as their team lead or an admin)', body: createItemBody, response: { 201: itemOut, ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'work.write');
    return reply.status(201).send(await workPlan.create(ctx, req.body));
  });

  r.get('/work-items/counts', { schema: { tags, summary: 'Work items per category in a week (default this week), with what each number means', querystring: countsQuery, response: { 200: countsOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return workPlan.counts(ctx, req.query);
  });

  r.get('/work-items/:id', { schema: { tags, summary: 'A work item', params: idParam, response: one } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return workPlan.get(ctx, req.params.id);
  });

  r.patch('/work-items/:id', { schema: { tags, summary: 'Change a work item or its status (owner, creator, the owner\'s team lead, or an admin)', params: idParam, body: updateItemBody, response: one } }, async (req) => {
    const ctx = access(req, 'work.write');
    return workPlan.update(ctx, req.params.id, req.body);
  });

  r.delete('/work-items/:id', { schema: { tags, summary: 'Delete a work item (its creator or an admin)', params: idParam, response: { 204: z.null(), ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'work.write');
    await workPlan.remove(ctx, req.params.id);
    return reply.status(204).send(null);
  });

  r.get('/weekly-focus', { schema: { tags, summary: "Every team's key focus of a week (any day of it; default this week, workspace time zone)", querystring: focusQuery, response: { 200: weekFocusOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return workPlan.weekFocus(ctx, req.query.week);
  });

  r.get('/weekly-focus/mine', { schema: { tags, summary: "This week's key focus of the signed-in staff member's team (none for API tokens)", querystring: z.strictObject({}), response: { 200: myFocusOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return workPlan.myFocus(ctx);
  });

  r.put('/teams/:id/focus/:weekStart', { schema: { tags, summary: "Set or replace a team's key focus of the week starting that Monday (the team's lead or an admin)", params: focusParams, body: focusBody, response: { 200: focusOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'work.write');
    return workPlan.setFocus(ctx, req.params.id, req.params.weekStart, req.body);
  });

  r.delete('/teams/:id/focus/:weekStart', { schema: { tags, summary: "Clear a team's key focus of a week (the team's lead or an admin)", params: focusParams, response: { 204: z.null(), ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'work.write');
    await workPlan.clearFocus(ctx, req.params.id, req.params.weekStart);
    return reply.status(204).send(null);
  });
}
