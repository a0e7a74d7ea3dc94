// HTTP for the problem bank: categories, problems, answers, filling an answer for a member (preview and counted
// use) and reuse statistics. Reads need operations.read; every write, categories included, problems.write.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../http/access.js';
import { commonErrors, idParam, page } from '../http/schemas.js';
import type { Services } from '../services.js';
import {
  answerBody, answerOut, categoriesOut, categoryOut, createCategoryBody, createProblemBody, filledOut, fillQuery, listProblemsQuery,
  problemOut, problemSummaryOut, problemTagsOut, statsOut, statsQuery, updateCategoryBody, updateProblemBody, useBody,
} from './schema.js';

export function problemRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['problems'];
  const { problems } = services;
  const noContent = { 204: z.null(), ...commonErrors };

  // ---- categories ----

  r.get('/problem-categories', { schema: { tags, summary: 'The category tree, depth first in display order, with the problems (not archived) directly in each', response: { 200: categoriesOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return problems.categories.list(ctx);
  });

  r.post('/problem-categories', { schema: { tags, summary: 'Create a category (under parentId; at position among its siblings, default last)', body: createCategoryBody, response: { 201: categoryOut, ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'problems.write');
    return reply.status(201).send(await problems.categories.create(ctx, req.body));
  });

  r.patch('/problem-categories/:id', { schema: { tags, summary: 'Rename a category, move it (parentId, null: top level) or reorder it (position)', params: idParam, body: updateCategoryBody, response: { 200: categoryOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'problems.write');
    return problems.categories.update(ctx, req.params.id, req.body);
  });

  r.delete('/problem-categories/:id', { schema: { tags, summary: 'Delete a category: its sub-categories and problems move up to its parent', params: idParam, response: noContent } }, async (req, reply) => {
    const ctx = access(req, 'problems.write');
    await problems.categories.remove(ctx, req.params.id);
    return reply.status(204).send(null);
  });

  // ---- problems ----

  r.get('/problems', { schema: { tags, summary: 'Search problems: substring words over title, description, tags and answers; filters; newest or most reused first', querystring: listProblemsQuery, response: { 200: page(problemSummaryOut), ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return problems.list(ctx, req.query);
  });

  r.post('/problems', { schema: { tags, summary: 'Record a problem (optionally with answers and where it was met)', body: createProblemBody, response: { 201: problemOut, ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'problems.write');
    return reply.status(201).send(await problems.create(ctx, req.body));
  });

  r.get('/problems/:id', { schema: { tags, summary: 'A problem with its answers', params: idParam, response: { 200: problemOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return problems.get(ctx, req.params.id);
  });

  r.patch('/problems/:id', { schema: { tags, summary: 'Change a problem, or archive it (archived: true) and bring it back', params: idParam, body: updateProblemBody, response: { 200: problemOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'problems.write');
    return problems.update(ctx, req.params.id, req.body);
  });

  r.delete('/problems/:id', { schema: { tags, summary: 'Delete a problem with its answers and their use log', params: idParam, response: noContent } }, async (req, reply) => {
    const ctx = access(req, 'problems.write');
    await problems.remove(ctx, req.params.id);
    return reply.status(204).send(null);
  });

  r.get('/problem-tags', { schema: { tags, summary: 'Tags of the problems that are not archived, with how many carry each', response: { 200: problemTagsOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return { items: await problems.tags(ctx) };
  });

  // ---- answers ----

  r.post('/problems/:id/answers', { schema: { tags, summary: 'Add a scripted answer (variables such as {昵称} must be known ones); the problem becomes answered', params: idParam, body: answerBody, response: { 201: answerOut, ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'problems.write');
    return reply.status(201).send(await problems.addAnswer(ctx, req.params.id, req.body.content));
  });

  r.patch('/problem-answers/:id', { schema: { tags, summary: "Change an answer's text", params: idParam, body: answerBody, response: { 200: answerOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'problems.write');
    return problems.updateAnswer(ctx, req.params.id, req.body.content);
  });

  r.delete('/problem-answers/:id', { schema: { tags, summary: 'Delete an answer; a problem left without answers is open again', params: idParam, response: noContent } }, async (req, reply) => {
    const ctx = access(req, 'problems.write');
    await problems.removeAnswer(ctx, req.params.id);
    return reply.status(204).send(null);
  });

  r.get('/problem-answers/:id/preview', { schema: { tags, summary: 'The answer filled for a member (and campaign), not counted', params: idParam, querystring: fillQuery, response: { 200: filledOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return problems.reuse.preview(ctx, req.params.id, req.query);
  });

  r.post('/problem-answers/:id/use', { schema: { tags, summary: 'The answer filled for a member (and campaign), counted as one use', params: idParam, body: useBody, response: { 200: filledOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'problems.write');
    return problems.reuse.use(ctx, req.params.id, req.body);
  });

  r.get('/problem-stats', { schema: { tags, summary: 'Reuse over whole days in the workspace time zone (default the last 30): uses, the most used answers, answers never used', querystring: statsQuery, response: { 200: statsOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return problems.reuse.stats(ctx, req.query);
  });
}
