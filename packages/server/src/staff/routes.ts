// HTTP for staff accounts and teams.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../http/access.js';
import { commonErrors, idParam } from '../http/schemas.js';
import type { Services } from '../services.js';
import { createStaffBody, staffOut, teamBody, teamOut, updateStaffBody, updateTeamBody } from './schema.js';

export function staffRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['staff'];

  r.get('/staff', { schema: { tags, summary: 'List staff accounts', response: { 200: z.object({ items: z.array(staffOut) }), ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'staff.read');
    return { items: await services.staff.list(ctx) };
  });

  r.post('/staff', { schema: { tags, summary: 'Create a staff account', body: createStaffBody, response: { 201: staffOut, ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'staff.manage');
    return reply.status(201).send(await services.staff.create(ctx, req.body));
  });

  r.patch('/staff/:id', { schema: { tags, summary: 'Change a staff account', params: idParam, body: updateStaffBody, response: { 200: staffOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'staff.manage');
    return services.staff.update(ctx, req.params.id, req.body);
  });

  r.get('/teams', { schema: { tags, summary: 'List teams', response: { 200: z.object({ items: z.array(teamOut) }), ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'staff.read');
    return { items: await services.staff.listTeams(ctx) };
  });

  r.post('/teams', { schema: { tags, summary: 'Create a team', body: teamBody, response: { 201: teamOut, ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'staff.manage');
    return reply.status(201).send(await services.staff.createTeam(ctx, req.body));
  });

  r.patch('/teams/:id', { schema: { tags, summary: 'Rename a team or change its lead', params: idParam, body: updateTeamBody, response: { 200: teamOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'staff.manage');
    return services.staff.updateTeam(ctx, req.params.id, req.body);
  });

  r.delete('/teams/:id', { schema: { tags, summary: 'Delete a team (its staff stay, without a team)', params: idParam, response: { 204: z.null(), ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'staff.manage');
    await services.staff.deleteTeam(ctx, req.params.id);
    return reply.status(204).send(null);
  });
}
