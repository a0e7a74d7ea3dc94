// API contract for the member registry: members, identities, nickname history, service records, merges.
import { z } from 'zod';
import { text } from '../http/schemas.js';
import { tagOut } from '../tags/schema.js';

export const IDENTITY_KINDS = ['wechat_unionid', 'wechat_openid', 'wecom_external_userid', 'phone', 'telegram_user_id', 'email', 'custom'] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];
export const SERVICE_RECORD_KINDS = ['note', 'call', 'chat_summary'] as const;

export const memberNoParam = z.strictObject({ memberNo: z.coerce.number().int().min(1).max(999_999_999_999) });

export const identityIn = z.strictObject({
  kind: z.enum(IDENTITY_KINDS),
  value: z.string().trim().min(1, 'must not be empty').max(128, 'must be at most 128 characters'),
});
export const identityOut = z.object({ id: z.number(), kind: z.string(), value: z.string(), createdAt: z.string() });

const attributeValue = z.union([z.string().max(500, 'must be at most 500 characters'), z.number(), z.boolean()]);
export const attributes = z.record(z.string().trim().min(1).max(40, 'attribute names are at most 40 characters'), attributeValue)
  .refine((a) => Object.keys(a).length <= 50, 'at most 50 attributes');
export type Attributes = z.infer<typeof attributes>;

export const createMemberBody = z.strictObject({
  nickname: text(64),
  phone: z.string().trim().max(32).optional(),
  identities: z.array(identityIn).max(20).optional(),
  attributes: attributes.optional(),
});
export type CreateMemberInput = z.infer<typeof createMemberBody> & { createdAt?: string; nicknameContext?: string };

export const updateMemberBody = z.strictObject({
  nickname: text(64).optional(),
  attributes: attributes.optional(),
});

export const memberSummaryOut = z.object({
  id: z.number(),
  memberNo: z.number(),
  nickname: z.string(),
  phone: z.string().nullable(),
  tags: z.array(tagOut),
  blocked: z.boolean(),
  erased: z.boolean(),
  createdAt: z.string(),
});
export type MemberSummary = z.infer<typeof memberSummaryOut>;

export const memberOut = z.object({
  id: z.number(),
  memberNo: z.number(),
  nickname: z.string(),
  phone: z.string().nullable(),
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  createdAt: z.string(),
  updatedAt: z.string(),
  erasedAt: z.string().nullable(),
  blocked: z.object({ reason: z.string(), by: z.object({ id: z.number(), displayName: z.string() }).nullable(), at: z.string() }).nullable(),
  identities: z.array(identityOut),
  tags: z.array(tagOut),
  mergedNumbers: z.array(z.number()),
  resolvedFrom: z.number().nullable(),
});
export type Member = z.infer<typeof memberOut>;

export const listMembersQuery = z.strictObject({
  q: z.string().trim().max(64, 'must be at most 64 characters').optional(),
  tags: z.string().regex(/^\d{1,15}(,\d{1,15}){0,19}$/, 'must be tag ids separated by commas').optional(),
  blocked: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().regex(/^\d{1,15}$/, 'must be a cursor returned by the previous page').optional(),
});

export const nicknameOut = z.object({ id: z.number(), nickname: z.string(), context: z.string(), at: z.string() });

export const recordIn = z.strictObject({
  kind: z.enum(SERVICE_RECORD_KINDS),
  content: text(5000),
  occurredAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
});
export const recordOut = z.object({
  id: z.number(),
  kind: z.string(),
  content: z.string(),
  occurredAt: z.string(),
  staff: z.object({ id: z.number(), displayName: z.string() }).nullable(),
  createdAt: z.string(),
});
export const recordsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().regex(/^[A-Za-z0-9_-]{1,120}$/, 'must be a cursor returned by the previous page').optional(),
});

export const blockBody = z.strictObject({ reason: text(500) });
export const unblockBody = z.strictObject({ reason: z.string().trim().max(500).optional() });
export const tagAssignBody = z.strictObject({ tagId: z.number().int().positive() });
export const tagParam = z.strictObject({ memberNo: memberNoParam.shape.memberNo, tagId: z.coerce.number().int().positive() });
export const identityParam = z.strictObject({ memberNo: memberNoParam.shape.memberNo, id: z.coerce.number().int().positive() });
export const mergeBody = z.strictObject({ fromMemberNo: z.number().int().positive() });
export const eraseBody = z.strictObject({ confirmMemberNo: z.number().int().positive() });

export const mergeOut = z.object({
  id: z.number(),
  survivorNo: z.number(),
  mergedNo: z.number(),
  at: z.string(),
  by: z.object({ id: z.number(), displayName: z.string() }).nullable(),
  undoneAt: z.string().nullable(),
});
