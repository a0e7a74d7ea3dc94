// HTTP for tag groups and tags.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../http/access.js';
import { commonErrors, idParam } from '../http/schemas.js';
import type { Services } from '../services.js';
import { tagBody, tagGroupBody, tagGroupOut, tagOut, updateTagBody } from './schema.js';

export function tagRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tags'];
  const noContent = { 204: z.null(), ...commonErrors };

  r.get('/tag-groups', { schema: { tags, summary: 'Tag groups with their tags and member counts', response: { 200: z.object({ items: z.array(tagGroupOut) }), ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'members.read');
    return { items: await services.tags.listGroups(ctx) };
  });
  r.post('/tag-groups', { schema: { tags, summary: 'Create a tag group', body: tagGroupBody, response: { 201: tagGroupOut, ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'tags.manage');
    return reply.status(201).send(await services.tags.createGroup(ctx, req.body.name));
  });
  r.patch('/tag-groups/:id', { schema: { tags, summary: 'Rename a tag group', params: idParam, body: tagGroupBody, response: { 200: tagGroupOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'tags.manage');
    return services.tags.renameGroup(ctx, req.params.id, req.body.name);
  });
  r.delete('/tag-groups/:id', { schema: { tags, summary: 'Delete a tag group, its tags and their assignments', params: idParam, response: noContent } }, async (req, reply) => {
    const ctx = access(req, 'tags.manage');
    await services.tags.deleteGroup(ctx, req.params.id);
    return reply.status(204).send(null);
  });
  r.post('/tags', { schema: { tags, summary: 'Create a tag', body: tagBody, response: { 201: tagOut, ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'tags.manage');
    return reply.status(201).send(await services.tags.createTag(ctx, req.body));
  });
  r.patch('/tags/:id', { schema: { tags, summary: 'Rename or recolour a tag', params: idParam, body: updateTagBody, response: { 200: tagOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'tags.manage');
    return services.tags.updateTag(ctx, req.params.id, req.body);
  });
  r.delete('/tags/:id', { schema: { tags, summary: 'Delete a tag and its assignments', params: idParam, response: noContent } }, async (req, reply) => {
    const ctx = access(req, 'tags.manage');
    await services.tags.deleteTag(ctx, req.params.id);
    return reply.status(204).send(null);
  });
}
