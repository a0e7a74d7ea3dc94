// HTTP for SOPs: templates, applications, tasks (board, today list, completion with proof) and statistics.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readUpload } from '../groups/upload.js';
import { access } from '../http/access.js';
import { AppError } from '../http/errors.js';
import { commonErrors, errorBody, idParam } from '../http/schemas.js';
import type { Services } from '../services.js';
import {
  applicationOut, applyBody, boardQuery, completeBody, createTemplateBody, listApplicationsQuery, listTemplatesQuery, reassignBody,
  screenshotFields, skipBody, starterOut, statsOut, statsQuery, taskOut, templateOut, todayOut, todayQuery, updateTemplateBody,
} from './schema.js';
import { checkScreenshot } from './tasks.js';

const uploadErrors = { ...commonErrors, 413: errorBody };

export function sopRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['sops'];
  const { sops } = services;
  const template = { 200: templateOut, ...commonErrors };
  const task = { 200: taskOut, ...commonErrors };

  // ---- templates ----

  r.get('/sops/templates', { schema: { tags, summary: 'SOP templates with their steps (archived=true: the archived ones)', querystring: listTemplatesQuery, response: { 200: z.object({ items: z.array(templateOut) }), ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return { items: await sops.templates.list(ctx, req.query.archived === 'true') };
  });

  r.get('/sops/starter-template', { schema: { tags, summary: 'The 21-day camp template as a draft to start from (nothing is saved)', response: { 200: starterOut, ...commonErrors } } }, async (req) => {
    access(req, 'operations.read');
    return sops.templates.starter();
  });

  r.post('/sops/templates', { schema: { tags, summary: 'Create a template with its ordered steps; content variables must be known ones', body: createTemplateBody, response: { 201: templateOut, ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'sops.manage');
    return reply.status(201).send(await sops.templates.create(ctx, req.body));
  });

  r.get('/sops/templates/:id', { schema: { tags, summary: 'A template with its steps', params: idParam, response: template } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return sops.templates.get(ctx, req.params.id);
  });

  r.patch('/sops/templates/:id', { schema: { tags, summary: 'Change a template: name, description, archived, or its whole step list (steps named by id are kept; a changed time or role re-plans their upcoming todo tasks)', params: idParam, body: updateTemplateBody, response: template } }, async (req) => {
    const ctx = access(req, 'sops.manage');
    return sops.templates.update(ctx, req.params.id, req.body);
  });

  r.delete('/sops/templates/:id', { schema: { tags, summary: 'Delete a template never applied (archive the others)', params: idParam, response: { 204: z.null(), ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'sops.manage');
    await sops.templates.delete(ctx, req.params.id);
    return reply.status(204).send(null);
  });

  r.post('/sops/templates/:id/duplicate', { schema: { tags, summary: 'Copy a template and its steps under a new name', params: idParam, response: { 201: templateOut, ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'sops.manage');
    return reply.status(201).send(await sops.templates.duplicate(ctx, req.params.id));
  });

  // ---- applications ----

  r.get('/sops/applications', { schema: { tags, summary: 'Where templates are applied, with task counts by status', querystring: listApplicationsQuery, response: { 200: z.object({ items: z.array(applicationOut) }), ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'operations.read');
    const { active, ...rest } = req.query;
    return { items: await sops.applications.list(ctx, { ...rest, active: active === undefined ? undefined : active === 'true' }) };
  });

  r.post('/sops/applications', { schema: { tags, summary: "Apply a template to a campaign (all its groups, later ones too) or one group: creates the tasks (campaign days for the whole campaign, other triggers 14 days ahead)", body: applyBody, response: { 201: applicationOut, ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'sops.manage');
    return reply.status(201).send(await sops.applications.apply(ctx, req.body));
  });

  r.post('/sops/applications/:id/stop', { schema: { tags, summary: 'Stop an application: its todo tasks whose window has not ended are removed, the others kept', params: idParam, response: { 200: applicationOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'sops.manage');
    return sops.applications.stop(ctx, req.params.id);
  });

  // ---- tasks ----

  r.get('/sops/tasks', { schema: { tags, summary: 'The task board: tasks due from..to (default today), filtered by group, campaign, staff, team, application, status; by window start', querystring: boardQuery, response: { 200: z.object({ from: z.string(), to: z.string(), items: z.array(taskOut), nextCursor: z.string().nullable() }), ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return sops.tasks.board(ctx, req.query);
  });

  r.get('/sops/tasks/today', { schema: { tags, summary: "A staff member's today list (default: mine; a team lead may ask for their team's members, an SOP manager for anyone): overdue first, then by window start", querystring: todayQuery, response: { 200: todayOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return sops.tasks.today(ctx, req.query.staffId);
  });

  r.get('/sops/tasks/:id', { schema: { tags, summary: 'A task with its content rendered for its group and day', params: idParam, response: task } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return sops.tasks.get(ctx, req.params.id);
  });

  r.post('/sops/tasks/:id/complete', { schema: { tags, summary: 'Mark a task done (within its window: on time; after it: late), with optional proof text and message link', params: idParam, body: completeBody, response: task } }, async (req) => {
    const ctx = access(req, 'tasks.complete');
    return sops.tasks.complete(ctx, req.params.id, req.body);
  });

  r.post('/sops/tasks/:id/complete-with-screenshot', { schema: { tags, summary: 'Mark a task done with a screenshot as proof (multipart field "file": PNG or JPEG ≤ 2 MB; optional fields proofText, proofLink)', params: idParam, consumes: ['multipart/form-data'], response: { 200: taskOut, ...uploadErrors } } }, async (req) => {
    const ctx = access(req, 'tasks.complete');
    await sops.tasks.get(ctx, req.params.id);
    const upload = await readUpload(req);
    const fields = screenshotFields.safeParse(upload.fields);
    if (!fields.success) {
      const issue = fields.error.issues[0]!;
      const name = String(issue.path[0] ?? (issue.code === 'unrecognized_keys' ? issue.keys[0] : 'file'));
      throw new AppError(400, 'validation.failed', `Invalid form field ${name}: ${issue.message}`, { [name]: issue.code === 'unrecognized_keys' ? 'unknown field' : issue.message });
    }
    const bytes = upload.file.bytes;
    return sops.tasks.complete(ctx, req.params.id, fields.data, { bytes, kind: checkScreenshot(bytes) });
  });

  r.get('/sops/tasks/:id/screenshot', { schema: { tags, summary: "A task's proof screenshot, to signed-in staff of the workspace (served as the checked image type)", params: idParam, response: { 200: z.any().describe('the image bytes'), ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'operations.read');
    const { bytes, mime } = await sops.tasks.screenshot(ctx, req.params.id);
    return reply.header('content-type', mime).header('x-content-type-options', 'nosniff').header('content-disposition', 'inline')
      .header('content-security-policy', "default-src 'none'").header('cache-control', 'private, no-cache').send(bytes);
  });

  r.post('/sops/tasks/:id/undo', { schema: { tags, summary: 'Undo a completion (the same person on the same day, or an SOP manager) or reopen a skipped task: back to todo, or missed when its day is over', params: idParam, response: task } }, async (req) => {
    const ctx = access(req, 'tasks.complete');
    return sops.tasks.undo(ctx, req.params.id);
  });

  r.post('/sops/tasks/:id/skip', { schema: { tags, summary: "Skip a todo or missed task with a reason (the assignee's team lead or an SOP manager)", params: idParam, body: skipBody, response: task } }, async (req) => {
    const ctx = access(req, 'tasks.complete');
    return sops.tasks.skip(ctx, req.params.id, req.body.reason);
  });

  r.post('/sops/tasks/:id/reassign', { schema: { tags, summary: 'Give a todo or missed task to another staff member', params: idParam, body: reassignBody, response: task } }, async (req) => {
    const ctx = access(req, 'sops.manage');
    return sops.tasks.reassign(ctx, req.params.id, req.body.staffId);
  });

  // ---- statistics ----

  r.get('/sops/stats', { schema: { tags, summary: 'Completion ((done + late) / (due − skipped)) and punctuality (on time / (done + late)) per staff, group, team or day, with definitions; default the last 7 days', querystring: statsQuery, response: { 200: statsOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return sops.statsReport(ctx, req.query);
  });
}
