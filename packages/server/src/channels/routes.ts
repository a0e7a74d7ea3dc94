// HTTP for channels (渠道), their live-code pools, statistics and QR codes (their alerts: src/alerts/).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../http/access.js';
import { commonErrors, idParam } from '../http/schemas.js';
import type { Services } from '../services.js';
import { qrPng, qrSvg, shortLinkUrl } from './qr.js';
import { channelOut, createChannelBody, listChannelsQuery, poolBody, qrPngQuery, statsOut, statsQuery, updateChannelBody } from './schema.js';

export function channelRoutes(app: FastifyInstance, services: Services, options: { publicUrl?: string }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['channels'];
  const { channels } = services;
  const one = { 200: channelOut, ...commonErrors };
  const image = { 200: z.any().describe('the image'), ...commonErrors };
  const linkOf = async (req: FastifyRequest, id: number) => {
    const code = await channels.code(access(req, 'channels.read'), id);
    return { code, url: shortLinkUrl(code, options.publicUrl, `${req.protocol}://${req.host}`) };
  };

  r.get('/channels', { schema: { tags, summary: 'Channels: first-level ones first, each followed by its children (archived=true: the archived ones)', querystring: listChannelsQuery, response: { 200: z.object({ items: z.array(channelOut) }), ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'channels.read');
    return { items: await channels.list(ctx, req.query.archived === 'true') };
  });

  r.post('/channels', { schema: { tags, summary: 'Create a channel (a parent must be first-level; code generated unless given)', body: createChannelBody, response: { 201: channelOut, ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'channels.manage');
    return reply.status(201).send(await channels.create(ctx, req.body));
  });

  r.get('/channels/:id', { schema: { tags, summary: 'A channel with its pool and all-time totals', params: idParam, response: one } }, async (req) => {
    const ctx = access(req, 'channels.read');
    return channels.get(ctx, req.params.id);
  });

  r.patch('/channels/:id', { schema: { tags, summary: 'Change a channel, or archive it (its link then answers 404)', params: idParam, body: updateChannelBody, response: one } }, async (req) => {
    const ctx = access(req, 'channels.manage');
    return channels.update(ctx, req.params.id, req.body);
  });

  r.put('/channels/:id/pool', { schema: { tags, summary: "Replace the live code's pool: this workspace's groups in routing order (at most 50, no duplicates)", params: idParam, body: poolBody, response: one } }, async (req) => {
    const ctx = access(req, 'channels.manage');
    return channels.setPool(ctx, req.params.id, req.body.groupIds);
  });

  r.get('/channels/:id/stats', { schema: { tags, summary: 'Visits, unique visitors, exhausted visits, by day and by group, over whole days in the workspace time zone (default the last 30)', params: idParam, querystring: statsQuery, response: { 200: statsOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'channels.read');
    return channels.stats(ctx, req.params.id, req.query);
  });

  r.get('/channels/:id/qr.png', { schema: { tags, summary: "PNG of the channel's absolute short link (size 256–1024 px, default 512)", params: idParam, querystring: qrPngQuery, response: image } }, async (req, reply) => {
    const { code, url } = await linkOf(req, req.params.id);
    return reply.header('content-type', 'image/png').header('content-disposition', `attachment; filename="channel-${code}.png"`)
      .header('x-content-type-options', 'nosniff').header('cache-control', 'private, no-cache').send(await qrPng(url, req.query.size));
  });

  r.get('/channels/:id/qr.svg', { schema: { tags, summary: "SVG of the channel's absolute short link", params: idParam, response: image } }, async (req, reply) => {
    const { code, url } = await linkOf(req, req.params.id);
    return reply.header('content-type', 'image/svg+xml; charset=utf-8').header('content-disposition', `attachment; filename="channel-${code}.svg"`)
      .header('x-content-type-options', 'nosniff').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .header('cache-control', 'private, no-cache').send(await qrSvg(url));
  });
}
