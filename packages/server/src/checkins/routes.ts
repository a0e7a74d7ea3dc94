// HTTP for staff on check-ins (/api/v1): a campaign's check-ins, the review queue and decisions (one or a batch),
// photo bytes, the leaderboard with member ids, and the absentees of a day.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../http/access.js';
import { commonErrors, idParam, page } from '../http/schemas.js';
import type { Services } from '../services.js';
import { sendPhoto } from './member-routes.js';
import {
  absenteesOut, absenteesQuery, bulkReviewBody, bulkReviewOut, campaignCheckinsQuery, checkinPhotoParam, leaderboardQuery,
  reviewBody, reviewQueueQuery, staffCheckinOut, staffLeaderboardOut,
} from './schema.js';

export function checkinRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['check-ins'];
  const { checkins } = services;

  r.get('/campaigns/:id/checkins', {
    schema: { tags, summary: "A campaign's check-ins, newest first (filters: day, memberNo)", params: idParam, querystring: campaignCheckinsQuery, response: { 200: page(staffCheckinOut), ...commonErrors } },
  }, async (req) => {
    const ctx = access(req, 'campaigns.read');
    return checkins.list(ctx, req.params.id, req.query);
  });

  r.get('/checkins/review', {
    schema: { tags, summary: 'The review queue, oldest first: flagged check-ins (status=pending, the default) or decided ones', querystring: reviewQueueQuery, response: { 200: page(staffCheckinOut), ...commonErrors } },
  }, async (req) => {
    const ctx = access(req, 'campaigns.read');
    return checkins.reviewQueue(ctx, req.query);
  });

  r.post('/checkins/:id/review', {
    schema: { tags, summary: 'Approve or reject a check-in (a reason is required to reject); audited', params: idParam, body: reviewBody, response: { 200: staffCheckinOut, ...commonErrors } },
  }, async (req) => {
    const ctx = access(req, 'checkins.review');
    return checkins.review(ctx, req.params.id, req.body);
  });

  r.post('/checkins/review', {
    schema: { tags, summary: 'Approve or reject up to 500 check-ins at once (all or none); audited per check-in', body: bulkReviewBody, response: { 200: bulkReviewOut, ...commonErrors } },
  }, async (req) => {
    const ctx = access(req, 'checkins.review');
    return checkins.bulkReview(ctx, req.body.ids, req.body);
  });

  r.get('/checkins/:id/photos/:photoId', {
    schema: { tags, summary: 'A check-in photo (served as its checked image type, never as HTML)', params: checkinPhotoParam, response: { 200: z.any().describe('the image bytes'), ...commonErrors } },
  }, async (req, reply) => {
    const ctx = access(req, 'campaigns.read');
    return sendPhoto(reply, await checkins.staffPhoto(ctx, req.params.id, req.params.photoId));
  });

  r.get('/campaigns/:id/leaderboard', {
    schema: { tags, summary: 'The leaderboard as members see it, with member and enrollment ids', params: idParam, querystring: leaderboardQuery, response: { 200: staffLeaderboardOut, ...commonErrors } },
  }, async (req) => {
    const ctx = access(req, 'campaigns.read');
    return checkins.staffLeaderboard(ctx, req.params.id, req.query.period);
  });

  r.get('/campaigns/:id/absentees', {
    schema: { tags, summary: 'Absentees of a day (default today): active, in a group, no check-in that day, refund requirement not met', params: idParam, querystring: absenteesQuery, response: { 200: absenteesOut, ...commonErrors } },
  }, async (req) => {
    const ctx = access(req, 'campaigns.read');
    return checkins.absentees(ctx, req.params.id, req.query.date);
  });
}
