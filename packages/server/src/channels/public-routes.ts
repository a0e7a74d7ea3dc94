// The public short link /c/<code> (no sign-in): the live-code page with its first-party visitor cookie (or, for a
// channel of a campaign, a redirect to the landing page /m/c/<code>), and the QR images of the channel's pool groups.
// Outside /api, so neither the auth hook nor the JSON envelope applies.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../services.js';
import { fallbackPage, groupPage, notFoundPage, PAGE_CSP } from './public-page.js';
import { CODE_PATTERN } from './schema.js';

export const VISITOR_COOKIE = 'qy_visitor';
const VISITOR_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;
const YEAR_S = 365 * 24 * 3600;

/** The stored form of a visitor id: only its hash is kept, so the table cannot be joined back to a browser. */
export function visitorHash(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

function html(reply: FastifyReply, status: number, body: string) {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store')
    .header('content-security-policy', PAGE_CSP).header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer').send(body);
}

export function channelPublicRoutes(app: FastifyInstance, services: Services, options: { secureCookies: boolean }): void {
  // No HEAD twin: a link preview's HEAD must not count as a visit.
  app.get<{ Params: { code: string } }>('/c/:code', { schema: { hide: true }, exposeHeadRoute: false }, async (req, reply) => {
    const { code } = req.params;
    if (!CODE_PATTERN.test(code)) return html(reply, 404, notFoundPage());
    let visitor = req.cookies[VISITOR_COOKIE];
    if (!visitor || !VISITOR_PATTERN.test(visitor)) {
      visitor = randomBytes(18).toString('base64url');
      reply.setCookie(VISITOR_COOKIE, visitor, { path: '/c/', httpOnly: true, sameSite: 'lax', secure: options.secureCookies, maxAge: YEAR_S });
    }
    const outcome = await services.channels.visit(code, visitorHash(visitor));
    if (!outcome) return html(reply, 404, notFoundPage());
    // A channel of a campaign leads to its landing page (signup), which routes to a group once the member is enrolled.
    if (outcome.campaignId !== null) return reply.header('cache-control', 'no-store').redirect(`/m/c/${encodeURIComponent(outcome.channel.code)}`, 302);
    if (!outcome.group) return html(reply, 200, fallbackPage(outcome.channel.name, outcome.channel.fallbackMessage));
    const src = `/c/${encodeURIComponent(outcome.channel.code)}/group-qr/${outcome.group.id}`;
    return html(reply, 200, groupPage(outcome.group.name, src));
  });

  app.get<{ Params: { code: string; groupId: string } }>('/c/:code/group-qr/:groupId', { schema: { hide: true } }, async (req, reply) => {
    const { code, groupId } = req.params;
    const id = /^\d{1,15}$/.test(groupId) ? Number(groupId) : 0;
    const image = CODE_PATTERN.test(code) && id > 0 ? await services.channels.poolGroupQr(code, id) : null;
    if (!image) return html(reply, 404, notFoundPage());
    return reply.header('content-type', image.mime).header('x-content-type-options', 'nosniff').header('content-disposition', 'inline')
      .header('content-security-policy', "default-src 'none'").header('cache-control', 'no-cache').send(image.bytes);
  });
}
