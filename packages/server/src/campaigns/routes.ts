// HTTP for series and campaigns (营期).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../http/access.js';
import { commonErrors, idParam } from '../http/schemas.js';
import type { Services } from '../services.js';
import { campaignBody, campaignListQuery, campaignOut, seriesBody, seriesOut, updateCampaignBody, updateSeriesBody } from './schema.js';

export function campaignRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['campaigns'];
  const one = { 200: campaignOut, ...commonErrors };

  r.get('/series', { schema: { tags, summary: 'Series with how many campaigns each has', response: { 200: z.object({ items: z.array(seriesOut) }), ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'campaigns.read');
    return { items: await services.campaigns.listSeries(ctx) };
  });
  r.post('/series', { schema: { tags, summary: 'Create a series (key such as X)', body: seriesBody, response: { 201: seriesOut, ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'campaigns.manage');
    return reply.status(201).send(await services.campaigns.createSeries(ctx, req.body));
  });
  r.get('/series/:id', { schema: { tags, summary: 'One series', params: idParam, response: { 200: seriesOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'campaigns.read');
    return services.campaigns.getSeries(ctx, req.params.id);
  });
  r.patch('/series/:id', { schema: { tags, summary: 'Rename a series (its key only while it has no campaigns)', params: idParam, body: updateSeriesBody, response: { 200: seriesOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'campaigns.manage');
    return services.campaigns.updateSeries(ctx, req.params.id, req.body);
  });
  r.delete('/series/:id', { schema: { tags, summary: 'Delete a series that has no campaigns', params: idParam, response: { 204: z.null(), ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'campaigns.manage');
    await services.campaigns.deleteSeries(ctx, req.params.id);
    return reply.status(204).send(null);
  });

  r.get('/campaigns', { schema: { tags, summary: 'Campaigns, newest start first, with their derived status', querystring: campaignListQuery, response: { 200: z.object({ items: z.array(campaignOut) }), ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'campaigns.read');
    return { items: await services.campaigns.listCampaigns(ctx, req.query) };
  });
  r.post('/campaigns', { schema: { tags, summary: "Create a campaign: the series' next edition unless one is given", body: campaignBody, response: { 201: campaignOut, ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'campaigns.manage');
    return reply.status(201).send(await services.campaigns.createCampaign(ctx, req.body));
  });
  r.get('/campaigns/:id', { schema: { tags, summary: 'One campaign with its series', params: idParam, response: one } }, async (req) => {
    const ctx = access(req, 'campaigns.read');
    return services.campaigns.getCampaign(ctx, req.params.id);
  });
  r.patch('/campaigns/:id', { schema: { tags, summary: 'Edit a campaign; once started, rules/dates/zone need overrideReason', params: idParam, body: updateCampaignBody, response: one } }, async (req) => {
    const ctx = access(req, 'campaigns.manage');
    return services.campaigns.updateCampaign(ctx, req.params.id, req.body);
  });
  r.post('/campaigns/:id/archive', { schema: { tags, summary: 'Archive a campaign', params: idParam, response: one } }, async (req) => {
    const ctx = access(req, 'campaigns.manage');
    return services.campaigns.setArchived(ctx, req.params.id, true);
  });
  r.post('/campaigns/:id/unarchive', { schema: { tags, summary: 'Unarchive a campaign', params: idParam, response: one } }, async (req) => {
    const ctx = access(req, 'campaigns.manage');
    return services.campaigns.setArchived(ctx, req.params.id, false);
  });
}
