// HTTP for chat groups, their QR images, membership periods, member-list imports and the community matrix.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../http/access.js';
import { AppError } from '../http/errors.js';
import { commonErrors, errorBody, idParam, page } from '../http/schemas.js';
import { memberNoParam } from '../members/schema.js';
import type { Services } from '../services.js';
import { checkImage } from './qr-image.js';
import {
  createGroupBody, groupMemberParam, groupOut, importQuery, importSummaryOut, joinBody, leaveBody, listGroupsQuery, matrixOut, memberGroupOut,
  membershipOut, membershipsQuery, qrFormFields, reminderOut, resolveBody, reviewOut, reviewsQuery, updateGroupBody,
} from './schema.js';
import { readUpload } from './upload.js';

const uploadErrors = { ...commonErrors, 413: errorBody };

export function groupRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['groups'];
  const { groups } = services;
  const one = { 200: groupOut, ...commonErrors };

  r.get('/groups', { schema: { tags, summary: 'List chat groups (filters: campaign, series, status, name)', querystring: listGroupsQuery, response: { 200: page(groupOut), ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'groups.read');
    const { cursor, q, ...rest } = req.query;
    return groups.list(ctx, { ...rest, q: q || undefined, beforeId: cursor ? Number(cursor) : undefined });
  });

  r.post('/groups', { schema: { tags, summary: 'Create a chat group (capacity 200 by default, 500 at most)', body: createGroupBody, response: { 201: groupOut, ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'groups.manage');
    return reply.status(201).send(await groups.create(ctx, req.body));
  });

  r.get('/groups/reminders', { schema: { tags, summary: 'Open groups that need a new QR (missing, expiring within 24 h, expired) or a new group (near full)', response: { 200: z.object({ items: z.array(reminderOut) }), ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'groups.read');
    return { items: await groups.reminders(ctx) };
  });

  r.get('/groups/:id', { schema: { tags, summary: 'A chat group', params: idParam, response: one } }, async (req) => {
    const ctx = access(req, 'groups.read');
    return groups.get(ctx, req.params.id);
  });

  r.patch('/groups/:id', { schema: { tags, summary: 'Change a group; status moves open ⇄ full → archived → dissolved (dissolving ends every membership)', params: idParam, body: updateGroupBody, response: one } }, async (req) => {
    const ctx = access(req, 'groups.manage');
    return groups.update(ctx, req.params.id, req.body);
  });

  r.post('/groups/:id/qr', { schema: { tags, summary: 'Upload the group QR (multipart field "file": PNG/JPEG/WebP/GIF ≤ 2 MB; optional "expiresAt" ≤ 7 days, default 7 days)', params: idParam, consumes: ['multipart/form-data'], response: { 200: groupOut, ...uploadErrors } } }, async (req) => {
    const ctx = access(req, 'groups.manage');
    await groups.requireRow(groups.db, ctx, req.params.id);
    const upload = await readUpload(req);
    const fields = qrFormFields.safeParse(upload.fields);
    if (!fields.success) {
      const issue = fields.error.issues[0]!;
      const name = String(issue.path[0] ?? (issue.code === 'unrecognized_keys' ? issue.keys[0] : 'file'));
      throw new AppError(400, 'validation.failed', `Invalid form field ${name}: ${issue.message}`, { [name]: issue.code === 'unrecognized_keys' ? 'unknown field' : issue.message });
    }
    const kind = checkImage(upload.file.bytes);
    return groups.setQr(ctx, req.params.id, upload.file.bytes, kind, fields.data.expiresAt);
  });

  r.get('/groups/:id/qr', { schema: { tags, summary: 'The group QR image (served as the checked image type, never as HTML)', params: idParam, response: { 200: z.any().describe('the image bytes'), ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'groups.read');
    const { bytes, mime } = await groups.getQr(ctx, req.params.id);
    return reply.header('content-type', mime).header('x-content-type-options', 'nosniff').header('content-disposition', 'inline')
      .header('content-security-policy', "default-src 'none'").header('cache-control', 'private, no-cache').send(bytes);
  });

  r.get('/groups/:id/members', { schema: { tags, summary: 'Membership periods of a group (period=current: still in; all: with past periods), newest first', params: idParam, querystring: membershipsQuery, response: { 200: page(membershipOut), ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'groups.read');
    return groups.memberships.list(ctx, req.params.id, req.query);
  });

  r.post('/groups/:id/members', { schema: { tags, summary: 'Record a member joining the group (source manual)', params: idParam, body: joinBody, response: { 201: membershipOut, ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'groups.manage');
    return reply.status(201).send(await groups.memberships.join(ctx, req.params.id, req.body));
  });

  r.post('/groups/:id/members/:memberNo/leave', { schema: { tags, summary: 'Record a member leaving the group (ends the open period)', params: groupMemberParam, body: leaveBody, response: { 200: membershipOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'groups.manage');
    return groups.memberships.leave(ctx, req.params.id, req.params.memberNo, req.body.leftAt);
  });

  r.get('/members/:memberNo/groups', { schema: { tags, summary: "A member's group history: every period in every group, newest first", params: memberNoParam, response: { 200: z.object({ items: z.array(memberGroupOut) }), ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'groups.read');
    return { items: await groups.memberships.ofMember(ctx, req.params.memberNo) };
  });

  r.post('/groups/:id/import', {
    schema: {
      tags, params: idParam, querystring: importQuery, consumes: ['multipart/form-data'], response: { 200: importSummaryOut, ...uploadErrors },
      summary: "Import the group's member list (multipart \"file\", CSV or XLSX). Rows match by member number in the group nickname, exact identity, or a nickname only one member ever had; the rest go to the review list. With snapshot=true (default) the list is the whole group: members absent from it are recorded as left.",
    },
  }, async (req) => {
    const ctx = access(req, 'groups.manage');
    await groups.requireRow(groups.db, ctx, req.params.id);
    const upload = await readUpload(req);
    return groups.lists.run(ctx, req.params.id, upload.file, req.query.snapshot === 'true');
  });

  r.get('/groups/:id/reviews', { schema: { tags, summary: 'Member-list rows waiting for a person to decide who they are', params: idParam, querystring: reviewsQuery, response: { 200: z.object({ items: z.array(reviewOut) }), ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'groups.read');
    return { items: await groups.lists.reviews(ctx, req.params.id, req.query.status) };
  });

  r.post('/group-reviews/:id/resolve', { schema: { tags, summary: 'Decide a review row: it is member {memberNo}, a new member {createMember}, or {ignore: true}', params: idParam, body: resolveBody, response: { 200: reviewOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'groups.manage');
    return groups.lists.resolve(ctx, req.params.id, req.body);
  });

  r.get('/matrix', { schema: { tags, summary: 'The community matrix: series with their campaigns and groups, and groups in no series', response: { 200: matrixOut, ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'groups.read');
    return groups.matrix(ctx);
  });
}
