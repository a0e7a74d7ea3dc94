// HTTP for alerts: the inbox (list, acknowledge, resolve), evaluating now, and the alert rules.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../http/access.js';
import { commonErrors, idParam } from '../http/schemas.js';
import type { Services } from '../services.js';
import { alertOut, alertsPage, alertsQuery, createRuleBody, evaluationOut, ruleOut, rulesOut, updateRuleBody } from './schema.js';

export function alertRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['alerts'];
  const { alerts } = services;
  const oneAlert = { 200: alertOut, ...commonErrors };
  const oneRule = { 200: ruleOut, ...commonErrors };

  r.get('/alerts', { schema: { tags, summary: 'The alert inbox, newest first (status default unresolved; mine: addressed to me), with unresolved counts per level', querystring: alertsQuery, response: { 200: alertsPage, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return alerts.list(ctx, req.query);
  });

  r.post('/alerts/:id/acknowledge', { schema: { tags, summary: 'Acknowledge an alert (alerts.manage or its addressee; again: unchanged)', params: idParam, body: z.strictObject({}), response: oneAlert } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return alerts.acknowledge(ctx, req.params.id);
  });

  r.post('/alerts/:id/resolve', { schema: { tags, summary: 'Resolve an alert (alerts.manage or its addressee; again: unchanged)', params: idParam, body: z.strictObject({}), response: oneAlert } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return alerts.resolve(ctx, req.params.id);
  });

  r.post('/alerts/evaluate', { schema: { tags, summary: 'Evaluate the alert rules now (the scheduler does it every 15 minutes)', body: z.strictObject({}), response: { 200: evaluationOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'alerts.manage');
    return alerts.evaluate(ctx, services);
  });

  r.get('/alert-rules', { schema: { tags, summary: 'Alert rules (the defaults when the workspace had none) and the kinds with their units and threshold ranges', querystring: z.strictObject({}), response: { 200: rulesOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'operations.read');
    return alerts.rules(ctx);
  });

  r.post('/alert-rules', { schema: { tags, summary: 'Add a rule (one per kind and level)', body: createRuleBody, response: { 201: ruleOut, ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'alerts.manage');
    return reply.status(201).send(await alerts.createRule(ctx, req.body));
  });

  r.patch('/alert-rules/:id', { schema: { tags, summary: "Change a rule's level, threshold or whether it is enabled", params: idParam, body: updateRuleBody, response: oneRule } }, async (req) => {
    const ctx = access(req, 'alerts.manage');
    return alerts.updateRule(ctx, req.params.id, req.body);
  });

  r.delete('/alert-rules/:id', { schema: { tags, summary: 'Delete a rule (not the last one: disable it instead)', params: idParam, response: { 204: z.null(), ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'alerts.manage');
    await alerts.deleteRule(ctx, req.params.id);
    return reply.status(204).send(null);
  });
}
