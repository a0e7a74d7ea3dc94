// HTTP for the member pages' check-ins (/api/m): the member home of a campaign, the leaderboard, checking in (JSON,
// or multipart with photos) and the member's own photos. The member hook (member-session/hook.ts) has read the
// session cookie and, for writes, required the x-qunyun-member header.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../http/schemas.js';
import { requireMember } from '../member-session/hook.js';
import type { Services } from '../services.js';
import { readCheckinForm } from './photos.js';
import { keyParam, leaderboardQuery, memberCheckinOut, memberHomeOut, memberLeaderboardOut, parseCheckinInput, photoParam } from './schema.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** Photo bytes go out only as the image type their content was checked to be, never sniffed into HTML. */
export function sendPhoto(reply: FastifyReply, photo: { bytes: Buffer; mime: string }) {
  return reply.header('content-type', photo.mime).header('x-content-type-options', 'nosniff').header('content-disposition', 'inline')
    .header('content-security-policy', "default-src 'none'").header('cache-control', 'private, no-cache').send(photo.bytes);
}

export function memberCheckinRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['member pages'];
  const { checkins } = services;

  r.get('/api/m/campaigns/:key', {
    schema: { tags, summary: 'Member home of one campaign: enrollment, group, today, progress, calendar, settlement', params: keyParam, response: { 200: memberHomeOut, ...errors } },
  }, async (req) => {
    const member = requireMember(req);
    return checkins.home(member, req.params.key);
  });

  r.get('/api/m/campaigns/:key/leaderboard', {
    schema: { tags, summary: 'Leaderboard: today (earliest first), week (last 7 campaign days), total (days, then streak); 50 rows and my rank', params: keyParam, querystring: leaderboardQuery, response: { 200: memberLeaderboardOut, ...errors } },
  }, async (req) => {
    const member = requireMember(req);
    return checkins.memberLeaderboard(member, req.params.key, req.query.period);
  });

  r.post('/api/m/campaigns/:key/checkins', {
    schema: {
      tags, params: keyParam, consumes: ['application/json', 'multipart/form-data'], response: { 200: memberCheckinOut, 201: memberCheckinOut, ...errors },
      summary: 'Check in: JSON {text, day?} or multipart (text, day, up to 9 "photos" ≤ 5 MB, checked by content). 201 first of the day, 200 an edit; day = a past day to make up',
    },
    // The hot path (benchmarked): the answer is built from typed rows, so re-checking it with zod on the way out
    // would only cost time. The schemas above still document it.
    serializerCompiler: () => (data) => JSON.stringify(data),
  }, async (req, reply) => {
    const member = requireMember(req);
    const { input, photos } = req.isMultipart() ? await readCheckinForm(req) : { input: parseCheckinInput(req.body), photos: [] };
    const result = await checkins.checkIn(member, req.params.key, input, photos);
    return reply.status(result.created ? 201 : 200).send(result.checkin);
  });

  r.get('/api/m/photos/:id', {
    schema: { tags, summary: "One of the member's own check-in photos", params: photoParam, response: { 200: z.any().describe('the image bytes'), ...errors } },
  }, async (req, reply) => {
    const member = requireMember(req);
    return sendPhoto(reply, await checkins.memberPhoto(member, req.params.id));
  });
}
