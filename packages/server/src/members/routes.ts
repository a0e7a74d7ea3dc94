// HTTP for the member registry. Members are addressed by member number (学号), the way staff speak of them.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntryOut } from '../audit/routes.js';
import { access } from '../http/access.js';
import { commonErrors, idParam, page, pageQuery } from '../http/schemas.js';
import type { Services } from '../services.js';
import {
  blockBody, createMemberBody, eraseBody, identityIn, identityOut, identityParam, listMembersQuery, memberNoParam, memberOut,
  memberSummaryOut, mergeBody, mergeOut, nicknameOut, recordIn, recordOut, recordsQuery, tagAssignBody, tagParam, unblockBody, updateMemberBody,
} from './schema.js';

export function memberRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['members'];
  const { members } = services;
  const one = { 200: memberOut, ...commonErrors };

  r.get('/members', { schema: { tags, summary: 'List and search members (number, exact identity, name/phone fragment; tags = all of)', querystring: listMembersQuery, response: { 200: page(memberSummaryOut), ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'members.read');
    const { q, tags: tagList, blocked, cursor, limit } = req.query;
    const tagIds = tagList ? [...new Set(tagList.split(',').map(Number))] : [];
    if (tagIds.length) await services.tags.requireTags(ctx, tagIds, 'tags');
    return members.list(ctx, { q: q || undefined, tagIds, blocked: blocked === undefined ? undefined : blocked === 'true', cursor: cursor ? Number(cursor) : undefined, limit });
  });

  r.post('/members', { schema: { tags, summary: 'Create a member; the next member number is assigned', body: createMemberBody, response: { 201: memberOut, ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'members.write');
    return reply.status(201).send(await members.create(ctx, req.body));
  });

  r.get('/members/lookup', { schema: { tags, summary: 'The member holding an identity (exact kind and value)', querystring: identityIn, response: one } }, async (req) => {
    const ctx = access(req, 'members.read');
    return members.getByIdentity(ctx, req.query.kind, req.query.value);
  });

  r.get('/members/:memberNo', { schema: { tags, summary: 'A member profile (a merged-away number resolves to the survivor)', params: memberNoParam, response: one } }, async (req) => {
    const ctx = access(req, 'members.read');
    return members.get(ctx, req.params.memberNo);
  });

  r.patch('/members/:memberNo', { schema: { tags, summary: 'Change nickname or attributes', params: memberNoParam, body: updateMemberBody, response: one } }, async (req) => {
    const ctx = access(req, 'members.write');
    return members.update(ctx, req.params.memberNo, req.body);
  });

  r.get('/members/:memberNo/nicknames', { schema: { tags, summary: 'Nickname history, newest first', params: memberNoParam, response: { 200: z.object({ items: z.array(nicknameOut) }), ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'members.read');
    return { items: await members.nicknames(ctx, req.params.memberNo) };
  });

  r.post('/members/:memberNo/identities', { schema: { tags, summary: 'Add an identity (unique in the workspace)', params: memberNoParam, body: identityIn, response: { 201: identityOut, ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'members.write');
    return reply.status(201).send(await members.addIdentity(ctx, req.params.memberNo, req.body));
  });

  r.delete('/members/:memberNo/identities/:id', { schema: { tags, summary: 'Remove an identity', params: identityParam, response: { 204: z.null(), ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'members.write');
    await members.removeIdentity(ctx, req.params.memberNo, req.params.id);
    return reply.status(204).send(null);
  });

  r.post('/members/:memberNo/tags', { schema: { tags, summary: 'Tag a member', params: memberNoParam, body: tagAssignBody, response: one } }, async (req) => {
    const ctx = access(req, 'members.tag');
    return members.addTag(ctx, req.params.memberNo, req.body.tagId);
  });

  r.delete('/members/:memberNo/tags/:tagId', { schema: { tags, summary: 'Remove a tag from a member', params: tagParam, response: one } }, async (req) => {
    const ctx = access(req, 'members.tag');
    return members.removeTag(ctx, req.params.memberNo, req.params.tagId);
  });

  r.get('/members/:memberNo/records', { schema: { tags, summary: 'Service records, newest first', params: memberNoParam, querystring: recordsQuery, response: { 200: page(recordOut), ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'members.read');
    return services.records.list(ctx, req.params.memberNo, req.query);
  });

  r.post('/members/:memberNo/records', { schema: { tags, summary: 'Write a service record', params: memberNoParam, body: recordIn, response: { 201: recordOut, ...commonErrors } } }, async (req, reply) => {
    const ctx = access(req, 'records.write');
    return reply.status(201).send(await services.records.add(ctx, req.params.memberNo, req.body));
  });

  r.post('/members/:memberNo/block', { schema: { tags, summary: 'Put a member on the blocklist', params: memberNoParam, body: blockBody, response: one } }, async (req) => {
    const ctx = access(req, 'members.block');
    return members.block(ctx, req.params.memberNo, req.body.reason);
  });

  r.post('/members/:memberNo/unblock', { schema: { tags, summary: 'Lift a blocklisting', params: memberNoParam, body: unblockBody, response: one } }, async (req) => {
    const ctx = access(req, 'members.block');
    return members.unblock(ctx, req.params.memberNo, req.body.reason);
  });

  r.post('/members/:memberNo/merge', { schema: { tags, summary: 'Merge another member (a duplicate) into this one', params: memberNoParam, body: mergeBody, response: { 200: z.object({ merge: mergeOut, member: memberOut }), ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'members.merge');
    return services.merges.merge(ctx, req.params.memberNo, req.body.fromMemberNo);
  });

  r.get('/members/:memberNo/merges', { schema: { tags, summary: 'Merges this member took part in', params: memberNoParam, response: { 200: z.object({ items: z.array(mergeOut) }), ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'members.read');
    return { items: await services.merges.list(ctx, req.params.memberNo) };
  });

  r.post('/merges/:id/undo', { schema: { tags, summary: 'Undo a merge', params: idParam, response: { 200: z.object({ member: memberOut }), ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'members.merge');
    return services.merges.undo(ctx, req.params.id);
  });

  r.post('/members/:memberNo/erase', { schema: { tags, summary: "Erase a person's personal data (irreversible)", params: memberNoParam, body: eraseBody, response: one } }, async (req) => {
    const ctx = access(req, 'members.erase');
    return services.erase(ctx, req.params.memberNo, req.body.confirmMemberNo);
  });

  r.get('/members/:memberNo/audit', { schema: { tags, summary: 'Audit trail of this member', params: memberNoParam, querystring: z.strictObject(pageQuery), response: { 200: page(auditEntryOut), ...commonErrors } } }, async (req) => {
    const ctx = access(req, 'audit.read');
    const member = await members.get(ctx, req.params.memberNo);
    return services.audit(ctx, { memberId: member.id, limit: req.query.limit, before: req.query.cursor ? Number(req.query.cursor) : undefined });
  });
}
