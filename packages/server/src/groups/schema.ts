// API contract for chat groups (社群), their QR images, membership periods, member list imports and the matrix.
import { z } from 'zod';
import { pageQuery, text } from '../http/schemas.js';
import { memberNoParam } from '../members/schema.js';

export const PLATFORMS = ['wechat', 'wecom', 'telegram', 'other'] as const;
export const GROUP_STATUSES = ['open', 'full', 'archived', 'dissolved'] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];
export const QR_STATUSES = ['none', 'valid', 'expiring', 'expired'] as const;
export type QrStatus = (typeof QR_STATUSES)[number];
export const MEMBERSHIP_SOURCES = ['manual', 'import', 'connector'] as const;
export const REMINDER_REASONS = ['qr_missing', 'qr_expiring', 'qr_expired', 'near_capacity'] as const;
export type ReminderReason = (typeof REMINDER_REASONS)[number];
export const REVIEW_REASONS = ['ambiguous_nickname', 'fuzzy_nickname', 'no_match', 'conflicting_match'] as const;

/** Scan-join stops at 200; a group of up to 500 needs invitations. */
export const DEFAULT_CAPACITY = 200;
export const MAX_CAPACITY = 500;
export const QR_LIFETIME_MS = 7 * 24 * 3600_000;
export const QR_WARNING_MS = 24 * 3600_000;
/** Reminded to open a new group from this many members (capped by the group's own capacity − 10). */
export const NEAR_CAPACITY = 190;

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const isoTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });
const capacity = z.number().int().min(1, 'must be at least 1').max(MAX_CAPACITY, `must be at most ${MAX_CAPACITY}`);

export const createGroupBody = z.strictObject({
  platform: z.enum(PLATFORMS),
  name: text(60),
  ownerStaffId: id.nullable().optional(),
  capacity: capacity.optional(),
  campaignId: id.nullable().optional(),
  seriesId: id.nullable().optional(),
  theme: z.string().trim().max(60, 'must be at most 60 characters').optional(),
  status: z.enum(GROUP_STATUSES).optional(),
});
export type CreateGroupInput = z.infer<typeof createGroupBody>;

export const updateGroupBody = createGroupBody.partial();
export type UpdateGroupInput = z.infer<typeof updateGroupBody>;

export const listGroupsQuery = z.strictObject({
  campaignId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  seriesId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  status: z.enum(GROUP_STATUSES).optional(),
  q: z.string().trim().max(60, 'must be at most 60 characters').optional(),
  ...pageQuery,
});

const ref = z.object({ id: z.number(), key: z.string(), name: z.string() });

export const groupOut = z.object({
  id: z.number(),
  platform: z.string(),
  name: z.string(),
  owner: z.object({ id: z.number(), displayName: z.string() }).nullable(),
  capacity: z.number(),
  campaign: ref.nullable(),
  series: ref.nullable(),
  theme: z.string(),
  status: z.string(),
  memberCount: z.number(),
  qrStatus: z.enum(QR_STATUSES),
  qrUploadedAt: z.string().nullable(),
  qrExpiresAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type GroupOut = z.infer<typeof groupOut>;

export const reminderOut = z.object({
  groupId: z.number(),
  groupName: z.string(),
  reason: z.enum(REMINDER_REASONS),
  message: z.string(),
  memberCount: z.number(),
  capacity: z.number(),
  qrExpiresAt: z.string().nullable(),
});

export const membershipOut = z.object({
  id: z.number(),
  memberNo: z.number(),
  nickname: z.string(),
  joinedAt: z.string(),
  leftAt: z.string().nullable(),
  source: z.string(),
  groupNickname: z.string().nullable(),
});

export const memberGroupOut = z.object({
  id: z.number(),
  group: z.object({ id: z.number(), name: z.string(), platform: z.string(), status: z.string() }),
  joinedAt: z.string(),
  leftAt: z.string().nullable(),
  source: z.string(),
  groupNickname: z.string().nullable(),
});

export const membershipsQuery = z.strictObject({ period: z.enum(['current', 'all']).default('current'), ...pageQuery });
export const joinBody = z.strictObject({
  memberNo: z.number().int().min(1).max(999_999_999_999),
  joinedAt: isoTime.optional(),
  groupNickname: z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters').optional(),
});
export const leaveBody = z.strictObject({ leftAt: isoTime.optional() });
export const groupMemberParam = z.strictObject({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER), memberNo: memberNoParam.shape.memberNo });

export const qrFormFields = z.strictObject({ expiresAt: isoTime.optional() });
export const importQuery = z.strictObject({ snapshot: z.enum(['true', 'false']).default('true') });

export const importSummaryOut = z.object({
  rows: z.number(),
  matched: z.number(),
  byMemberNo: z.number(),
  byIdentity: z.number(),
  byNickname: z.number(),
  alreadyIn: z.number(),
  joined: z.number(),
  left: z.number(),
  toReview: z.number(),
  snapshot: z.boolean(),
  columns: z.array(z.object({ header: z.string(), meaning: z.string() })),
});
export type ImportSummary = z.infer<typeof importSummaryOut>;

export const candidateOut = z.object({ memberNo: z.number(), nickname: z.string() });
export const reviewOut = z.object({
  id: z.number(),
  groupId: z.number(),
  groupNickname: z.string(),
  row: z.record(z.string(), z.string()),
  reason: z.string(),
  candidates: z.array(candidateOut),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
});
export const reviewsQuery = z.strictObject({ status: z.enum(['open', 'all']).default('open') });

export const resolveBody = z.strictObject({
  memberNo: z.number().int().min(1).max(999_999_999_999).optional(),
  createMember: z.strictObject({ nickname: text(64) }).optional(),
  ignore: z.literal(true).optional(),
}).superRefine((body, ctx) => {
  const given = [body.memberNo !== undefined, body.createMember !== undefined, body.ignore !== undefined].filter(Boolean).length;
  if (given !== 1) ctx.addIssue({ code: 'custom', path: ['memberNo'], message: 'give exactly one of memberNo, createMember, ignore' });
});
export type ResolveInput = z.infer<typeof resolveBody>;

const matrixGroup = z.object({
  id: z.number(),
  name: z.string(),
  platform: z.string(),
  status: z.string(),
  theme: z.string(),
  memberCount: z.number(),
  capacity: z.number(),
  qrStatus: z.enum(QR_STATUSES),
  campaignId: z.number().nullable(),
  campaignKey: z.string().nullable(),
});
const matrixTotals = z.object({ members: z.number(), groups: z.number(), groupsOpen: z.number() });
export const matrixOut = z.object({
  series: z.array(z.object({
    id: z.number(),
    key: z.string(),
    name: z.string(),
    theme: z.string(),
    campaigns: z.array(z.object({ id: z.number(), key: z.string(), name: z.string(), startsOn: z.string(), endsOn: z.string() })),
    groups: z.array(matrixGroup),
    totals: matrixTotals,
  })),
  unassigned: z.object({ groups: z.array(matrixGroup), totals: matrixTotals }),
  definitions: z.record(z.string(), z.string()),
});
